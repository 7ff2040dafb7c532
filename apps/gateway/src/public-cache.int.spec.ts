import { createServer, get as httpGet, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { gatewayService } from './gateway.module';

jest.setTimeout(60_000);

/**
 * The gateway as the shared cache of public answers, in front of a stand-in directory that counts
 * what reaches it: its search is marked `public, max-age=30` with an ETag, its ping is not cacheable.
 */
describe('the gateway’s shared cache of public answers', () => {
  let db: TestDatabase;
  let gateway: RunningService;
  let directory: Server;
  let base: string;
  const reached: string[] = [];

  beforeAll(async () => {
    directory = createServer((req, res) => {
      reached.push(req.url!);
      if (req.url!.startsWith('/public/institutions')) {
        const privateAnswer = req.url!.includes('private');
        res.setHeader('Cache-Control', privateAnswer ? 'private, max-age=30' : 'public, max-age=30');
        res.setHeader('ETag', '"v1"');
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ items: [{ name: '启航英语培训学校' }], reached: reached.length }));
      } else res.end(JSON.stringify({ ok: true }));
    });
    await new Promise<void>((resolve) => directory.listen(0, '127.0.0.1', resolve));
    process.env.DIRECTORY_URL = `http://127.0.0.1:${(directory.address() as AddressInfo).port}`;
    process.env.API_RATE_LIMIT = '100000';
    db = await createTestDatabase();
    gateway = await startService(gatewayService, {
      databaseUrl: db.url,
      transport: new InProcessTransport(),
      port: await freePort(),
    });
    base = `http://127.0.0.1:${gateway.port}`;
  });
  afterAll(async () => {
    await gateway.stop();
    await new Promise((resolve) => directory.close(resolve));
    await db.drop();
  });

  /** One request, its answer read to the end (the cache keeps an answer once it has all of it). */
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const answer = await fetch(`${base}${path}`, { headers });
    return { status: answer.status, headers: answer.headers, body: await answer.text() };
  };
  const reachedFor = (path: string) => reached.filter((url) => url === path).length;

  it('answers a repeated public search from the cache, with its Age, the same body and ETag', async () => {
    const first = await get('/api/public/institutions?q=%E8%8B%B1%E8%AF%AD');
    const second = await get('/api/public/institutions?q=%E8%8B%B1%E8%AF%AD');
    expect(second.body).toBe(first.body);
    expect(second.headers.get('etag')).toBe('"v1"');
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    expect(second.headers.get('content-type')).toMatch(/application\/json/);
    expect(reachedFor('/public/institutions?q=%E8%8B%B1%E8%AF%AD')).toBe(1);
  });

  it('answers If-None-Match with 304 from the cache', async () => {
    await get('/api/public/institutions?q=a');
    // fetch turns a conditional request into Cache-Control: no-cache, so this one goes by node:http.
    const status = await new Promise<number | undefined>((resolve, reject) =>
      httpGet(`${base}/api/public/institutions?q=a`, { headers: { 'If-None-Match': '"v1"' } }, (answer) => {
        answer.resume();
        resolve(answer.statusCode);
      }).on('error', reject),
    );
    expect(status).toBe(304);
    expect(reachedFor('/public/institutions?q=a')).toBe(1);
  });

  it('lets a request with Cache-Control: no-cache through to the service', async () => {
    await get('/api/public/institutions?q=b');
    const fresh = await get('/api/public/institutions?q=b', { 'Cache-Control': 'no-cache' });
    expect(fresh.status).toBe(200);
    expect(reachedFor('/public/institutions?q=b')).toBe(2);
  });

  it('keeps nothing the service did not mark public and cacheable, and tells queries apart', async () => {
    await get('/api/public/ping');
    await get('/api/public/ping');
    expect(reachedFor('/public/ping')).toBe(2);
    await get('/api/public/institutions?q=private');
    await get('/api/public/institutions?q=private');
    expect(reachedFor('/public/institutions?q=private')).toBe(2);
    await get('/api/public/institutions?q=c');
    await get('/api/public/institutions?q=d');
    expect([reachedFor('/public/institutions?q=c'), reachedFor('/public/institutions?q=d')]).toEqual([1, 1]);
  });
});
