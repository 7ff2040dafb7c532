// Directory search at scale (issue 8): N institutions (default 200,000) with realistic Chinese names
// across a province's districts are loaded through the event path (LicenseIssued → inbox →
// projection), then a second process drives queries over HTTP through the gateway and prints
// p50/p99 and requests per second for the search, a trivial endpoint of the same service behind the
// same gateway, and a naive ILIKE '%…%' query on the same data.
//   npm run bench:search            (N=200000 DURATION=10 CONCURRENCY=16)
import { fork } from 'node:child_process';
import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { contracts, createEvent, LicenseIssued, SYSTEM_ACTOR } from '@otr/contracts';
import { InProcessTransport } from '@otr/messaging';
import { startService } from '@otr/runtime';
import { directoryService } from '@otr/directory';
import { gatewayService } from '@otr/gateway';
import { createTestDatabase, freePort } from '@otr/testing';
import { BRANDS, COURSES, prng } from '../apps/platform/src/seed/demo-institutions';

const N = Number(process.env.N ?? 200_000);
const CITIES = ['杭州', '宁波', '温州', '嘉兴', '湖州', '绍兴', '金华', '衢州', '舟山', '台州', '丽水'];
/** Every demo course, plus the subject words parents search for most. */
const ALL_COURSES = ['英语', '口才', '阅读', ...Object.values(COURSES).flat()];
const KINDS: [string, 'arts' | 'sports' | 'science-tech'][] = [
  ['艺术', 'arts'],
  ['体育', 'sports'],
  ['科技', 'science-tech'],
];

async function load(transport: InProcessTransport) {
  const rnd = prng(200_000);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const started = Date.now();
  for (let i = 0; i < N; i += 500) {
    const batch = Array.from({ length: Math.min(500, N - i) }, (_, k) => {
      const city = CITIES[(i + k) % CITIES.length];
      const [kind, category] = pick(KINDS);
      const id = randomUUID();
      const e = createEvent(LicenseIssued, {
        aggregateId: id,
        institutionId: id,
        actor: SYSTEM_ACTOR,
        correlationId: 'bench',
        payload: {
          licenseId: id,
          licenseNumber: `教民${city}${2020 + ((i + k) % 6)}${String(i + k).padStart(6, '0')}号`,
          institutionName: `${city}${pick(BRANDS)}${pick(ALL_COURSES)}${kind}培训${rnd() < 0.7 ? '有限公司' : '学校'}${i + k}`,
          legalForm: 'for-profit',
          category,
          scopes: rnd() < 0.2 ? ['offline', 'online'] : ['offline'],
          district: `CN-ZJ-${String(CITIES.indexOf(city)).padStart(2, '0')}-D${(i + k) % 7}`,
          address: `浙江省${city}市人民路${(i + k) % 999}号`,
          validFrom: '2025-01-01',
          validUntil: '2027-12-31',
        },
      });
      return { key: id, value: JSON.stringify(contracts.parse(e)) };
    });
    await transport.publish('otr.registration', batch);
    if ((i / 500) % 40 === 0) process.stderr.write(`\rloaded ${i + batch.length}/${N}`);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `\nloaded ${N} institutions through the event path in ${seconds.toFixed(0)} s (${Math.round(N / seconds)} events/s)`,
  );
}

async function main() {
  const db = await createTestDatabase('otr_bench');
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
    await load(transport);
    const pool = new Pool({ connectionString: db.url });
    await pool.query('ANALYZE directory.institution');
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
    await db.drop();
  }
}

void main();
