import { createServer, IncomingHttpHeaders, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { PRINCIPAL_HEADER, verifyPrincipal } from '@otr/auth';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { DEMO_PASSWORD } from '@otr/auth';
import { createGatewayPrisma } from './infrastructure/gateway-prisma';
import { seedDemoUsers } from './infrastructure/seed-demo-users';
import { gatewayService } from './gateway.module';

jest.setTimeout(60_000);

interface Received {
  headers: IncomingHttpHeaders;
  bytes: number;
}

/**
 * What reaches a service: the gateway strips a client's x-otr-principal and signs its own on every
 * path, also when the client asks `Expect: 100-continue` (curl does for bodies over 1 MB).
 */
describe('the headers a service receives through the gateway', () => {
  let db: TestDatabase;
  let gateway: RunningService;
  let service: Server;
  let received: Received[] = [];
  let port: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    const pool = new Pool({ connectionString: db.url });
    await seedDemoUsers(createGatewayPrisma(pool));
    await pool.end();
    // A stand-in for the services that records what it is sent.
    service = createServer((req, res) => {
      // The gateway asks each service for its OpenAPI document (to merge /api/docs.json, which the
      // tests' answer check reads): not one of the requests under test.
      if (req.url === '/openapi.json') return void res.writeHead(404).end();
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        received.push({ headers: req.headers, bytes });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
    process.env.REGISTRATION_URL = url;
    process.env.COMPLAINTS_URL = url;
    process.env.API_RATE_LIMIT = '100000';
    process.env.LOGIN_RATE_LIMIT = '100000';
    gateway = await startService(gatewayService, {
      databaseUrl: db.url,
      transport: new InProcessTransport(),
      port: await freePort(),
    });
    port = gateway.port;
  });
  beforeEach(() => (received = []));
  afterAll(async () => {
    await gateway?.stop();
    await new Promise((resolve) => service?.close(resolve));
    await db?.drop();
  });

  const tokenOf = async (username: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

  /** A raw HTTP request (fetch cannot send Expect): waits for 100 Continue when it asks for it. */
  const send = (path: string, headers: Record<string, string>, body: Buffer) =>
    new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { ...headers, 'content-length': body.length },
      });
      req.on('response', (res) => (res.resume(), res.on('end', () => resolve(res.statusCode ?? 0))));
      req.on('error', reject);
      if (headers.expect) req.on('continue', () => req.end(body));
      else req.end(body);
    });

  const upload = Buffer.alloc(1_200_000, 'a');

  describe.each([
    ['without Expect', {}],
    ['with Expect: 100-continue', { expect: '100-continue' }],
  ])('%s', (_, expect100: Record<string, string>) => {
    it('replaces a client’s x-otr-principal with the caller signed for the target service', async () => {
      const token = await tokenOf('approver.xihu');
      const status = await send(
        '/api/registration/applications/a1/materials',
        {
          ...expect100,
          authorization: `Bearer ${token}`,
          [PRINCIPAL_HEADER]: 'client-made-up',
          'content-type': 'application/octet-stream',
        },
        upload,
      );
      expect(status).toBe(200);
      expect(received).toHaveLength(1);
      const [{ headers, bytes }] = received;
      expect(bytes).toBe(upload.length);
      expect(headers.authorization).toBeUndefined();
      const principal = await verifyPrincipal(String(headers[PRINCIPAL_HEADER]), 'registration');
      expect(principal.userId).toBe('approver.xihu');
      await expect(verifyPrincipal(String(headers[PRINCIPAL_HEADER]), 'complaints')).rejects.toThrow();
    });

    it('passes no principal at all for an anonymous caller of a public route', async () => {
      const status = await send(
        '/api/complaints/public/complaints',
        { ...expect100, [PRINCIPAL_HEADER]: 'client-made-up', 'content-type': 'application/json' },
        Buffer.from('{}'),
      );
      expect(status).toBe(200);
      expect(received).toHaveLength(1);
      expect(received[0].headers[PRINCIPAL_HEADER]).toBeUndefined();
    });
  });
});
