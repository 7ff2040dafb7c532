import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { FixedClock } from '@otr/kernel';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { ACCESS_MATRIX, Caller } from './domain/access-matrix';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@otr/auth';
import { ACCESS_TOKEN_MINUTES } from './infrastructure/access-tokens';
import { createGatewayPrisma } from './infrastructure/gateway-prisma';
import { seedDemoUsers } from './infrastructure/seed-demo-users';
import { gatewayService } from './gateway.module';

jest.setTimeout(60_000);

describe('the gateway on the real PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let gateway: RunningService;
  let base: string;
  const clock = new FixedClock(new Date('2026-11-22T01:00:00Z'));

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    await seedDemoUsers(createGatewayPrisma(pool));
    // Every service URL points at a closed port: an allowed request comes back 502, a denied one 401/403.
    const closed = await freePort();
    for (const s of ['REGISTRATION', 'DIRECTORY', 'INSPECTION', 'FEE_SUPERVISION', 'COMPLAINTS']) {
      process.env[`${s}_URL`] = `http://127.0.0.1:${closed}`;
    }
    process.env.API_RATE_LIMIT = '100000';
    process.env.LOGIN_RATE_LIMIT = '100000';
    gateway = await startService(gatewayService, {
      databaseUrl: db.url,
      transport: new InProcessTransport(),
      port: await freePort(),
      clock,
    });
    base = `http://127.0.0.1:${gateway.port}`;
  });
  afterAll(async () => {
    await gateway.stop();
    await pool.end();
    await db.drop();
  });

  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const login = async (username: string, password = DEMO_PASSWORD) =>
    post('/api/auth/login', { username, password });
  const session = async (username: string) =>
    (await (await login(username)).json()) as { accessToken: string; refreshToken: string };
  const me = (token: string) =>
    fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });

  describe('sign-in', () => {
    it('issues an access token carrying the role, department and jurisdiction', async () => {
      const res = await login('approver.xihu');
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.user).toMatchObject({
        roles: ['approver'],
        department: 'education',
        jurisdiction: 'CN-ZJ-HZ-XH',
      });
      expect((await me(body.accessToken)).status).toBe(200);
    });

    it('refuses a wrong password without saying which part was wrong', async () => {
      const res = await login('approver.xihu', 'nope');
      expect(res.status).toBe(401);
      // In the caller's language; zh-CN unless it asks for English.
      expect(await res.json()).toMatchObject({ code: 'unauthorized', detail: '用户名或密码错误' });
      expect((await login('nobody', 'nope')).status).toBe(401);
    });

    it('locks the account after five failures, even for the right password, until the window passes', async () => {
      for (let i = 0; i < 5; i++) expect((await login('inspector.binjiang', 'wrong')).status).toBe(401);
      expect((await login('inspector.binjiang')).status).toBe(423);
      clock.advance(15 * 60_000);
      expect((await login('inspector.binjiang')).status).toBe(200);
    });

    it('counts five wrong passwords sent at once as five, and locks the account', async () => {
      const failures = await Promise.all(
        Array.from({ length: 5 }, () => login('officer.police', 'wrong-password')),
      );
      expect(failures.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
      expect((await login('officer.police')).status).toBe(423);
      clock.advance(15 * 60_000);
    });

    it('rejects an access token once it has expired', async () => {
      const { accessToken } = await session('viewer.city');
      clock.advance(ACCESS_TOKEN_MINUTES * 60_000 + 1000);
      expect((await me(accessToken)).status).toBe(401);
    });
  });

  describe('refresh and sign-out', () => {
    it('rotates the refresh token, and a reused old one ends the whole session', async () => {
      const first = await session('fund.supervisor');
      const second = await (await post('/api/auth/refresh', { refreshToken: first.refreshToken })).json();
      expect(second.accessToken).toBeDefined();
      expect((await post('/api/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
      // The reuse revoked the family: the newer token no longer works either.
      expect((await post('/api/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);
    });

    it('revokes the access and refresh tokens at sign-out', async () => {
      const s = await session('planner');
      expect((await post('/api/auth/logout', { refreshToken: s.refreshToken }, s.accessToken)).status).toBe(
        204,
      );
      expect((await me(s.accessToken)).status).toBe(401);
      expect((await post('/api/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
    });

    it('signs out once when the same sign-out arrives twice at once (a 500 before, issue #14)', async () => {
      const s = await session('planner');
      const both = await Promise.all([1, 2].map(() => post('/api/auth/logout', {}, s.accessToken)));
      // The one that arrives after the other's revocation is no longer signed in.
      for (const r of both) expect([204, 401]).toContain(r.status);
      expect((await me(s.accessToken)).status).toBe(401);
    });
  });

  describe('an administrator changing an account ends its sessions at once', () => {
    const userId = async (username: string) =>
      (await pool.query<{ id: string }>('SELECT id FROM gateway."user" WHERE username = $1', [username]))
        .rows[0].id;
    const patch = async (username: string, change: unknown) => {
      const admin = await session('admin');
      return fetch(`${base}/api/admin/users/${await userId(username)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
        body: JSON.stringify(change),
      });
    };

    it.each([
      ['a password reset', 'approver.culture', { password: 'a-brand-new-password-1' }],
      ['disabling the account', 'approver.science', { disabled: true }],
      ['a demotion', 'approver.sports', { roles: ['viewer'] }],
    ])('%s revokes the access token and every refresh family of the account', async (_, username, change) => {
      const first = await session(username);
      const second = await session(username);
      expect((await me(first.accessToken)).status).toBe(200);
      expect((await patch(username, change)).status).toBe(200);
      for (const s of [first, second]) {
        expect((await me(s.accessToken)).status).toBe(401);
        expect((await post('/api/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
      }
    });

    it('keeps the sessions when only the display name changes', async () => {
      const s = await session('officer.fire');
      expect((await patch('officer.fire', { displayName: '消防检查员' })).status).toBe(200);
      expect((await me(s.accessToken)).status).toBe(200);
      expect((await post('/api/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(200);
    });
  });

  describe('audit log', () => {
    it('records a state change with its actor, and cannot be rewritten', async () => {
      const admin = await session('admin');
      const created = await post(
        '/api/admin/users',
        {
          username: 'inspector.new',
          displayName: '新检查员',
          password: 'a-long-password-1',
          roles: ['inspector'],
          jurisdiction: 'CN-ZJ-HZ-XH',
        },
        admin.accessToken,
      );
      expect(created.status).toBe(201);
      const log = await fetch(`${base}/api/admin/audit?path=/api/admin/users`, {
        headers: { authorization: `Bearer ${admin.accessToken}` },
      });
      const {
        items: [entry],
      } = await log.json();
      expect(entry).toMatchObject({
        method: 'POST',
        path: '/api/admin/users',
        status: 201,
        role: 'administrator',
        jurisdiction: 'CN-ZJ-HZ',
      });
      await expect(pool.query('UPDATE gateway.audit_entry SET status = 200')).rejects.toThrow(/append-only/);
      await expect(pool.query('DELETE FROM gateway.audit_entry')).rejects.toThrow(/append-only/);
    });
  });

  describe('authorization matrix', () => {
    const callers: Caller[] = ['anonymous', ...new Set(DEMO_ACCOUNTS.flatMap((a) => a.roles))];

    it('allows exactly what the matrix says, for every route and every role', async () => {
      const tokens = new Map<Caller, string>();
      for (const role of callers.filter((c) => c !== 'anonymous')) {
        const account = DEMO_ACCOUNTS.find((a) => a.roles.includes(role as never))!;
        tokens.set(role, (await session(account.username)).accessToken);
      }
      const unexpected: string[] = [];
      for (const { method, path, allowed } of ACCESS_MATRIX) {
        for (const caller of callers) {
          const token = tokens.get(caller);
          const res = await fetch(`${base}${encodeURI(path)}`, {
            method,
            headers: {
              'content-type': 'application/json',
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
            body: method === 'GET' ? undefined : '{}',
          });
          const passed = ![401, 403, 404].includes(res.status);
          if (passed !== allowed.includes(caller))
            unexpected.push(`${caller} ${method} ${path} → ${res.status}`);
        }
      }
      expect(unexpected).toEqual([]);
    });

    it('never forwards a principal header a client made up', async () => {
      const res = await fetch(`${base}/api/registration/applications`, {
        method: 'POST',
        headers: { 'x-otr-principal': 'forged', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(401);
    });
  });

  describe('the published event contract', () => {
    it('serves the committed AsyncAPI document to anyone, beside the OpenAPI', async () => {
      const res = await fetch(`${base}/api/asyncapi`);
      expect(res.status).toBe(200);
      const committed = JSON.parse(
        readFileSync(join(__dirname, '../../../libs/contracts/asyncapi.json'), 'utf8'),
      );
      expect(await res.json()).toEqual(committed);
    });
  });
});
