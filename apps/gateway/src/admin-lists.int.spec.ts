import { Pool } from 'pg';
import { DEMO_PASSWORD } from '@otr/auth';
import { FixedClock } from '@otr/kernel';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { createGatewayPrisma } from './infrastructure/gateway-prisma';
import { seedDemoUsers } from './infrastructure/seed-demo-users';
import { gatewayService } from './gateway.module';

jest.setTimeout(60_000);

/** The gateway's own lists answer the one list envelope (#16); the audit log also pages by keyset. */
describe("the gateway's admin lists", () => {
  let db: TestDatabase;
  let pool: Pool;
  let gateway: RunningService;
  let base: string;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    await seedDemoUsers(createGatewayPrisma(pool));
    const closed = await freePort();
    for (const s of ['REGISTRATION', 'DIRECTORY', 'INSPECTION', 'FEE_SUPERVISION', 'COMPLAINTS'])
      process.env[`${s}_URL`] = `http://127.0.0.1:${closed}`;
    process.env.API_RATE_LIMIT = '100000';
    process.env.LOGIN_RATE_LIMIT = '100000';
    gateway = await startService(gatewayService, {
      databaseUrl: db.url,
      transport: new InProcessTransport(),
      port: await freePort(),
      clock: new FixedClock(new Date('2026-11-22T01:00:00Z')),
    });
    base = `http://127.0.0.1:${gateway.port}`;
    const login = () =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
      });
    // Seven sign-ins: seven audit entries to page through.
    for (let i = 0; i < 6; i++) await login();
    token = ((await (await login()).json()) as { accessToken: string }).accessToken;
  });
  afterAll(async () => {
    await gateway.stop();
    await pool.end();
    await db.drop();
  });

  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, headers: res.headers, body: await res.json() };
  };

  it('answers users as { items, total }, without X-Total-Count or password hashes', async () => {
    const users = await get('/api/admin/users?pageSize=3');
    expect(users.status).toBe(200);
    expect(users.headers.get('x-total-count')).toBeNull();
    expect(users.body.items).toHaveLength(3);
    expect(users.body.total).toBeGreaterThan(3);
    expect(JSON.stringify(users.body)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it('walks the audit log newest first by cursor, each entry once, to a null nextCursor', async () => {
    const all = await get('/api/admin/audit?path=/api/auth/login&pageSize=200');
    expect(all.body.total).toBe(all.body.items.length);
    expect(all.body.total).toBeGreaterThanOrEqual(7);
    expect(all.body.nextCursor).toBeNull();

    const walked: string[] = [];
    let page = await get('/api/admin/audit?path=/api/auth/login&pageSize=3');
    for (;;) {
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(all.body.total);
      walked.push(...page.body.items.map((e: { id: string }) => e.id));
      if (!page.body.nextCursor) break;
      page = await get(
        `/api/admin/audit?path=/api/auth/login&pageSize=3&after=${encodeURIComponent(page.body.nextCursor)}`,
      );
    }
    expect(walked).toEqual(all.body.items.map((e: { id: string }) => e.id));
    expect(walked.map(Number)).toEqual([...walked.map(Number)].sort((a, b) => b - a));
  });

  it('refuses a cursor it did not give, and a cursor with a page', async () => {
    expect((await get('/api/admin/audit?after=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect(
      (await get(`/api/admin/audit?after=${Buffer.from('["x","y"]').toString('base64url')}`)).status,
    ).toBe(400);
    const cursor = (await get('/api/admin/audit?pageSize=1')).body.nextCursor;
    expect((await get(`/api/admin/audit?page=2&after=${encodeURIComponent(cursor)}`)).status).toBe(400);
  });
});
