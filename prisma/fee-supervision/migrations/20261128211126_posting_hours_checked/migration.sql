-- Hand-written: the hours of a journal transaction on each of its postings (the column added by
-- *_posting_hours), so an order's position is read from its escrow postings alone.
--  * The ledgers written before it get the copy: postings are append-only, so the guard is lifted
--    for this one statement inside the migration's transaction and put back before it commits;
--    amounts, accounts and orders are not touched.
--  * The check at commit (journal_transaction_checked) now also refuses a posting whose hours
--    differ from its transaction's, so the copy can never drift from the ledger.
ALTER TABLE fees.posting DISABLE TRIGGER posting_append_only;
UPDATE fees.posting p SET hours = t.hours
  FROM fees.journal_transaction t
  WHERE t.id = p.transaction_id AND t.hours IS NOT NULL;
ALTER TABLE fees.posting ENABLE TRIGGER posting_append_only;

CREATE OR REPLACE FUNCTION fees.journal_transaction_checked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total numeric;
  n int;
  strays int;
  overdrawn uuid;
  held numeric;
BEGIN
  SELECT coalesce(sum(amount_fen), 0), count(*), count(*) FILTER (WHERE hours IS DISTINCT FROM NEW.hours)
    INTO total, n, strays FROM fees.posting WHERE transaction_id = NEW.id;
  IF n < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'journal transaction % is unbalanced: % postings summing to % fen', NEW.id, n, total
      USING ERRCODE = 'check_violation';
  END IF;
  IF strays > 0 THEN
    RAISE EXCEPTION 'journal transaction % settles % hours, but % of its postings say otherwise', NEW.id, NEW.hours, strays
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
