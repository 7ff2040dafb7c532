import { PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import { complaintsService } from '@otr/complaints';
import { InProcessTransport } from '@otr/messaging';
import { registrationService } from '@otr/registration';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { Pool } from 'pg';
import { DEMO_PASSWORD } from '@otr/auth';
import { createGatewayPrisma } from './infrastructure/gateway-prisma';
import { seedDemoUsers } from './infrastructure/seed-demo-users';
import { gatewayService } from './gateway.module';

jest.setTimeout(120_000);

/**
 * The console bell's feed, summed by the gateway from the services' dashboard figures: registration
 * and complaints run on the real PostgreSQL, inspection and fee supervision do not answer.
 */
describe('GET /api/me/notifications through the gateway', () => {
  let db: TestDatabase;
  let services: RunningService[] = [];
  let gateway: RunningService;
  let base: string;

  beforeAll(async () => {
    process.env.COMPLAINTS_SLA_SWEEP_MS = '0';
    db = await createTestDatabase();
    const pool = new Pool({ connectionString: db.url });
    await seedDemoUsers(createGatewayPrisma(pool));
    await pool.end();
    const start = async (definition: typeof gatewayService) =>
      startService(definition, {
        databaseUrl: db.url,
        transport: new InProcessTransport(),
        port: await freePort(),
      });
    const [registration, complaints] = [await start(registrationService), await start(complaintsService)];
    services = [registration, complaints];
    const closed = await freePort();
    process.env.REGISTRATION_URL = `http://127.0.0.1:${registration.port}`;
    process.env.COMPLAINTS_URL = `http://127.0.0.1:${complaints.port}`;
    process.env.INSPECTION_URL = `http://127.0.0.1:${closed}`;
    process.env.FEE_SUPERVISION_URL = `http://127.0.0.1:${closed}`;
    gateway = await start(gatewayService);
    base = `http://127.0.0.1:${gateway.port}`;

    // Given one application waiting for review in 西湖区 (none overdue) and no open complaint.
    const submitted = await fetch(`http://127.0.0.1:${registration.port}/applications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [PRINCIPAL_HEADER]: await signPrincipal(
          {
            userId: 'u-approver',
            name: '审批员',
            roles: ['approver'],
            department: 'sports',
            jurisdiction: 'CN-ZJ-HZ-XH',
          },
          'registration',
        ),
      },
      body: JSON.stringify({
        institutionName: '杭州西湖区卓越游泳体育培训有限公司',
        legalForm: 'for-profit',
        category: 'sports',
        scopes: ['offline'],
        district: 'CN-ZJ-HZ-XH',
        address: '浙江省杭州市西湖区古墩路88号',
        venue: { area: 400, maxClassSize: 20, fireSafetyAccepted: true },
        legalRepresentative: '赵强',
        ageGroups: ['primary', 'junior-secondary'],
      }),
    });
    expect(submitted.status).toBe(201);
  });
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(services.map((s) => s.stop()));
    await db.drop();
  });

  const tokenOf = async (username: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const feed = async (username: string | null, query = '') => {
    const token = username ? await tokenOf(username) : undefined;
    const res = await fetch(`${base}/api/me/notifications${query}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: res.status, body: await res.json() };
  };

  it('tells the approver of the application waiting in their district, in Chinese by default', async () => {
    expect(await feed('approver.xihu')).toEqual({
      status: 200,
      body: {
        items: [{ id: 'registration:waiting', title: '1 件申请待审查', link: '#/applications', read: false }],
        total: 1,
        unread: 1,
      },
    });
  });

  it('writes the titles in English when the console asks for it', async () => {
    const { body } = await feed('fund.supervisor', '?locale=en');
    expect(body.items.map((n: { title: string }) => n.title)).toEqual(['1 application awaiting review']);
  });

  it('gives nothing where no service has work for the official', async () => {
    expect((await feed('inspector.binjiang')).body).toEqual({ items: [], total: 0, unread: 0 });
  });

  it('answers only signed-in officials, and names a locale it cannot write', async () => {
    expect((await feed(null)).status).toBe(401);
    expect((await feed('operator.demo')).status).toBe(403);
    const bad = await feed('approver.xihu', '?locale=fr');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('locale');
  });

  it('has each service accept only principals signed for it: one signed for registration is refused by complaints', async () => {
    const [registration, complaints] = services;
    const viewer = {
      userId: 'viewer.city',
      name: '市级查看员',
      roles: ['viewer' as const],
      jurisdiction: 'CN-ZJ-HZ',
    };
    const forRegistration = await signPrincipal(viewer, 'registration');
    const ask = (port: number, path: string, token: string) =>
      fetch(`http://127.0.0.1:${port}${path}`, { headers: { [PRINCIPAL_HEADER]: token } });
    expect((await ask(registration.port, '/applications', forRegistration)).status).toBe(200);
    expect((await ask(complaints.port, '/complaints', forRegistration)).status).toBe(401);
    expect(
      (await ask(complaints.port, '/complaints', await signPrincipal(viewer, 'complaints'))).status,
    ).toBe(200);
  });
});
