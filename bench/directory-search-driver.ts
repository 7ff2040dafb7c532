// The load driver of bench/directory-search.ts, in its own process: HTTP through the gateway.
import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { Pool } from 'pg';
import {
  COUNT_CAP,
  SearchInstitutionsHandler,
} from '../apps/directory/src/application/search-institutions/search-institutions.handler';
import {
  SearchCriteria,
  SearchInstitutionsQuery,
  SearchResult,
} from '../apps/directory/src/application/search-institutions/search-institutions.query';
import { EARTH_RADIUS_M } from '../apps/directory/src/domain/nearby';
import { PgInstitutionSearch } from '../apps/directory/src/infrastructure/pg-institution-search';
import { CITIES } from './directory-search-data';

const GATEWAY = process.env.GATEWAY!;
const DURATION_MS = Number(process.env.DURATION ?? 10) * 1000;
/** Clients at once for the throughput: enough to keep both cores busy, so latency there is mostly queueing. */
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
/** Clients at once for the latency: fewer than the cores, so a request waits for its own work. */
const LATENCY_CONCURRENCY = Number(process.env.LATENCY_CONCURRENCY ?? 1);
/**
 * Each query kind runs in ROUNDS slices of DURATION / ROUNDS, taking turns, so on a shared machine
 * all of them meet the same background load and their ratios mean something.
 */
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const PAGE_SIZE = 20;
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
const FILTERS: Record<string, string>[] = [
  {},
  { category: 'arts' },
  { scope: 'online' },
  { district: 'CN-ZJ-00-D3' },
  { category: 'sports', scope: 'offline' },
];

/**
 * The search mix: fragments of two to four characters with filters, and one search in five near a
 * city centre (3 km), half of those with a fragment too. Like the portal, a search shows its first
 * page and one in three goes on to the second, one in three to the third.
 */
function searchCriteria(i: number): { params: Record<string, string>; pages: number } {
  const q = FRAGMENTS[i % FRAGMENTS.length];
  if (i % 5 === 4) {
    const [, lat, lng] = CITIES[Math.floor(i / 5) % CITIES.length];
    const near = { lat: String(lat), lng: String(lng), radiusKm: '3' };
    return { params: i % 10 === 9 ? { ...near, q } : near, pages: 1 + (i % 3) };
  }
  return { params: { q, ...FILTERS[i % FILTERS.length] }, pages: 1 + (i % 3) };
}

type Run = { name: string; p50: number; p99: number; rps: number; errors: number; firstError?: string };

interface Kind {
  name: string;
  /** One search of the mix: its pages one after another, each timed as a request. */
  request: (i: number, timed: <T>(call: () => Promise<T>) => Promise<T>) => Promise<void>;
  latencies: number[];
  errors: number;
  /** What the first failed request said, printed under the table. */
  firstError?: string;
  sent: number;
}

/** One slice of one kind: `clients` in a loop until the slice ends. */
async function slice(kind: Kind, ms: number, clients: number): Promise<void> {
  const end = Date.now() + ms;
  const timed = async <T>(call: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await call();
    if (Date.now() < end) kind.latencies.push(performance.now() - t);
    return result;
  };
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) {
        try {
          await kind.request(kind.sent++, timed);
        } catch (error) {
          kind.errors++;
          kind.firstError ??=
            error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
        }
      }
    }),
  );
}

async function drive(kinds: Kind[], clients: number): Promise<Run[]> {
  for (let round = 0; round < ROUNDS; round++)
    for (const kind of kinds) await slice(kind, DURATION_MS / ROUNDS, clients);
  return kinds.map(({ name, latencies, errors, firstError }) => {
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
    return {
      name,
      p50: at(0.5),
      p99: at(0.99),
      rps: latencies.length / (DURATION_MS / 1000),
      errors,
      firstError,
    };
  });
}

const kind = (name: string, request: Kind['request']): Kind => ({
  name,
  request,
  latencies: [],
  errors: 0,
  sent: 0,
});

/** Answers the gateway's shared cache gave (they carry an Age), and all answers, of the cached search. */
const fromCache = { hits: 0, all: 0 };

async function get<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${GATEWAY}${path}`, { headers });
  if (!res.ok) throw new Error(String(res.status));
  if (path.startsWith('/api/public/institutions') && !headers['cache-control']) {
    fromCache.all++;
    if (res.headers.has('age')) fromCache.hits++;
  }
  return (await res.json()) as T;
}

/** The search of the mix through the gateway; `fresh` asks past any cache (Cache-Control: no-cache). */
const search =
  (fresh: boolean): Kind['request'] =>
  (i, timed) => {
    const { params, pages: count } = searchCriteria(i);
    return pages(
      (after) =>
        get<SearchResult>(
          `/api/public/institutions?${new URLSearchParams({ ...params, pageSize: String(PAGE_SIZE), ...(after && { after }) })}`,
          fresh ? { 'cache-control': 'no-cache' } : {},
        ),
      count,
      timed,
    );
  };

/** Follows a search's `next` cursors page by page, as the portal does. */
async function pages(
  search: (after?: string) => Promise<SearchResult>,
  count: number,
  timed: <T>(call: () => Promise<T>) => Promise<T>,
) {
  let after: string | undefined;
  for (let p = 0; p < count; p++) {
    const { next } = await timed(() => search(after));
    if (!next) return;
    after = next;
  }
}

/**
 * The naive query: the same filters, page size, order and capped count as the search, with the
 * name matched by ILIKE '%…%' and the distance computed on every row, numbered pages by OFFSET.
 */
async function naive(pool: Pool, params: Record<string, string>, page: number) {
  const args: unknown[] = [];
  const arg = (v: unknown) => `$${args.push(v)}`;
  const where = ['true'];
  if (params.q) where.push(`name ILIKE ${arg(`%${params.q}%`)}`);
  if (params.district) where.push(`district = ${arg(params.district)}`);
  if (params.category) where.push(`category = ${arg(params.category)}`);
  if (params.scope) where.push(`${arg(params.scope)} = ANY(scopes)`);
  let order = 'name';
  if (params.lat) {
    const [lat, lng] = [arg(Number(params.lat)), arg(Number(params.lng))];
    order = `(2 * ${EARTH_RADIUS_M} * asin(least(1, sqrt(power(sin(radians(lat - ${lat}) / 2), 2) +
      cos(radians(${lat})) * cos(radians(lat)) * power(sin(radians(lng - ${lng}) / 2), 2)))))`;
    where.push(`${order} <= ${arg(Number(params.radiusKm) * 1000)}`);
  }
  const filter = where.join(' AND ');
  const { rows } = await pool.query(
    `SELECT id, name, category, scopes, district, address, license_number, license_status, valid_until
     FROM directory.institution WHERE ${filter} ORDER BY ${order}, id LIMIT ${PAGE_SIZE + 1} OFFSET ${(page - 1) * PAGE_SIZE}`,
    args,
  );
  if (rows.length > PAGE_SIZE || page > 1)
    await pool.query(
      `SELECT count(*)::int FROM (SELECT 1 FROM directory.institution WHERE ${filter} LIMIT ${COUNT_CAP}) AS c`,
      args,
    );
  return rows.length > PAGE_SIZE;
}

/** The four kinds of request, each with its own counters. */
function kinds(pool: Pool, handler: SearchInstitutionsHandler): Kind[] {
  return [
    kind('trivial endpoint (GET /api/public/ping)', (_, timed) => timed(() => get('/api/public/ping'))),
    kind('search (GET /api/public/institutions), as the public gets it', search(false)),
    kind('search, same mix, fresh (Cache-Control: no-cache)', search(true)),
    kind('search, same mix, handler → PostgreSQL (no HTTP)', (i, timed) => {
      const { params, pages: count } = searchCriteria(i);
      return pages(
        (after) =>
          handler.execute(
            new SearchInstitutionsQuery(
              SearchCriteria.parse({ ...params, pageSize: PAGE_SIZE, ...(after && { after }) }),
            ),
          ),
        count,
        timed,
      );
    }),
    kind("naive ILIKE '%…%', same mix (SQL only, no HTTP)", async (i, timed) => {
      const { params, pages: count } = searchCriteria(i);
      for (let p = 1; p <= count; p++) if (!(await timed(() => naive(pool, params, p)))) return;
    }),
  ];
}

/** Drives every kind with `clients` at once and prints its table, with the load average around it. */
async function phase(title: string, clients: number, pool: Pool, handler: SearchInstitutionsHandler) {
  const before = loadavg()[0];
  const runs = await drive(kinds(pool, handler), clients);
  console.log(
    `\n${title}: ${clients} concurrent ${clients === 1 ? 'client' : 'clients'}, ${DURATION_MS / 1000} s per query kind in ${ROUNDS} alternating slices, from a second process; load average ${before.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after, on ${cpus().length} cores`,
  );
  console.log('| query | p50 ms | p99 ms | requests/s | errors |\n|---|---|---|---|---|');
  for (const r of runs)
    console.log(
      `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.errors} |`,
    );
  for (const r of runs) if (r.firstError) console.log(`first error of ${r.name}: ${r.firstError.trim()}`);
  const [trivial, cached, fresh, searchSql, slow] = runs;
  const share = (x: Run) => `${((100 * x.rps) / trivial.rps).toFixed(0)} %`;
  console.log(
    `search throughput = ${share(cached)} of the trivial endpoint as the public gets it (${((100 * fromCache.hits) / Math.max(1, fromCache.all)).toFixed(0)} % of those answers from the gateway's shared cache), ${share(fresh)} fresh; ${(fresh.rps / slow.rps).toFixed(1)}× the naive query over HTTP (fresh), ${(searchSql.rps / slow.rps).toFixed(1)}× without HTTP`,
  );
  fromCache.hits = fromCache.all = 0;
}

async function main() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: CONCURRENCY });
  // The directory's own query handler on its own pool: the search at the naive query's layer.
  const handler = new SearchInstitutionsHandler(
    new PgInstitutionSearch(new Pool({ connectionString: process.env.DATABASE_URL, max: CONCURRENCY })),
  );
  await phase('Latency', LATENCY_CONCURRENCY, pool, handler);
  await phase('Throughput', CONCURRENCY, pool, handler);
  await pool.end();
}

void main();
