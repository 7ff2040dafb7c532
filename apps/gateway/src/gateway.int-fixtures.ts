import { Pool } from 'pg';
import { DEMO_PASSWORD } from '@otr/auth';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { createGatewayPrisma } from './infrastructure/gateway-prisma';
import { seedDemoUsers } from './infrastructure/seed-demo-users';
import { gatewayService } from './gateway.module';

export interface TestGateway {
  db: TestDatabase;
  gateway: RunningService;
  base: string;
  /** An access token for a demo account, signed in through /api/v1/auth/login. */
  signIn(username: string): Promise<string>;
  get(path: string, token?: string): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The gateway alone on its own test database with the demo accounts; `databaseUrl` may route it
 * through a proxy a test cuts (the database away).
 */
export async function startTestGateway(through?: (url: string) => Promise<string>): Promise<TestGateway> {
  const db = await createTestDatabase();
  const pool = new Pool({ connectionString: db.url });
  await seedDemoUsers(createGatewayPrisma(pool));
  await pool.end();
  const gateway = await startService(gatewayService, {
    databaseUrl: through ? await through(db.url) : db.url,
    transport: new InProcessTransport(),
    port: await freePort(),
  });
  const base = `http://127.0.0.1:${gateway.port}`;
  return {
    db,
    gateway,
    base,
    signIn: async (username) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    get: (path, token) =>
      fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    stop: async () => {
      await gateway.stop();
      await db.drop();
    },
  };
}
