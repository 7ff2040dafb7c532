import { Pool } from 'pg';
import { DEMO_PASSWORD } from '@otr/auth';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TcpProxy, tcpProxy, TestDatabase, throughProxy } from '@otr/testing';
import { createGatewayPrisma } from './infrastructure/gateway-prisma';
import { seedDemoUsers } from './infrastructure/seed-demo-users';
import { gatewayService } from './gateway.module';

jest.setTimeout(60_000);

/**
 * The database goes away under the gateway (its connections cut, new ones refused, as a restart
 * does) and comes back (issue #22): signed-in callers hear "come back shortly", never "sign in",
 * and the gateway recovers by itself.
 */
describe('the gateway through a database outage', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let gateway: RunningService;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const pool = new Pool({ connectionString: db.url });
    await seedDemoUsers(createGatewayPrisma(pool));
    await pool.end();
    const target = new URL(db.url);
    proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    gateway = await startService(gatewayService, {
      databaseUrl: throughProxy(db.url, proxy),
      transport: new InProcessTransport(),
      port: await freePort(),
    });
    base = `http://127.0.0.1:${gateway.port}`;
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await gateway.stop();
    await proxy.close();
    await db.drop();
  });

  const signIn = async (username: string) => {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const get = (path: string, token?: string) =>
    fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers 503 with Retry-After while the database is away, then recovers by itself', async () => {
    const officer = await signIn('approver.xihu');
    const admin = await signIn('admin');
    expect((await get('/api/v1/auth/me', officer)).status).toBe(200);

    await proxy.cut();
    const me = await get('/api/v1/auth/me', officer);
    expect(me.status).toBe(503);
    expect(me.headers.get('retry-after')).toBe('5');
    expect(await me.json()).toMatchObject({
      status: 503,
      code: 'service-unavailable',
      title: '服务暂不可用',
    });
    // A route of the gateway's own, past authentication, the same (the errors filter).
    expect((await get('/api/v1/admin/users', admin)).status).toBe(503);
    expect((await get('/health/ready')).status).toBe(503);
    expect((await get('/health/live')).status).toBe(200);

    await proxy.restore();
    const back = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - back < 10_000) {
      status = (await get('/api/v1/auth/me', officer)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect((await get('/health/ready')).status).toBe(200);
    expect((await get('/api/v1/admin/users', admin)).status).toBe(200);
  });
});
