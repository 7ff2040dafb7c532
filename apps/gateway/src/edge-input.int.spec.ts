import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Pool } from 'pg';
import { inspectionService } from '@otr/inspection';
import { InProcessTransport } from '@otr/messaging';
import { registrationService } from '@otr/registration';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { DEMO_PASSWORD } from '@otr/auth';
import { createGatewayPrisma } from './infrastructure/gateway-prisma';
import { seedDemoUsers } from './infrastructure/seed-demo-users';
import { gatewayService } from './gateway.module';

jest.setTimeout(120_000);

/**
 * Bad input at the HTTP edge (what fuzzing sent): each gets a 4xx that names the field and the rule,
 * never a 500.
 */
describe('bad input through the gateway', () => {
  let db: TestDatabase;
  let services: RunningService[] = [];
  let base: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), 'otr-edge-'));
    process.env.API_RATE_LIMIT = '100000';
    process.env.LOGIN_RATE_LIMIT = '100000';
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
    const [registration, inspection] = [await start(registrationService), await start(inspectionService)];
    process.env.REGISTRATION_URL = `http://127.0.0.1:${registration.port}`;
    process.env.INSPECTION_URL = `http://127.0.0.1:${inspection.port}`;
    const gateway = await start(gatewayService);
    services = [registration, inspection, gateway];
    base = `http://127.0.0.1:${gateway.port}`;
    for (const username of ['admin', 'approver.xihu', 'inspector.xihu']) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      tokens.set(username, ((await res.json()) as { accessToken: string }).accessToken);
    }
  });
  afterAll(async () => {
    for (const s of services.reverse()) await s.stop();
    await db?.drop();
  });

  const call = async (as: string | null, method: string, path: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${path}`, {
      ...init,
      method,
      // The rules asserted below are in English (zh-CN is the default: see problem-language.int.spec.ts).
      headers: {
        'accept-language': 'en',
        ...(as ? { authorization: `Bearer ${tokens.get(as)}` } : {}),
        ...(init.headers ?? {}),
      },
    });
    const text = await res.text();
    let body: { detail?: string; code?: string; errors?: { field: string; rule: string }[] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the assertions on body fail and show the status
    }
    return { status: res.status, body };
  };
  const json = (body: string, headers: Record<string, string> = {}) => ({
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

  describe('request bodies', () => {
    it('answers 413 to a JSON body over the limit, at the gateway and at a service', async () => {
      const big = JSON.stringify({ username: 'x', password: 'a'.repeat(2_000_000) });
      const atGateway = await call(null, 'POST', '/api/auth/login', json(big));
      expect(atGateway.status).toBe(413);
      expect(atGateway.body.errors).toEqual([{ field: '(body)', rule: expect.stringMatching(/at most/) }]);
      const atService = await call('approver.xihu', 'POST', '/api/registration/applications', json(big));
      expect(atService.status).toBe(413);
    });

    it('answers 413 to evidence over its 20 MB limit', async () => {
      const res = await call('inspector.xihu', 'POST', '/api/inspection/evidence', {
        body: Buffer.alloc(21 * 1024 * 1024),
        headers: { 'content-type': 'image/jpeg' },
      });
      expect(res.status).toBe(413);
    });

    it('answers 400 to Content-Encoding: gzip on a body that is not gzip, and accepts a real one', async () => {
      const plain = await call(
        null,
        'POST',
        '/api/auth/login',
        json('{"username":"x","password":"y"}', { 'content-encoding': 'gzip' }),
      );
      expect(plain.status).toBe(400);
      expect(plain.body.errors?.[0].field).toBe('(body)');
      const atService = await call(
        'approver.xihu',
        'POST',
        '/api/registration/applications',
        json('{}', { 'content-encoding': 'gzip' }),
      );
      expect(atService.status).toBe(400);
      const gzipped = await call(null, 'POST', '/api/auth/login', {
        body: gzipSync('{"username":"nobody","password":"nope"}'),
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      });
      expect(gzipped.status).toBe(401);
    });

    it('answers 415 to a content encoding it does not know', async () => {
      const res = await call(null, 'POST', '/api/auth/login', json('{}', { 'content-encoding': 'zstd-x' }));
      expect(res.status).toBe(415);
    });

    it('names the body and the rule when JSON does not parse', async () => {
      for (const [as, path] of [
        [null, '/api/auth/login'],
        ['approver.xihu', '/api/registration/applications'],
      ] as const) {
        const res = await call(as, 'POST', path, json('{"username": '));
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([{ field: '(body)', rule: expect.stringMatching(/JSON/) }]);
      }
    });
  });

  describe('path, query and headers', () => {
    it('names the parameter when a path id is not a UUID', async () => {
      const res = await call('admin', 'GET', '/api/admin/users/not-a-uuid');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'id', rule: expect.stringMatching(/UUID/) }]);
      const atService = await call('approver.xihu', 'GET', '/api/registration/applications/not-a-uuid');
      expect(atService.status).toBe(400);
      expect(atService.body.errors).toEqual([{ field: 'id', rule: expect.stringMatching(/UUID/) }]);
    });

    it('names the path when its percent-escapes are not UTF-8, at the gateway and at a service', async () => {
      const res = await call('admin', 'GET', '/api/admin/users/x%ED%BF%BFy');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: '(path)', rule: expect.stringMatching(/UTF-8/) }]);
      const atService = await call('approver.xihu', 'GET', '/api/registration/applications/x%ED%A0%80');
      expect(atService.status).toBe(400);
      expect(atService.body.errors).toEqual([{ field: '(path)', rule: expect.stringMatching(/UTF-8/) }]);
    });

    it('names from when the audit log is searched from the year 0, which PostgreSQL has not (a 500)', async () => {
      for (const from of ['0000-02-29T00:00:00Z', '0001-01-01T00:00:00+14:00']) {
        const res = await call('admin', 'GET', `/api/admin/audit?from=${encodeURIComponent(from)}`);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([{ field: 'from', rule: expect.stringMatching(/year 1/) }]);
      }
    });

    it('refuses a NUL character in a query filter, naming the parameter', async () => {
      const res = await call('admin', 'GET', '/api/admin/users?q=a%00b');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'q', rule: expect.stringMatching(/NUL/) }]);
      const atService = await call('approver.xihu', 'GET', '/api/registration/applications?q=%00');
      expect(atService.status).toBe(400);
      expect(atService.body.errors?.[0].field).toBe('q');
    });

    it('refuses an x-filename that is not valid percent-encoding, naming the header', async () => {
      const res = await call('inspector.xihu', 'POST', '/api/inspection/evidence', {
        body: 'a note',
        headers: { 'content-type': 'text/plain', 'x-filename': '%E0%A4%A' },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'x-filename', rule: expect.stringMatching(/percent-encoded/) },
      ]);
    });
  });

  describe('the admin API', () => {
    const newUser = {
      username: 'inspector.edge',
      displayName: '边界检查员',
      password: 'a-long-password-1',
      roles: ['inspector'],
      jurisdiction: 'CN-ZJ-HZ-XH',
    };

    it('answers 409 naming the username when it is taken', async () => {
      expect((await call('admin', 'POST', '/api/admin/users', json(JSON.stringify(newUser)))).status).toBe(
        201,
      );
      const again = await call('admin', 'POST', '/api/admin/users', json(JSON.stringify(newUser)));
      expect(again.status).toBe(409);
      expect(again.body.detail).toMatch(/inspector\.edge/);
    });

    it('answers 404 to a change of a user that does not exist', async () => {
      const res = await call(
        'admin',
        'PATCH',
        '/api/admin/users/00000000-0000-4000-8000-000000000000',
        json(JSON.stringify({ displayName: '无' })),
      );
      expect(res.status).toBe(404);
    });
  });
});
