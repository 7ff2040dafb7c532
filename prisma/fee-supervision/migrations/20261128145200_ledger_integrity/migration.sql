-- Hand-written: Prisma cannot model triggers or check constraints. Families' money must add up in
-- the database itself, whatever code path (or psql session) writes to it:
--  * postings and journal transactions are append-only: UPDATE, DELETE and TRUNCATE are refused;
--  * every journal transaction is balanced: at commit its postings (at least two, none zero) sum
--    to zero — a deferred constraint trigger, so the postings of one transaction may be inserted
--    one by one within the database transaction;
--  * no order's escrow goes below zero (no fen is released or refunded twice), checked at commit;
--  * accounts and kinds are the ledger's own (domain/ledger.ts).

ALTER TABLE fees.posting
  ADD CONSTRAINT posting_amount_not_zero CHECK (amount_fen <> 0),
  ADD CONSTRAINT posting_account_known CHECK (
    account IN ('family-clearing', 'escrow', 'settlement', 'refunds-payable', 'risk-reserve')),
  ADD CONSTRAINT posting_families_money_has_order CHECK (
    account NOT IN ('family-clearing', 'escrow') OR order_id IS NOT NULL);

ALTER TABLE fees.journal_transaction
  ADD CONSTRAINT journal_transaction_kind_known CHECK (
    kind IN ('payment', 'release', 'refund', 'reserve-deposit'));

CREATE FUNCTION fees.ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'fees.% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER posting_append_only BEFORE UPDATE OR DELETE ON fees.posting
  FOR EACH ROW EXECUTE FUNCTION fees.ledger_append_only();
CREATE TRIGGER posting_no_truncate BEFORE TRUNCATE ON fees.posting
  FOR EACH STATEMENT EXECUTE FUNCTION fees.ledger_append_only();
CREATE TRIGGER journal_transaction_append_only BEFORE UPDATE OR DELETE ON fees.journal_transaction
  FOR EACH ROW EXECUTE FUNCTION fees.ledger_append_only();
CREATE TRIGGER journal_transaction_no_truncate BEFORE TRUNCATE ON fees.journal_transaction
  FOR EACH STATEMENT EXECUTE FUNCTION fees.ledger_append_only();

-- Fired at commit for each new transaction (so one without postings fails too) and each posting.
CREATE FUNCTION fees.journal_transaction_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tx_id uuid;
  total numeric;
  n int;
BEGIN
  IF TG_TABLE_NAME = 'posting' THEN
    tx_id := NEW.transaction_id;
  ELSE
    tx_id := NEW.id;
  END IF;
  SELECT coalesce(sum(amount_fen), 0), count(*) INTO total, n FROM fees.posting WHERE transaction_id = tx_id;
  IF n < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'journal transaction % is unbalanced: % postings summing to % fen', tx_id, n, total
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER journal_transaction_balanced AFTER INSERT ON fees.journal_transaction
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fees.journal_transaction_balanced();
CREATE CONSTRAINT TRIGGER posting_balanced AFTER INSERT ON fees.posting
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fees.journal_transaction_balanced();

CREATE FUNCTION fees.escrow_not_negative() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  held numeric;
BEGIN
  SELECT coalesce(sum(amount_fen), 0) INTO held FROM fees.posting
    WHERE order_id = NEW.order_id AND account = 'escrow';
  IF held < 0 THEN
    RAISE EXCEPTION 'order % would hold % fen in escrow', NEW.order_id, held
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER posting_escrow_not_negative AFTER INSERT ON fees.posting
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.account = 'escrow' AND NEW.amount_fen < 0)
  EXECUTE FUNCTION fees.escrow_not_negative();
