import { TcpProxy, tcpProxy, throughProxy } from '@otr/testing';
import { startTestGateway, TestGateway } from './gateway.int-fixtures';

jest.setTimeout(60_000);

/**
 * The database goes away under the gateway (its connections cut, new ones refused, as a restart
 * does) and comes back (issue #22): signed-in callers hear "come back shortly", never "sign in",
 * and the gateway recovers by itself.
 */
describe('the gateway through a database outage', () => {
  let proxy: TcpProxy;
  let t: TestGateway;

  beforeAll(async () => {
    t = await startTestGateway(async (url) => {
      const target = new URL(url);
      proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      return throughProxy(url, proxy);
    });
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await t.stop();
    await proxy.close();
  });

  it('answers 503 with Retry-After while the database is away, then recovers by itself', async () => {
    const officer = await t.signIn('approver.xihu');
    const admin = await t.signIn('admin');
    expect((await t.get('/api/v1/auth/me', officer)).status).toBe(200);

    await proxy.cut();
    const me = await t.get('/api/v1/auth/me', officer);
    expect(me.status).toBe(503);
    expect(me.headers.get('retry-after')).toBe('5');
    expect(await me.json()).toMatchObject({
      status: 503,
      code: 'service-unavailable',
      title: '服务暂不可用',
    });
    // A route of the gateway's own, past authentication, the same (the errors filter).
    expect((await t.get('/api/v1/admin/users', admin)).status).toBe(503);
    expect((await t.get('/health/ready')).status).toBe(503);
    expect((await t.get('/health/live')).status).toBe(200);

    await proxy.restore();
    const back = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - back < 10_000) {
      status = (await t.get('/api/v1/auth/me', officer)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect((await t.get('/health/ready')).status).toBe(200);
    expect((await t.get('/api/v1/admin/users', admin)).status).toBe(200);
  });
});
