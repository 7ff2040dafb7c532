// Ledger throughput: lesson releases (一课一消) per second through fee-supervision's own release
// path — lock the order, read its ledger, decide the release, append the balanced transaction with
// its bank instruction and FundsReleased event — next to pgbench's TPC-B-like transactions on the
// same PostgreSQL, with the same number of clients for the same time.
//   node -r @swc-node/register bench/ledger-throughput.ts      (CLIENTS=4 SECONDS=20 by default)
// Needs PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432) and pgbench on the PATH.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { contracts } from '@otr/contracts';
import { FixedClock, Money, newId } from '@otr/kernel';
import { Outbox } from '@otr/messaging';
import { defaultRulebook } from '@otr/rules';
import { createPool } from '@otr/runtime';
import { createTestDatabase, testEnv } from '@otr/testing';
import { FeesContext, systemOrigin } from '../apps/fee-supervision/src/application/fees-context';
import { MoneyMovements } from '../apps/fee-supervision/src/application/money-movements';
import { paymentReceived } from '../apps/fee-supervision/src/domain';
import { createFeesPrisma, FEES_SCHEMA } from '../apps/fee-supervision/src/infrastructure/fees-prisma';
import { lessonRow } from '../apps/fee-supervision/src/infrastructure/fees-rows';
import { LedgerRepository } from '../apps/fee-supervision/src/infrastructure/ledger.repository';
import { RulebookFeeRules } from '../apps/fee-supervision/src/infrastructure/rulebook-fee-rules';

const CLIENTS = Number(process.env.CLIENTS ?? 4);
const SECONDS = Number(process.env.SECONDS ?? 20);
const HOURS = 60;
const HOURLY_FEN = 5_500;

/** Releases per second: CLIENTS loops, each over its own orders, for SECONDS. */
async function releases(): Promise<number> {
  const db = await createTestDatabase('otr_bench_fees');
  // The service's own classes on a pool of its own, without the HTTP app: the outbox rows are
  // written as in production, their relay to Kafka is bench/relay-throughput's business.
  const pool = createPool(db.url, CLIENTS + 2);
  const fees = new FeesContext(
    createFeesPrisma(pool),
    new Outbox(FEES_SCHEMA, contracts),
    pool,
    new LedgerRepository(),
    new RulebookFeeRules(defaultRulebook()),
    new FixedClock('2026-09-16T02:00:00Z'),
  );
  const money = new MoneyMovements(fees);
  try {
    const institutionId = newId();
    await pool.query(
      `INSERT INTO fees.supervised_account (institution_id, license_id, license_number, institution_name, district,
         category, mode, bank_account_no, updated_at)
       VALUES ($1, $2, $3, '基准测试培训学校', 'CN-ZJ-HZ-XH', 'subject', 'bank-escrow', $3, now())`,
      [institutionId, newId(), `bench-${institutionId.slice(0, 8)}`],
    );
    const account = await fees.account(fees.prisma, institutionId);
    // Enough confirmed lessons that no client runs out: orders of 60 one-hour lessons, paid in full.
    const orders = CLIENTS * Math.max(20, Math.ceil((SECONDS * 1500) / CLIENTS / HOURS));
    const setup = new Client({ connectionString: db.url });
    await setup.connect();
    await setup.query(
      `INSERT INTO fees.family (id, phone) SELECT gen_random_uuid(), '139' || lpad(g::text, 8, '0') FROM generate_series(1, $1) g`,
      [orders],
    );
    await setup.query(
      `INSERT INTO fees.fee_order (id, institution_id, family_id, student_name, course_id, subject, category, mode,
         class_size, hours, lesson_minutes, amount_fen, course_starts_on, placed_on, status)
       SELECT gen_random_uuid(), $1, f.id, '学生', 'bench-course', '数学', 'subject', 'offline', 20, $2, 45, $3,
              '2026-09-01', '2026-09-01', 'paid'
       FROM fees.family f`,
      [institutionId, HOURS, HOURS * HOURLY_FEN],
    );
    const orderIds = (
      await setup.query<{ id: string }>('SELECT id FROM fees.fee_order ORDER BY id')
    ).rows.map((r) => r.id);
    for (const id of orderIds) {
      await fees.ledger.append(
        fees.prisma,
        institutionId,
        paymentReceived(id, Money.fen(HOURS * HOURLY_FEN), {
          id: newId(),
          idempotencyKey: `payment:${id}`,
          on: '2026-09-01',
        }),
      );
    }
    await setup.query(
      `INSERT INTO fees.lesson (id, order_id, institution_id, date, start, duration_minutes, mode, hours, students,
         answer, answered_on, status, confirm_by)
       SELECT gen_random_uuid(), o.id, o.institution_id, '2026-09-15', '16:00', 45, 'offline', 1, 20,
              'confirmed', '2026-09-15', 'pending', '2026-10-13'
       FROM fees.fee_order o, generate_series(1, $1)`,
      [HOURS],
    );
    await setup.query('ANALYZE');
    const lessons = (
      await setup.query<{ id: string; order_id: string }>(
        'SELECT id, order_id FROM fees.lesson ORDER BY order_id, id',
      )
    ).rows;
    await setup.end();

    const origin = systemOrigin('bench');
    const byClient = Array.from({ length: CLIENTS }, (_, c) =>
      lessons.filter((_, i) => Math.floor(i / HOURS) % CLIENTS === c),
    );
    const deadline = Date.now() + SECONDS * 1000;
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const counts = await Promise.all(
      byClient.map(async (queue) => {
        let done = 0;
        for (const lesson of queue) {
          if (Date.now() >= deadline) break;
          await fees.moneyTransaction(async (tx) => {
            const order = await money.lockOrder(tx, lesson.order_id);
            const row = (await lessonRow(tx, lesson.id))!;
            await money.release(tx, order, row, account, origin);
          });
          done++;
        }
        return done;
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    console.log(
      `node process CPU during the releases: ${(((used.user + used.system) / 1e6 / seconds) * 100).toFixed(0)} %`,
    );
    const total = counts.reduce((a, b) => a + b, 0);
    // The run must have moved real money: every release on the ledger, escrow = paid − released.
    const check = await fees.prisma.$queryRawUnsafe<{ n: bigint; bad: bigint }[]>(
      `SELECT (SELECT count(*) FROM fees.journal_transaction WHERE kind = 'release') AS n,
              (SELECT count(*) FROM (SELECT order_id FROM fees.posting WHERE account = 'escrow' GROUP BY order_id
                HAVING sum(amount_fen) < 0) x) AS bad`,
    );
    if (Number(check[0].n) !== total || Number(check[0].bad) !== 0) {
      throw new Error(`ledger check failed: ${check[0].n} releases on the ledger for ${total} done`);
    }
    return total / seconds;
  } finally {
    await pool.end();
    await db.drop();
  }
}

/** pgbench -b tpcb-like on a scratch database of the same server, scale = clients. */
function pgbench(): number {
  const url = new URL(testEnv.adminDatabaseUrl);
  const name = `otr_pgbench_${randomBytes(4).toString('hex')}`;
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(url.password),
  };
  const psql = (sql: string) =>
    execFileSync('psql', ['-d', url.pathname.slice(1) || 'postgres', '-qc', sql], { env });
  psql(`CREATE DATABASE ${name}`);
  try {
    execFileSync('pgbench', ['-i', '-q', '-s', String(CLIENTS), name], {
      env,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    const out = execFileSync(
      'pgbench',
      ['-b', 'tpcb-like', '-c', String(CLIENTS), '-j', String(CLIENTS), '-T', String(SECONDS), name],
      { env, encoding: 'utf8' },
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
    if (!tps) throw new Error(`unexpected pgbench output:\n${out}`);
    return Number(tps[1]);
  } finally {
    psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function main() {
  console.log(
    `ledger throughput: ${CLIENTS} clients, ${SECONDS} s each, PostgreSQL ${new URL(testEnv.adminDatabaseUrl).host}`,
  );
  const ours = await releases();
  const theirs = pgbench();
  console.log(`lesson releases (fee-supervision)  ${ours.toFixed(0).padStart(7)} tx/s`);
  console.log(`pgbench tpcb-like                  ${theirs.toFixed(0).padStart(7)} tx/s`);
  console.log(`ratio releases / pgbench           ${(ours / theirs).toFixed(2).padStart(7)}  (goal ≥ 0.50)`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
