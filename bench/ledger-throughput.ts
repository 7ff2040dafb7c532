// Ledger throughput: lesson releases (一课一消) per second through fee-supervision's own release
// path — begin and lock the order with its position on the ledger, decide the release, append the
// balanced transaction with its bank instruction and FundsReleased event, commit (the database's
// integrity checks run at commit) — next to pgbench's TPC-B-like transactions on the same
// PostgreSQL, with the same number of clients. The two take turns, ROUNDS times, so a load that
// comes and goes on the machine weighs on both alike; the load average is printed with the figures,
// and so is the CPU each transaction costs, client and server together (from /proc, when the
// server runs on this machine): unlike a rate, that figure hardly moves with other work.
//   npm run bench:ledger      (CLIENTS=4 SECONDS=20 ROUNDS=4 by default: 4 turns of 5 s each)
// Needs PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432) and pgbench on the PATH.
import 'reflect-metadata';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
import {
  createFeesPrisma,
  FEES_SCHEMA,
  PrismaUnitOfWork,
} from '../apps/fee-supervision/src/infrastructure/fees-prisma';
import { PgFeeRows } from '../apps/fee-supervision/src/infrastructure/fees-rows';
import { LedgerRepository } from '../apps/fee-supervision/src/infrastructure/ledger.repository';
import { RulebookFeeRules } from '../apps/fee-supervision/src/infrastructure/rulebook-fee-rules';

const CLIENTS = Number(process.env.CLIENTS ?? 4);
const SECONDS = Number(process.env.SECONDS ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const TURN = Math.max(1, Math.round(SECONDS / ROUNDS));
const HOURS = 60;
const HOURLY_FEN = 5_500;

interface Turn {
  done: number;
  seconds: number;
  /** CPU seconds of client and server processes per transaction over (most of) the turn, if known. */
  cpuPerTx: number | null;
}

interface Turns {
  turn(seconds: number): Promise<Turn>;
  close(): Promise<void>;
}

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** CPU seconds each process has used so far, all threads (Linux /proc); none for one not readable here. */
function cpuOf(pids: number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used.set(pid, (Number(f[11]) + Number(f[12])) / CLK_TCK);
    } catch {
      // a server on another machine, or a backend that has just gone
    }
  }
  return used;
}

/** CPU used between two samples by the processes of the second (one started since counts whole). */
const cpuBetween = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0);

/** Lesson releases: CLIENTS loops, each over its own orders, a turn at a time. */
async function releases(): Promise<Turns> {
  const db = await createTestDatabase('otr_bench_fees');
  // The service's own classes on a pool of its own, without the HTTP app: the outbox rows are
  // written as in production, their relay to Kafka is bench/relay-throughput's business.
  const pool = createPool(db.url, CLIENTS + 2);
  const ledger = new LedgerRepository();
  const prisma = createFeesPrisma(pool);
  const fees = new FeesContext(
    new PrismaUnitOfWork(prisma),
    new Outbox(FEES_SCHEMA, contracts),
    new PgFeeRows(pool, ledger),
    ledger,
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
        prisma,
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
    const lessons = (await setup.query<{ id: string }>('SELECT id FROM fees.lesson ORDER BY order_id, id'))
      .rows;
    await setup.end();

    const origin = systemOrigin('bench');
    const queues = Array.from({ length: CLIENTS }, (_, c) =>
      lessons.filter((_, i) => Math.floor(i / HOURS) % CLIENTS === c).values(),
    );
    let total = 0;
    let cpuSeconds = 0;
    let wallSeconds = 0;
    const backends = async () =>
      cpuOf(
        (
          await pool.query<{ pid: number }>(
            'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
          )
        ).rows.map((r) => r.pid),
      );
    return {
      async turn(seconds) {
        const deadline = Date.now() + seconds * 1000;
        const server = await backends();
        const started = process.hrtime.bigint();
        const cpu = process.cpuUsage();
        const counts = await Promise.all(
          queues.map(async (queue) => {
            let done = 0;
            for (const lesson of queue) {
              await fees.onOrder({ lessonId: lesson.id }, (tx, locked) =>
                money.release(tx, locked, locked.lesson, origin),
              );
              done++;
              if (Date.now() >= deadline) break;
            }
            return done;
          }),
        );
        const took = Number(process.hrtime.bigint() - started) / 1e9;
        const used = process.cpuUsage(cpu);
        const serverUsed = server.size ? cpuBetween(server, await backends()) : null;
        const nodeUsed = (used.user + used.system) / 1e6;
        cpuSeconds += nodeUsed;
        wallSeconds += took;
        const done = counts.reduce((a, b) => a + b, 0);
        total += done;
        return { done, seconds: took, cpuPerTx: serverUsed === null ? null : (nodeUsed + serverUsed) / done };
      },
      async close() {
        try {
          console.log(
            `node process CPU during the releases: ${((cpuSeconds / wallSeconds) * 100).toFixed(0)} %`,
          );
          // The run must have moved real money: every release on the ledger, no escrow below zero.
          const check = await prisma.$queryRawUnsafe<{ n: bigint; bad: bigint }[]>(
            `SELECT (SELECT count(*) FROM fees.journal_transaction WHERE kind = 'release') AS n,
                    (SELECT count(*) FROM (SELECT order_id FROM fees.posting WHERE account = 'escrow'
                      GROUP BY order_id HAVING sum(amount_fen) < 0) x) AS bad`,
          );
          if (Number(check[0].n) !== total || Number(check[0].bad) !== 0) {
            throw new Error(`ledger check failed: ${check[0].n} releases on the ledger for ${total} done`);
          }
        } finally {
          await pool.end();
          await db.drop();
        }
      },
    };
  } catch (error) {
    await pool.end();
    await db.drop();
    throw error;
  }
}

/** pgbench -b tpcb-like on a scratch database of the same server, scale = clients, a turn at a time. */
function pgbench(): Turns {
  const url = new URL(testEnv.adminDatabaseUrl);
  const name = `otr_pgbench_${randomBytes(4).toString('hex')}`;
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(url.password),
  };
  const psql = (sql: string, db = url.pathname.slice(1) || 'postgres') =>
    execFileSync('psql', ['-d', db, '-qAtc', sql], { env, encoding: 'utf8' });
  const drop = () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  psql(`CREATE DATABASE ${name}`);
  try {
    execFileSync('pgbench', ['-i', '-q', '-s', String(CLIENTS), name], {
      env,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
  } catch (error) {
    drop();
    throw error;
  }
  return {
    async turn(seconds) {
      const child = spawn(
        'pgbench',
        ['-n', '-b', 'tpcb-like', '-c', String(CLIENTS), '-j', String(CLIENTS), '-T', String(seconds), name],
        { env, stdio: ['ignore', 'pipe', 'ignore'] },
      );
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      // The CPU of pgbench and its backends, and the transactions done (a history row each), from
      // a moment after they connected to a moment before they stop.
      const sample = () => {
        const pids = psql(`SELECT pid FROM pg_stat_activity WHERE datname = '${name}'`)
          .split('\n')
          .filter(Boolean)
          .map(Number);
        return {
          cpu: cpuOf([...pids, child.pid!]),
          history: Number(psql('SELECT count(*) FROM pgbench_history', name)),
        };
      };
      await new Promise((r) => setTimeout(r, 500));
      const first = sample();
      await new Promise((r) => setTimeout(r, Math.max(0.5, seconds - 1) * 1000));
      const last = sample();
      if ((await exited) !== 0) throw new Error(`pgbench failed:\n${out}`);
      const done = /number of transactions actually processed: (\d+)/.exec(out);
      const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
      if (!done || !tps) throw new Error(`unexpected pgbench output:\n${out}`);
      const sampled = last.history - first.history;
      return {
        done: Number(done[1]),
        seconds: Number(done[1]) / Number(tps[1]),
        // Only pgbench itself readable: the server is elsewhere, and the figure would mislead.
        cpuPerTx: first.cpu.size > 1 && sampled > 0 ? cpuBetween(first.cpu, last.cpu) / sampled : null,
      };
    },
    async close() {
      drop();
    },
  };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main() {
  console.log(
    `ledger throughput: ${CLIENTS} clients, ${ROUNDS} turns of ${TURN} s each, PostgreSQL ${new URL(testEnv.adminDatabaseUrl).host}`,
  );
  console.log(`load average before: ${load()}`);
  const ours = await releases();
  const theirs = pgbench();
  const sum = {
    ours: { done: 0, seconds: 0, cpu: [] as number[] },
    theirs: { done: 0, seconds: 0, cpu: [] as number[] },
  };
  try {
    for (let r = 1; r <= ROUNDS; r++) {
      const a = await ours.turn(TURN);
      const b = await theirs.turn(TURN);
      for (const [k, v] of [
        ['ours', a],
        ['theirs', b],
      ] as const) {
        sum[k].done += v.done;
        sum[k].seconds += v.seconds;
        if (v.cpuPerTx !== null) sum[k].cpu.push(v.cpuPerTx);
      }
      console.log(
        `turn ${r}: releases ${(a.done / a.seconds).toFixed(0)} tx/s, pgbench ${(b.done / b.seconds).toFixed(0)} tx/s (load ${load()})`,
      );
    }
  } finally {
    await ours.close();
    await theirs.close();
  }
  const rate = (x: { done: number; seconds: number }) => x.done / x.seconds;
  console.log(`load average after: ${load()}`);
  console.log(`lesson releases (fee-supervision)  ${rate(sum.ours).toFixed(0).padStart(7)} tx/s`);
  console.log(`pgbench tpcb-like                  ${rate(sum.theirs).toFixed(0).padStart(7)} tx/s`);
  console.log(
    `ratio releases / pgbench           ${(rate(sum.ours) / rate(sum.theirs)).toFixed(2).padStart(7)}  (goal ≥ 0.50)`,
  );
  // The median turn's CPU (client + server) per transaction: where the CPU is what runs out, the
  // ratio of rates tends to the inverse ratio of these.
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] * 1000;
  if (sum.ours.cpu.length && sum.theirs.cpu.length) {
    const [ours, theirs] = [median(sum.ours.cpu), median(sum.theirs.cpu)];
    console.log(
      `CPU per transaction, client + server: releases ${ours.toFixed(2)} ms, pgbench ${theirs.toFixed(2)} ms (pgbench / releases ${(theirs / ours).toFixed(2)})`,
    );
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
