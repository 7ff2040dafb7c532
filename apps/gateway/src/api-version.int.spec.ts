import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@otr/auth';
import { startTestGateway, TestGateway } from './gateway.int-fixtures';

jest.setTimeout(60_000);

/** /api/v1 is the stable prefix; the unversioned /api paths are deprecated aliases (docs/integration.md). */
describe('the versioned API at the gateway', () => {
  let t: TestGateway;
  let base: string;

  beforeAll(async () => {
    t = await startTestGateway();
    base = t.base;
  });
  afterAll(() => t.stop());

  const login = (path: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: DEMO_ACCOUNTS[0].username, password: DEMO_PASSWORD }),
    });

  it('serves a route under /api/v1 as it is, with no deprecation', async () => {
    const res = await login('/api/v1/auth/login');
    expect(res.status).toBe(200);
    expect(res.headers.get('deprecation')).toBeNull();
    const { accessToken } = await res.json();
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
  });

  it('answers the unversioned alias the same, marked deprecated with its successor and sunset', async () => {
    const res = await login('/api/auth/login?lang=zh');
    expect(res.status).toBe(200);
    expect(res.headers.get('deprecation')).toMatch(/^@\d+$/);
    expect(new Date(res.headers.get('sunset')!).getTime()).toBeGreaterThan(Date.now());
    expect(res.headers.get('link')).toBe('</api/v1/auth/login?lang=zh>; rel="successor-version"');
  });

  it('keeps the versioned path under the same access rules: no token, no entry', async () => {
    for (const path of ['/api/v1/registration/applications', '/api/v1/admin/users'])
      expect([path, (await fetch(`${base}${path}`)).status]).toEqual([path, 401]);
  });

  it('documents every route under /api/v1, and the documents themselves are not deprecated', async () => {
    const res = await fetch(`${base}/api/docs.json`);
    expect(res.headers.get('deprecation')).toBeNull();
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/login');
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/api/v1/'))).toBe(true);
  });
});
