// Directory search at scale (issue 8): N institutions (default 200,000) with realistic Chinese names
// across a province's districts, with locations. The first EVENT_PATH of them (default 2,000) go
// through the event path (LicenseIssued → transport → inbox → projection) and its rate is printed;
// the rest go through the same projection code (applyRegistrationFacts) in batches of 1,000 with
// their inbox rows, because one event at a time on 2 shared cores would take hours at 200,000.
// Then a second process drives queries over HTTP through the gateway and prints p50/p99 and
// requests per second for the search, a trivial endpoint of the same service behind the same
// gateway, and a naive ILIKE '%…%' query on the same data.
//   npm run bench:search   (N=200000 EVENT_PATH=2000 DURATION=10 ROUNDS=5 CONCURRENCY=16;
//                           KEEP_DB=1 keeps the loaded database, BENCH_DATABASE_URL=… runs on a kept one)
import { fork } from 'node:child_process';
import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { contracts, createEvent, LicenseIssued, SYSTEM_ACTOR } from '@otr/contracts';
import { InProcessTransport } from '@otr/messaging';
import { startService } from '@otr/runtime';
import { directoryService } from '@otr/directory';
import { gatewayService } from '@otr/gateway';
import { createTestDatabase, freePort } from '@otr/testing';
import { applyRegistrationFacts } from '../apps/directory/src/application/projections/institution-projection';
import { createDirectoryPrisma } from '../apps/directory/src/infrastructure/directory-prisma';
import { BRANDS, COURSES, prng } from '../apps/platform/src/seed/demo-institutions';
import { CITIES } from './directory-search-data';

const N = Number(process.env.N ?? 200_000);
const EVENT_PATH = Math.min(N, Number(process.env.EVENT_PATH ?? 2_000));
const BATCH = 1_000;
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

async function load(transport: InProcessTransport, databaseUrl: string) {
  const next = institutions(prng(200_000));
  let started = Date.now();
  for (let i = 0; i < EVENT_PATH; i++) {
    const e = next(i);
    await transport.publish('otr.registration', [
      { key: e.institutionId, value: JSON.stringify(contracts.parse(e)) },
    ]);
  }
  const eventSeconds = (Date.now() - started) / 1000;
  console.log(
    `\nloaded ${EVENT_PATH} institutions one event at a time through the event path in ${eventSeconds.toFixed(0)} s (${Math.round(EVENT_PATH / eventSeconds)} events/s, timeline consumer included)`,
  );
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const prisma = createDirectoryPrisma(pool);
  started = Date.now();
  for (let i = EVENT_PATH; i < N; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, N - i) }, (_, k) => contracts.parse(next(i + k)));
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO directory.inbox (consumer, event_id) SELECT 'directory.institutions', unnest($1::uuid[])`,
        batch.map((e) => e.id),
      );
      await applyRegistrationFacts(batch, tx);
    });
    if (((i - EVENT_PATH) / BATCH) % 20 === 0) process.stderr.write(`\rloaded ${i + batch.length}/${N}`);
  }
  const seconds = (Date.now() - started) / 1000;
  if (N > EVENT_PATH)
    console.log(
      `\nloaded ${N - EVENT_PATH} more through the same projection code (applyRegistrationFacts) in batches of ${BATCH}, with their inbox rows, in ${seconds.toFixed(0)} s (${Math.round((N - EVENT_PATH) / seconds)} events/s); the officials' timeline was not written for these`,
    );
  await prisma.$disconnect();
  await pool.end();
}

async function main() {
  console.log(`N = ${N} institutions (${EVENT_PATH} through the event path)`);
  // BENCH_DATABASE_URL reuses a database a run kept (KEEP_DB=1), as it is: not migrated or loaded again.
  const reused = process.env.BENCH_DATABASE_URL;
  const db = reused ? { url: reused, drop: async () => undefined } : await createTestDatabase('otr_bench');
  const transport = new InProcessTransport();
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
    const pool = new Pool({ connectionString: db.url });
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM directory.institution`);
    if (rows[0].n >= N) console.log(`reusing ${rows[0].n} institutions already in ${db.url}`);
    else await load(transport, db.url);
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
