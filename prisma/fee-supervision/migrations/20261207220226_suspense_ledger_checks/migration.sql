-- Hand-written: Prisma cannot model check constraints. The ledger learns the suspense account
-- (待查明款项: a payment the bank confirms but that no order can take) and its three kinds of
-- transaction (into suspense, back to the payer, matched to an order). A suspense item is paid out
-- or matched once: the item's row is locked and its status checked, and each act has its own
-- idempotency key, so suspense can only be moved out as often as it came in.
ALTER TABLE fees.posting DROP CONSTRAINT posting_account_known;
ALTER TABLE fees.posting ADD CONSTRAINT posting_account_known CHECK (
  account IN ('family-clearing', 'escrow', 'settlement', 'refunds-payable', 'risk-reserve', 'suspense'));

ALTER TABLE fees.journal_transaction DROP CONSTRAINT journal_transaction_kind_known;
ALTER TABLE fees.journal_transaction ADD CONSTRAINT journal_transaction_kind_known CHECK (
  kind IN ('payment', 'release', 'refund', 'reserve-deposit', 'suspense-receipt', 'suspense-refund', 'suspense-match'));

ALTER TABLE fees.suspense_item
  ADD CONSTRAINT suspense_item_amount_positive CHECK (amount_fen > 0),
  ADD CONSTRAINT suspense_item_status_known CHECK (status IN ('open', 'refunded', 'matched'));
