import { Pool, PoolClient, QueryResult } from 'pg';
import { SqlClient } from '@otr/messaging';
import { prepared } from '@otr/runtime';
import { totalHours } from '../domain';
import { FeeRows, LockedRows, MoneyTarget } from '../application/ports';
import { LedgerRepository, PositionRow } from './ledger.repository';
import { FeeOrder, Lesson, RefundRequest, SupervisedAccount } from './prisma/generated/client';

/**
 * Rows of the money-moving transactions, read and written in plain SQL so that they run the same
 * on a Prisma transaction and on a bare pg connection (the hot path: see pgTransaction). Rows come
 * back in the Prisma models' shapes: DATE columns as UTC-midnight Dates, BIGINT as bigint.
 */
type Kind = 'date' | 'bigint';

const revive = <T>(row: Record<string, unknown>, kinds: Record<string, Kind>): T => {
  for (const [field, kind] of Object.entries(kinds)) {
    const v = row[field];
    if (v === null || v === undefined) continue;
    row[field] = kind === 'date' ? new Date(`${String(v)}T00:00:00Z`) : BigInt(String(v));
  }
  return row as T;
};

const d = (col: string, as: string) => `to_char(${col}, 'YYYY-MM-DD') AS "${as}"`;

const ORDER = `id, institution_id AS "institutionId", family_id AS "familyId", student_name AS "studentName",
  course_id AS "courseId", subject, category, mode, class_size AS "classSize", hours, gift_hours AS "giftHours", months,
  lesson_minutes AS "lessonMinutes", amount_fen::text AS "amountFen", ${d('course_starts_on', 'courseStartsOn')},
  ${d('placed_on', 'placedOn')}, status, created_at AS "createdAt"`;
const ORDER_KINDS: Record<string, Kind> = { amountFen: 'bigint', courseStartsOn: 'date', placedOn: 'date' };

const LESSON = `id, order_id AS "orderId", institution_id AS "institutionId", ${d('date', 'date')}, start,
  duration_minutes AS "durationMinutes", mode, hours, students, answer, ${d('answered_on', 'answeredOn')},
  dispute_reason AS "disputeReason", status, ${d('confirm_by', 'confirmBy')}, recorded_at AS "recordedAt"`;
const LESSON_KINDS: Record<string, Kind> = { date: 'date', answeredOn: 'date', confirmBy: 'date' };

const REFUND = `id, order_id AS "orderId", institution_id AS "institutionId", family_id AS "familyId",
  ${d('requested_on', 'requestedOn')}, reason, status, ${d('answer_on', 'answerOn')}, answer_reason AS "answerReason",
  deemed, ${d('answer_by', 'answerBy')}, ${d('pay_by', 'payBy')}, ${d('paid_on', 'paidOn')},
  amount_fen::text AS "amountFen", closure, created_at AS "createdAt"`;
const REFUND_KINDS: Record<string, Kind> = {
  requestedOn: 'date',
  answerOn: 'date',
  answerBy: 'date',
  payBy: 'date',
  paidOn: 'date',
  amountFen: 'bigint',
};

const ACCOUNT = `institution_id AS "institutionId", license_id AS "licenseId", license_number AS "licenseNumber",
  institution_name AS "institutionName", district, category, mode, bank_account_no AS "bankAccountNo", license,
  enrolling_stopped AS "enrollingStopped", blacklisted, capacity_seats AS "capacitySeats",
  opened_at AS "openedAt", updated_at AS "updatedAt"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rows the opening statements read, the order's position as the ledger's statement gave it. */
interface OpenedRows {
  order: FeeOrder | null;
  account: SupervisedAccount | null;
  position: PositionRow;
  lesson?: Lesson;
  refund?: RefundRequest;
}

/**
 * The opening statements of a money transaction (see pgTransaction): lock the order, then — each
 * statement with its own snapshot, taken after the lock — read the order's account, its position
 * on the ledger (the caller's statement) and the lesson or refund the order was reached by; and
 * how to read their rows. Each takes the target's id as $1; null when the id is not a uuid, as
 * nothing can be found by it.
 */
export function lockStatements(target: MoneyTarget, orderPosition: (orderId: string) => string) {
  const [via, uuid] =
    'lessonId' in target
      ? (['lesson', target.lessonId] as const)
      : 'refundId' in target
        ? (['refund_request', target.refundId] as const)
        : (['fee_order', target.orderId] as const);
  if (!UUID.test(uuid)) return null;
  const id = '$1::uuid';
  const orderId = via === 'fee_order' ? id : `(SELECT order_id FROM fees.${via} WHERE id = ${id})`;
  const statements = [
    `SELECT ${ORDER} FROM fees.fee_order WHERE id = ${orderId} FOR UPDATE`,
    `SELECT ${ACCOUNT} FROM fees.supervised_account
     WHERE institution_id = (SELECT institution_id FROM fees.fee_order WHERE id = ${orderId})`,
    orderPosition(orderId),
    ...(via === 'lesson' ? [`SELECT ${LESSON} FROM fees.lesson WHERE id = ${id}`] : []),
    ...(via === 'refund_request' ? [`SELECT ${REFUND} FROM fees.refund_request WHERE id = ${id}`] : []),
  ];
  const rows = ([order, account, position, other]: Record<string, unknown>[][]): OpenedRows => ({
    order: order[0] ? revive<FeeOrder>(order[0], ORDER_KINDS) : null,
    account: (account[0] ?? null) as SupervisedAccount | null,
    position: position[0] as unknown as PositionRow,
    ...(via === 'lesson' && other[0] ? { lesson: revive<Lesson>(other[0], LESSON_KINDS) } : {}),
    ...(via === 'refund_request' && other[0]
      ? { refund: revive<RefundRequest>(other[0], REFUND_KINDS) }
      : {}),
  });
  return { statements, id: uuid, rows };
}

const one = async <T>(
  db: SqlClient,
  sql: string,
  id: string,
  kinds: Record<string, Kind> = {},
): Promise<T | null> => {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(sql, id);
  return rows.length ? revive<T>(rows[0], kinds) : null;
};

/** Locks the order row until the transaction ends: the money of one order moves one writer at a time. */
export const lockOrderRow = (db: SqlClient, id: string) =>
  one<FeeOrder>(db, `SELECT ${ORDER} FROM fees.fee_order WHERE id = $1::uuid FOR UPDATE`, id, ORDER_KINDS);

export const lessonRow = (db: SqlClient, id: string) =>
  one<Lesson>(db, `SELECT ${LESSON} FROM fees.lesson WHERE id = $1::uuid`, id, LESSON_KINDS);

export const refundRow = (db: SqlClient, id: string) =>
  one<RefundRequest>(db, `SELECT ${REFUND} FROM fees.refund_request WHERE id = $1::uuid`, id, REFUND_KINDS);

export const accountRow = (db: SqlClient, institutionId: string) =>
  one<SupervisedAccount>(
    db,
    `SELECT ${ACCOUNT} FROM fees.supervised_account WHERE institution_id = $1::uuid`,
    institutionId,
  );

/** Hours taught on the order and not yet released (awaiting confirmation or disputed). */
export async function hoursTaughtNotReleased(db: SqlClient, orderId: string): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ hours: number }[]>(
    `SELECT coalesce(sum(hours), 0)::int AS hours FROM fees.lesson WHERE order_id = $1::uuid AND status <> 'released'`,
    orderId,
  );
  return row.hours;
}

/** Sets the given columns of one row; column names are this module's own, never input. */
export async function updateRow(
  db: SqlClient,
  table: 'lesson' | 'refund_request' | 'fee_order',
  id: string,
  values: Record<string, string | number | boolean | null>,
): Promise<void> {
  const columns = Object.keys(values);
  await db.$executeRawUnsafe(
    `UPDATE fees.${table} SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1::uuid`,
    id,
    ...columns.map((c) => values[c]),
  );
}

/** Statements each connection has prepared with SQL PREPARE (they live as long as the connection). */
const preparedOn = new WeakMap<PoolClient, Set<string>>();

/**
 * A transaction on a bare pg connection, shaped as the SqlClient the outbox and these helpers use.
 * Its statements are prepared on the connection: parsed and planned once, not per call. The
 * opening statements take one uuid; they go with BEGIN in one round trip as EXECUTEs of a simple
 * query (one snapshot per statement, in order), and fn gets the rows of each. Parsing and planning
 * them on every transaction cost more than the rest of a lesson release did (bench/ledger-throughput).
 */
export async function pgTransaction<T>(
  pool: Pool,
  fn: (tx: SqlClient, opened: Record<string, unknown>[][]) => Promise<T>,
  opening: { statements: readonly string[]; id: string } = { statements: [], id: '' },
): Promise<T> {
  const client: PoolClient = await pool.connect();
  const tx: SqlClient = {
    $executeRawUnsafe: async (q, ...v) => (await client.query(prepared(q, v))).rowCount ?? 0,
    $queryRawUnsafe: async <R>(q: string, ...v: unknown[]) => (await client.query(prepared(q, v))).rows as R,
  };
  try {
    const names = await prepareOpening(client, opening.statements);
    // The id is a checked uuid (lockStatements), so it can stand as a literal in the simple query.
    const begun = await client.query(
      ['BEGIN', ...names.map((n) => `EXECUTE ${n}('${opening.id}')`)].join(';\n'),
    );
    const results = Array.isArray(begun) ? (begun as QueryResult[]).slice(1).map((r) => r.rows) : [];
    const result = await fn(tx, results);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** PREPAREs (once per connection) the statements of one uuid parameter; their names, in order. */
async function prepareOpening(client: PoolClient, statements: readonly string[]): Promise<string[]> {
  let done = preparedOn.get(client);
  if (!done) preparedOn.set(client, (done = new Set()));
  // Named apart from the statements pg prepares by protocol (the same text may be both).
  const names = statements.map((text) => `${prepared(text).name!}_sql`);
  for (const [i, name] of names.entries()) {
    if (done.has(name)) continue;
    await client.query(`PREPARE ${name}(uuid) AS ${statements[i]}`);
    done.add(name);
  }
  return names;
}

/** The rows of money moves in plain SQL, and their transactions on a bare connection of the pool. */
export class PgFeeRows implements FeeRows {
  constructor(
    private readonly pool: Pool,
    private readonly ledger: LedgerRepository,
  ) {}

  /**
   * A transaction that moves one order's money, in plain SQL on a pg connection of the service's
   * pool (a fraction of a Prisma interactive transaction's cost). BEGIN, the order's row lock and
   * what the move reads after it — the order, its account, its position on the ledger, the lesson
   * or refund it was reached by — take one round trip.
   */
  onOrder<R>(target: MoneyTarget, fn: (tx: SqlClient, rows: LockedRows) => Promise<R>): Promise<R> | null {
    const opening = lockStatements(target, (orderId) => this.ledger.orderPositionSql(orderId));
    if (!opening) return null;
    return pgTransaction(
      this.pool,
      (tx, results) => {
        const { position, ...rows } = opening.rows(results);
        return fn(tx, {
          ...rows,
          position: rows.order ? this.ledger.position(position, rows.order.id, totalHours(rows.order)) : null,
        });
      },
      opening,
    );
  }

  lockOrder(db: SqlClient, orderId: string): Promise<FeeOrder | null> {
    return lockOrderRow(db, orderId);
  }

  account(db: SqlClient, institutionId: string): Promise<SupervisedAccount | null> {
    return accountRow(db, institutionId);
  }

  hoursTaughtNotReleased(db: SqlClient, orderId: string): Promise<number> {
    return hoursTaughtNotReleased(db, orderId);
  }

  update(
    db: SqlClient,
    table: 'lesson' | 'refund_request' | 'fee_order',
    id: string,
    values: Record<string, string | number | boolean | null>,
  ): Promise<void> {
    return updateRow(db, table, id, values);
  }
}
