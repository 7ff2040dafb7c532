import { Money } from '@otr/kernel';
import { SqlClient, StagedEvents } from '@otr/messaging';
import { Account, LedgerTransaction, OrderPosition, TransactionKind } from '../domain';
import { Ledger } from '../application/ports';

interface TransactionRow {
  id: string;
  kind: TransactionKind;
  idempotency_key: string;
  on: string;
  hours: number | null;
  ref: string | null;
  postings: { account: Account; orderId: string | null; amount: number }[];
}

export interface PositionRow {
  escrow: string;
  hoursUsed: number;
}

const toTransaction = (r: TransactionRow): LedgerTransaction => ({
  id: r.id,
  kind: r.kind,
  idempotencyKey: r.idempotency_key,
  on: r.on,
  ...(r.hours !== null ? { hours: r.hours } : {}),
  ...(r.ref !== null ? { ref: r.ref } : {}),
  postings: r.postings.map((p) => ({
    account: p.account,
    ...(p.orderId ? { orderId: p.orderId } : {}),
    amount: Money.fen(Number(p.amount)),
  })),
});

const SELECT_TRANSACTIONS = `
  SELECT t.id, t.kind, t.idempotency_key, to_char(t.on, 'YYYY-MM-DD') AS "on", t.hours, t.ref,
         json_agg(json_build_object('account', p.account, 'orderId', p.order_id, 'amount', p.amount_fen)
                  ORDER BY p.id) AS postings
  FROM fees.journal_transaction t JOIN fees.posting p ON p.transaction_id = t.id`;

/**
 * The double-entry ledger in PostgreSQL. Postings are only ever inserted (the database refuses
 * anything else); balances are sums over them. Writers that move an order's money lock the order
 * row first (see lockOrder), so reading the order's ledger and appending to it is serial per order.
 */
export class LedgerRepository implements Ledger {
  /** What the order still holds, read off the ledger: the decisions of a release or a refund need nothing else. */
  async orderPosition(db: SqlClient, orderId: string, totalHours: number): Promise<OrderPosition> {
    const [row] = await db.$queryRawUnsafe<PositionRow[]>(this.orderPositionSql('$1::uuid'), orderId);
    return this.position(row, orderId, totalHours);
  }

  /**
   * The statement of orderPosition for an SQL expression of the order's id (see lockStatements):
   * the sum of its escrow postings and of their transactions' hours (each release or refund has
   * one escrow posting, carrying its hours) — what positionOf reads off the order's balances,
   * summed by the database from one range of the (order_id, account) index.
   */
  orderPositionSql(orderId: string): string {
    return `SELECT coalesce(sum(amount_fen), 0)::text AS escrow, coalesce(sum(hours), 0)::int AS "hoursUsed"
      FROM fees.posting WHERE order_id = ${orderId} AND account = 'escrow'`;
  }

  /** The position from a row of orderPositionSql. */
  position(row: PositionRow, orderId: string, totalHours: number): OrderPosition {
    return { orderId, escrow: Money.fen(Number(row.escrow)), hoursLeft: totalHours - row.hoursUsed };
  }

  /** An institution's transactions dated up to `upTo` (all when absent), oldest first. */
  async institutionLedger(db: SqlClient, institutionId: string, upTo?: string): Promise<LedgerTransaction[]> {
    const rows = await db.$queryRawUnsafe<TransactionRow[]>(
      `${SELECT_TRANSACTIONS}
       WHERE t.institution_id = $1::uuid AND ($2::date IS NULL OR t.on <= $2::date)
       GROUP BY t.id ORDER BY min(p.id)`,
      institutionId,
      upTo ?? null,
    );
    return rows.map(toTransaction);
  }

  /**
   * Appends one balanced transaction; false when its idempotency key is already on the ledger
   * (the act was applied before, so nothing changes). One statement writes the transaction row,
   * its postings and, when given, the bank instruction that executes it, the released lesson's
   * status and the events that announce it — all only when the transaction row was new, so a
   * repeated act can neither move money nor announce it twice.
   */
  async append(
    db: SqlClient,
    institutionId: string,
    tx: LedgerTransaction,
    with_: { instruction?: 'release' | 'refund'; releasedLesson?: string; events?: StagedEvents } = {},
  ): Promise<boolean> {
    const postings = tx.postings.map((p) => ({
      account: p.account,
      order_id: p.orderId ?? null,
      amount: p.amount.fen,
    }));
    const events = with_.events?.sql('$12::jsonb', 'EXISTS (SELECT 1 FROM t)');
    const rows = await db.$queryRawUnsafe<{ n: number }[]>(
      `WITH t AS (
         INSERT INTO fees.journal_transaction (id, institution_id, kind, idempotency_key, "on", hours, ref)
         VALUES ($1::uuid, $2::uuid, $3, $4, $5::date, $6::int, $7)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id),
       p AS (
         INSERT INTO fees.posting (transaction_id, institution_id, account, order_id, amount_fen, "on", hours)
         SELECT t.id, $2::uuid, p.account, p.order_id, p.amount, $5::date, $6::int
         FROM t, jsonb_to_recordset($8::jsonb) AS p(account text, order_id uuid, amount bigint)),
       b AS (
         INSERT INTO fees.bank_instruction (id, transaction_id, institution_id, kind, amount_fen)
         SELECT t.id, t.id, $2::uuid, $9::text, $10::bigint FROM t WHERE $9::text IS NOT NULL),
       l AS (
         UPDATE fees.lesson SET status = 'released'
         WHERE id = $11::uuid AND EXISTS (SELECT 1 FROM t))${events ? `,\n       ${events.with}` : ''}
       SELECT count(*)::int AS n${events ? `, ${events.notify} AS notified` : ''} FROM t`,
      tx.id,
      institutionId,
      tx.kind,
      tx.idempotencyKey,
      tx.on,
      tx.hours ?? null,
      tx.ref ?? null,
      JSON.stringify(postings),
      with_.instruction ?? null,
      tx.postings[0].amount.fen,
      with_.releasedLesson ?? null,
      ...(with_.events ? [with_.events.rows] : []),
    );
    return rows[0].n > 0;
  }

  /** Balance of each of the institution's accounts at the end of `asOf` (today when absent), fen. */
  async balances(db: SqlClient, institutionId: string, asOf?: string): Promise<Record<Account, number>> {
    const rows = await db.$queryRawUnsafe<{ account: Account; fen: string }[]>(
      `SELECT account, sum(amount_fen)::text AS fen FROM fees.posting
       WHERE institution_id = $1::uuid AND ($2::date IS NULL OR "on" <= $2::date) GROUP BY account`,
      institutionId,
      asOf ?? null,
    );
    const out: Record<Account, number> = {
      'family-clearing': 0,
      escrow: 0,
      settlement: 0,
      'refunds-payable': 0,
      'risk-reserve': 0,
      suspense: 0,
    };
    for (const r of rows) out[r.account] = Number(r.fen);
    return out;
  }

  /** The escrow balance at the end of each day with movements in [from, to], for the console's chart. */
  async escrowOverTime(
    db: SqlClient,
    institutionId: string,
    from: string,
    to: string,
  ): Promise<
    { date: string; escrowFen: number; paidInFen: number; releasedFen: number; refundedFen: number }[]
  > {
    const rows = await db.$queryRawUnsafe<
      { date: string; escrow: string; paid: string; released: string; refunded: string }[]
    >(
      `WITH days AS (
         SELECT p.on, sum(p.amount_fen) AS delta,
                sum(CASE WHEN t.kind = 'payment' THEN p.amount_fen ELSE 0 END) AS paid,
                sum(CASE WHEN t.kind = 'release' THEN -p.amount_fen ELSE 0 END) AS released,
                sum(CASE WHEN t.kind = 'refund' THEN -p.amount_fen ELSE 0 END) AS refunded
         FROM fees.posting p JOIN fees.journal_transaction t ON t.id = p.transaction_id
         WHERE p.institution_id = $1::uuid AND p.account = 'escrow' AND p.on <= $3::date
         GROUP BY p.on)
       SELECT to_char(on_day, 'YYYY-MM-DD') AS date, escrow::text, paid::text, released::text, refunded::text
       FROM (SELECT days.on AS on_day, sum(delta) OVER (ORDER BY days.on) AS escrow, paid, released, refunded
             FROM days) running
       WHERE on_day >= $2::date ORDER BY on_day`,
      institutionId,
      from,
      to,
    );
    return rows.map((r) => ({
      date: r.date,
      escrowFen: Number(r.escrow),
      paidInFen: Number(r.paid),
      releasedFen: Number(r.released),
      refundedFen: Number(r.refunded),
    }));
  }
}
