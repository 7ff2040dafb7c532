import { createServer, Server } from 'node:http';
import { freePort } from '@otr/testing';
import { startTestGateway, TestGateway } from './gateway.int-fixtures';

jest.setTimeout(60_000);

/**
 * Two registration instances behind the gateway, one of them dead (issue #22: a second instance
 * got 81 × 502 while the gateway knew one address per service).
 */
describe('the gateway balancing over several instances of a service', () => {
  let t: TestGateway;
  let live: Server;
  const seen: string[] = [];
  const saved = process.env.REGISTRATION_URL;

  beforeAll(async () => {
    // The live instance stands in for registration: it answers every request and says it is ready.
    live = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.setHeader('content-type', 'application/json');
      res.end(req.url === '/openapi.json' ? '{}' : JSON.stringify({ items: [], total: 0 }));
    });
    const livePort = await freePort();
    await new Promise<void>((resolve) => live.listen(livePort, '127.0.0.1', resolve));
    const dead = await freePort();
    process.env.REGISTRATION_URL = `http://127.0.0.1:${dead},http://127.0.0.1:${livePort}`;
    t = await startTestGateway();
  });
  afterAll(async () => {
    process.env.REGISTRATION_URL = saved;
    await t.stop();
    await new Promise((resolve) => live.close(resolve));
  });

  it('sends every request to the instance that answers: a read is retried there, later writes go there first', async () => {
    const token = await t.signIn('approver.xihu');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await t.get('/api/v1/registration/applications', token)).status);
    expect(statuses).toEqual(Array(10).fill(200));

    const write = await fetch(
      `${t.base}/api/v1/registration/applications/00000000-0000-4000-8000-000000000001/approve`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(write.status).toBe(200);
    expect(seen.filter((s) => s.startsWith('GET /applications'))).toHaveLength(10);
    expect(seen).toContain('POST /applications/00000000-0000-4000-8000-000000000001/approve');
  });
});
