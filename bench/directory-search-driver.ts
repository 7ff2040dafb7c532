// The load driver of bench/directory-search.ts, in its own process: HTTP through the gateway.
import { Pool } from 'pg';

const GATEWAY = process.env.GATEWAY!;
const DURATION_MS = Number(process.env.DURATION ?? 10) * 1000;
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
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

type Run = { name: string; p50: number; p99: number; rps: number; errors: number };

async function drive(name: string, request: (i: number) => Promise<void>): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + DURATION_MS;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const i = n++;
        const t = performance.now();
        try {
          await request(i);
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { name, p50: at(0.5), p99: at(0.99), rps: latencies.length / (DURATION_MS / 1000), errors };
}

const get = async (path: string) => {
  const res = await fetch(`${GATEWAY}${path}`);
  if (!res.ok) throw new Error(String(res.status));
  await res.arrayBuffer();
};

async function main() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: CONCURRENCY });
  const q = (i: number) => FRAGMENTS[i % FRAGMENTS.length];
  const runs = [
    await drive('trivial endpoint (GET /api/public/ping)', () => get('/api/public/ping')),
    await drive('search (GET /api/public/institutions)', (i) =>
      get(
        `/api/public/institutions?q=${encodeURIComponent(q(i))}${FILTERS[i % FILTERS.length]}&page=${1 + (i % 3)}`,
      ),
    ),
    await drive("naive ILIKE '%…%' (SQL only, no HTTP)", async (i) => {
      await pool.query(
        `SELECT id, name, count(*) OVER () AS total FROM directory.institution WHERE name ILIKE $1 ORDER BY name, id LIMIT 20 OFFSET $2`,
        [`%${q(i)}%`, 20 * (i % 3)],
      );
    }),
  ];
  await pool.end();
  console.log(`\n${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s each, from a second process`);
  console.log('| query | p50 ms | p99 ms | requests/s | errors |\n|---|---|---|---|---|');
  for (const r of runs)
    console.log(
      `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.errors} |`,
    );
  const [trivial, search, naive] = runs;
  console.log(
    `\nsearch throughput = ${((100 * search.rps) / trivial.rps).toFixed(0)} % of the trivial endpoint; ${(search.rps / naive.rps).toFixed(1)}× the naive query`,
  );
}

void main();
