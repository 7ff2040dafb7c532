-- Hand-written: the ledger's integrity checks once per journal transaction instead of once per
-- posting (the per-posting triggers of *_ledger_integrity fired three sums and an escrow scan for
-- every money movement). The rules are unchanged, still enforced by the database:
--  * every journal transaction is balanced: at commit its postings (at least two) sum to zero;
--  * no order's escrow goes below zero (no fen is released or refunded twice), checked at commit;
--  * postings join only a journal transaction written in the same database transaction, so a
--    committed transaction can never be changed by adding postings to it later (append-only is
--    still refused UPDATE, DELETE and TRUNCATE by *_ledger_integrity).
-- One deferred constraint trigger per journal transaction does the first two at commit; one
-- statement-level trigger over the inserted postings (a transition table) does the third.

DROP TRIGGER journal_transaction_balanced ON fees.journal_transaction;
DROP TRIGGER posting_balanced ON fees.posting;
DROP TRIGGER posting_escrow_not_negative ON fees.posting;
DROP FUNCTION fees.journal_transaction_balanced();
DROP FUNCTION fees.escrow_not_negative();

CREATE FUNCTION fees.journal_transaction_checked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total numeric;
  n int;
  overdrawn uuid;
  held numeric;
BEGIN
  SELECT coalesce(sum(amount_fen), 0), count(*) INTO total, n FROM fees.posting WHERE transaction_id = NEW.id;
  IF n < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'journal transaction % is unbalanced: % postings summing to % fen', NEW.id, n, total
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT e.order_id, sum(e.amount_fen) INTO overdrawn, held
    FROM fees.posting e
    WHERE e.account = 'escrow' AND e.order_id IN (
      SELECT order_id FROM fees.posting WHERE transaction_id = NEW.id AND account = 'escrow' AND amount_fen < 0)
    GROUP BY e.order_id HAVING sum(e.amount_fen) < 0
    LIMIT 1;
  IF overdrawn IS NOT NULL THEN
    RAISE EXCEPTION 'order % would hold % fen in escrow', overdrawn, held
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER journal_transaction_checked AFTER INSERT ON fees.journal_transaction
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fees.journal_transaction_checked();

-- xmin of a journal transaction row is the database transaction that wrote it.
CREATE FUNCTION fees.postings_join_new_transactions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  closed uuid;
BEGIN
  SELECT t.id INTO closed
    FROM added a JOIN fees.journal_transaction t ON t.id = a.transaction_id
    WHERE t.xmin <> pg_current_xact_id()::xid
    LIMIT 1;
  IF closed IS NOT NULL THEN
    RAISE EXCEPTION 'journal transaction % is committed: postings cannot be added to it', closed
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER posting_joins_new_transaction AFTER INSERT ON fees.posting
  REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION fees.postings_join_new_transactions();
