// The load driver of bench/directory-search.ts, in its own process: HTTP through the gateway.
import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { Pool } from 'pg';
import { SearchInstitutionsHandler } from '../apps/directory/src/application/search-institutions/search-institutions.handler';
import {
  SearchCriteria,
  SearchInstitutionsQuery,
} from '../apps/directory/src/application/search-institutions/search-institutions.query';
import { createDirectoryPrisma } from '../apps/directory/src/infrastructure/directory-prisma';
import { CITIES } from './directory-search-data';

const GATEWAY = process.env.GATEWAY!;
const DURATION_MS = Number(process.env.DURATION ?? 10) * 1000;
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
/**
 * Each query kind runs in ROUNDS slices of DURATION / ROUNDS, taking turns, so on a shared machine
 * all three meet the same background load and their ratios mean something.
 */
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const FRAGMENTS = [
  '英语',
  '美术',
  '书法',
  '编程',
  '钢琴',
  '舞蹈',
  '围棋',
  '篮球',
  '启航英语',
  '博雅美术',
  '机器人',
  '科学实验',
  '星辰',
  '杭州思源',
  '跆拳道',
];
const FILTERS = [
  '',
  '&category=arts',
  '&scope=online',
  '&district=CN-ZJ-00-D3',
  '&category=sports&scope=offline',
];

/**
 * The search mix: fragments of two to four characters with filters and pages, and one request in
 * five near a city centre (3 km), half of those with a fragment too.
 */
function searchQuery(i: number): string {
  const fragment = `q=${encodeURIComponent(FRAGMENTS[i % FRAGMENTS.length])}`;
  if (i % 5 === 4) {
    const [, lat, lng] = CITIES[Math.floor(i / 5) % CITIES.length];
    return `lat=${lat}&lng=${lng}&radiusKm=3${i % 10 === 9 ? `&${fragment}` : ''}`;
  }
  return `${fragment}${FILTERS[i % FILTERS.length]}&page=${1 + (i % 3)}`;
}

type Run = { name: string; p50: number; p99: number; rps: number; errors: number };

interface Kind {
  name: string;
  request: (i: number) => Promise<void>;
  latencies: number[];
  errors: number;
  sent: number;
}

/** One slice of one kind: CONCURRENCY clients in a loop until the slice ends. */
async function slice(kind: Kind, ms: number): Promise<void> {
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const i = kind.sent++;
        const t = performance.now();
        try {
          await kind.request(i);
          kind.latencies.push(performance.now() - t);
        } catch {
          kind.errors++;
        }
      }
    }),
  );
}

async function drive(kinds: Kind[]): Promise<Run[]> {
  for (let round = 0; round < ROUNDS; round++)
    for (const kind of kinds) await slice(kind, DURATION_MS / ROUNDS);
  return kinds.map(({ name, latencies, errors }) => {
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    return { name, p50: at(0.5), p99: at(0.99), rps: latencies.length / (DURATION_MS / 1000), errors };
  });
}

const kind = (name: string, request: (i: number) => Promise<void>): Kind => ({
  name,
  request,
  latencies: [],
  errors: 0,
  sent: 0,
});

const get = async (path: string) => {
  const res = await fetch(`${GATEWAY}${path}`);
  if (!res.ok) throw new Error(String(res.status));
  await res.arrayBuffer();
};

async function main() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: CONCURRENCY });
  const q = (i: number) => FRAGMENTS[i % FRAGMENTS.length];
  // The directory's own query handler on its own pool: the search at the naive query's layer.
  const handler = new SearchInstitutionsHandler(
    createDirectoryPrisma(new Pool({ connectionString: process.env.DATABASE_URL, max: CONCURRENCY })),
  );
  const before = loadavg()[0];
  const runs = await drive([
    kind('trivial endpoint (GET /api/public/ping)', () => get('/api/public/ping')),
    kind('search (GET /api/public/institutions)', (i) => get(`/api/public/institutions?${searchQuery(i)}`)),
    kind('search, same mix, handler → PostgreSQL (no HTTP)', async (i) => {
      const criteria = SearchCriteria.parse(Object.fromEntries(new URLSearchParams(searchQuery(i))));
      await handler.execute(new SearchInstitutionsQuery(criteria));
    }),
    kind("naive ILIKE '%…%' (SQL only, no HTTP)", async (i) => {
      await pool.query(
        `SELECT id, name, count(*) OVER () AS total FROM directory.institution WHERE name ILIKE $1 ORDER BY name, id LIMIT 20 OFFSET $2`,
        [`%${q(i)}%`, 20 * (i % 3)],
      );
    }),
  ]);
  await pool.end();
  console.log(
    `\n${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per query kind in ${ROUNDS} alternating slices, from a second process; load average ${before.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after, on ${cpus().length} cores`,
  );
  console.log('| query | p50 ms | p99 ms | requests/s | errors |\n|---|---|---|---|---|');
  for (const r of runs)
    console.log(
      `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.errors} |`,
    );
  const [trivial, search, searchSql, naive] = runs;
  console.log(
    `\nsearch throughput = ${((100 * search.rps) / trivial.rps).toFixed(0)} % of the trivial endpoint; ${(search.rps / naive.rps).toFixed(1)}× the naive query over HTTP, ${(searchSql.rps / naive.rps).toFixed(1)}× without HTTP`,
  );
}

void main();
