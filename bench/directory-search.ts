// Directory search at scale (issue 8): N institutions (default 200,000) with realistic Chinese names
// across a province's districts, with locations, loaded through the event path: LicenseIssued
// messages published in batches as a relay does, each applied by the directory's consumers
// (inbox, projection, officials' timeline). Then a second process drives queries over HTTP through
// the gateway and prints p50/p99 and requests per second for the search (as the public gets it,
// through the gateway's shared cache, and fresh, asking past it with Cache-Control: no-cache), a
// trivial endpoint of the same service behind the same gateway, and a naive ILIKE '%…%' query on the
// same data: once with one client at a time (latency), once with 16 at once (throughput), with the
// load average.
//   npm run bench:search   (N=200000 DURATION=10 ROUNDS=5 LATENCY_CONCURRENCY=1 CONCURRENCY=16 PARTITIONS=4;
//                           KEEP_DB=1 keeps the loaded database, BENCH_DATABASE_URL=… runs on a kept one)
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { contracts, createEvent, LicenseIssued, SYSTEM_ACTOR } from '@otr/contracts';
import { IncomingMessage, MessageHandler, OutgoingMessage, Subscription, Transport } from '@otr/messaging';
import { startService } from '@otr/runtime';
import { directoryService } from '@otr/directory';
import { gatewayService } from '@otr/gateway';
import { createTestDatabase, freePort } from '@otr/testing';
import { BRANDS, COURSES, prng } from '../apps/platform/src/seed/demo-institutions';
import { CITIES } from './directory-search-data';

const N = Number(process.env.N ?? 200_000);
/** Messages per publish, as the outbox relay sends them. */
const BATCH = 500;
/** Partitions of the topic, as Kafka would have them: each applied in order, all at once. */
const PARTITIONS = Number(process.env.PARTITIONS ?? 4);

/**
 * The embedded transport's delivery with Kafka's parallelism: messages keyed by institution go to
 * PARTITIONS partitions; every consumer group applies each partition in order, the partitions and
 * the groups side by side, and a publish resolves once all of it is applied. The consumers, inbox
 * and projections are the directory's own, as in the distributed mode.
 */
/** The bench holds its partitions to the end: nothing to keep alive. */
const ALWAYS_RUNNING = { heartbeat: async () => undefined, isRunning: () => true };

class PartitionedTransport implements Transport {
  private readonly groups = new Map<string, { topics: string[]; handler: MessageHandler }>();
  private offset = 0;

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    const partitions: IncomingMessage[][] = Array.from({ length: PARTITIONS }, () => []);
    for (const m of messages) {
      const partition = parseInt(m.key.replace(/-/g, '').slice(-6), 16) % PARTITIONS;
      partitions[partition].push({
        topic,
        partition,
        offset: String(this.offset++),
        key: m.key,
        value: m.value,
        headers: {},
      });
    }
    await Promise.all(
      [...this.groups.values()]
        .filter((g) => g.topics.includes(topic))
        .flatMap((g) =>
          partitions.map(async (partition) => {
            for (const m of partition) await g.handler(m, ALWAYS_RUNNING);
          }),
        ),
    );
  }

  async subscribe(
    options: { groupId: string; topics: string[] },
    handler: MessageHandler,
  ): Promise<Subscription> {
    this.groups.set(options.groupId, { topics: options.topics, handler });
    return { stop: async () => void this.groups.delete(options.groupId) };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.groups.clear();
  }
}
/** Every demo course, plus the subject words parents search for most. */
const ALL_COURSES = ['英语', '口才', '阅读', ...Object.values(COURSES).flat()];
const KINDS: [string, 'arts' | 'sports' | 'science-tech'][] = [
  ['艺术', 'arts'],
  ['体育', 'sports'],
  ['科技', 'science-tech'],
];

/** The i-th institution's LicenseIssued, the same on every run. */
function institutions(rnd: () => number) {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  return (n: number) => {
    const [city, lat, lng] = CITIES[n % CITIES.length];
    const [kind, category] = pick(KINDS);
    const id = randomUUID();
    return createEvent(LicenseIssued, {
      aggregateId: id,
      institutionId: id,
      actor: SYSTEM_ACTOR,
      correlationId: 'bench',
      payload: {
        licenseId: id,
        licenseNumber: `教民${city}${2020 + (n % 6)}${String(n).padStart(6, '0')}号`,
        institutionName: `${city}${pick(BRANDS)}${pick(ALL_COURSES)}${kind}培训${rnd() < 0.7 ? '有限公司' : '学校'}${n}`,
        legalForm: 'for-profit',
        category,
        scopes: rnd() < 0.2 ? ['offline', 'online'] : ['offline'],
        district: `CN-ZJ-${String(CITIES.findIndex(([c]) => c === city)).padStart(2, '0')}-D${n % 7}`,
        address: `浙江省${city}市人民路${n % 999}号`,
        // Within about 20 km of the city centre.
        location: { lat: lat + (rnd() - 0.5) * 0.36, lng: lng + (rnd() - 0.5) * 0.42 },
        validFrom: '2025-01-01',
        validUntil: '2027-12-31',
      },
    });
  };
}

const load1 = () => loadavg()[0].toFixed(1);

async function load(transport: Transport) {
  const next = institutions(prng(200_000));
  const started = Date.now();
  const before = load1();
  for (let i = 0; i < N; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, N - i) }, (_, k) => contracts.parse(next(i + k)));
    await transport.publish(
      'otr.registration',
      batch.map((e) => ({ key: e.institutionId, value: JSON.stringify(e) })),
    );
    if ((i / BATCH) % 10 === 0) process.stderr.write(`\rloaded ${i + batch.length}/${N}`);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `\nloaded ${N} institutions through the event path (batches of ${BATCH} messages over ${PARTITIONS} partitions; inbox, projection and officials' timeline for each) in ${seconds.toFixed(0)} s: ${Math.round(N / seconds)} events/s; load average ${before} before, ${load1()} after`,
  );
}

async function main() {
  console.log(`N = ${N} institutions; load average ${load1()}`);
  // BENCH_DATABASE_URL reuses a database a run kept (KEEP_DB=1), as it is: not migrated or loaded again.
  const reused = process.env.BENCH_DATABASE_URL;
  const db = reused ? { url: reused, drop: async () => undefined } : await createTestDatabase('otr_bench');
  const pool = new Pool({ connectionString: db.url, max: 2 });
  // The benchmark's own database does not wait for the WAL flush at each commit (set before the
  // services connect): the load measures the event path's work, not this machine's disk.
  if (!reused)
    await pool.query(`ALTER DATABASE "${new URL(db.url).pathname.slice(1)}" SET synchronous_commit = off`);
  const transport = new PartitionedTransport();
  const dirPort = await freePort();
  process.env.DIRECTORY_URL = `http://127.0.0.1:${dirPort}`;
  process.env.API_RATE_LIMIT = '100000000';
  const directory = await startService(directoryService, { databaseUrl: db.url, transport, port: dirPort });
  const gateway = await startService(gatewayService, {
    databaseUrl: db.url,
    transport,
    port: await freePort(),
  });
  try {
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM directory.institution`);
    if (rows[0].n >= N) console.log(`reusing ${rows[0].n} institutions already in ${db.url}`);
    else await load(transport);
    // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans need.
    await pool.query('VACUUM ANALYZE directory.institution');
    console.log('VACUUM ANALYZE directory.institution after the load');
    await pool.end();
    const driver = fork(`${__dirname}/directory-search-driver.ts`, [], {
      execArgv: ['-r', '@swc-node/register'],
      env: { ...process.env, GATEWAY: `http://127.0.0.1:${gateway.port}`, DATABASE_URL: db.url },
    });
    await new Promise((resolve, reject) =>
      driver.on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`driver exited ${code}`)))),
    );
  } finally {
    await gateway.stop();
    await directory.stop();
    // KEEP_DB=1 leaves the data for EXPLAIN ANALYZE.
    if (process.env.KEEP_DB === '1' || reused) console.log(`kept ${db.url}`);
    else await db.drop();
  }
}

void main();
