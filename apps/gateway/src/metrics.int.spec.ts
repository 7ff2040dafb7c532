import { createServer, Server } from 'node:http';
import { freePort } from '@otr/testing';
import { startTestGateway, TestGateway } from './gateway.int-fixtures';

jest.setTimeout(60_000);

/** The gateway's HTTP metrics by route template, and its /metrics kept from the public (#22 part 6). */
describe('the gateway metrics', () => {
  let t: TestGateway;
  let registration: Server;
  const saved = { url: process.env.REGISTRATION_URL, token: process.env.METRICS_TOKEN };
  const id = '00000000-0000-4000-8000-0000000000a1';

  beforeAll(async () => {
    // Stands in for registration: like every service (the runtime's metrics middleware), it names
    // the route template it matched in x-otr-route.
    registration = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/applications/')) res.setHeader('x-otr-route', '/applications/:id');
      res.end(req.url === '/openapi.json' ? '{}' : JSON.stringify({ id }));
    });
    const port = await freePort();
    await new Promise<void>((resolve) => registration.listen(port, '127.0.0.1', resolve));
    process.env.REGISTRATION_URL = `http://127.0.0.1:${port}`;
    process.env.METRICS_TOKEN = 'scrape-secret-for-the-test';
    t = await startTestGateway();
  });
  afterAll(async () => {
    process.env.REGISTRATION_URL = saved.url;
    process.env.METRICS_TOKEN = saved.token;
    await t.stop();
    await new Promise((resolve) => registration.close(resolve));
  });

  it('labels a proxied request by the route prefix and the service template, never its id', async () => {
    const token = await t.signIn('approver.xihu');
    const res = await t.get(`/api/v1/registration/applications/${id}`, token);
    expect(res.status).toBe(200);
    // The template header is between the service and the gateway.
    expect(res.headers.get('x-otr-route')).toBeNull();

    const text = await (await t.get('/metrics', 'scrape-secret-for-the-test')).text();
    const counts = text.split('\n').filter((l) => l.startsWith('http_request_duration_seconds_count'));
    expect(counts).toContainEqual(
      expect.stringContaining('route="/api/registration/applications/:id",status="200"'),
    );
    expect(text).not.toContain(id);
  });

  it('answers /metrics 404 to a client without the scrape token', async () => {
    expect((await t.get('/metrics')).status).toBe(404);
    expect((await t.get('/metrics', 'a-guess')).status).toBe(404);
    expect((await t.get('/metrics', 'scrape-secret-for-the-test')).status).toBe(200);
  });
});
