import { DynamicModule, Module } from '@nestjs/common';
import type { Express, Request, Response } from 'express';
import { InProcessTransport, KafkaTransport } from '@otr/messaging';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { RunningService, ServiceDefinition, startService, trustProxySetting } from './service';

@Module({})
class EmptyModule {}

/** A service with no routes of its own but one that tells the address express believes. */
const probeService: ServiceDefinition = {
  name: 'probe',
  defaultPort: 0,
  module: (): DynamicModule => ({ module: EmptyModule }),
  configure: (app) => {
    (app.getHttpAdapter().getInstance() as Express).get('/whoami', (req: Request, res: Response) =>
      res.json({ ip: req.ip }),
    );
  },
};

/** The broker is away: every ping fails, as KafkaTransport's does while the broker is down. */
class BrokerDown extends InProcessTransport {
  override async ping(): Promise<void> {
    throw new Error('broker unreachable');
  }
}

describe('health: readiness is what a service needs to answer requests', () => {
  let db: TestDatabase;
  const running: RunningService[] = [];
  const start = async (databaseUrl: string, transport: InProcessTransport | KafkaTransport = new BrokerDown()) => {
    const s = await startService(probeService, { databaseUrl, transport, port: await freePort() });
    running.push(s);
    return `http://127.0.0.1:${s.port}`;
  };

  beforeAll(async () => {
    db = await createTestDatabase('otr_health');
  });
  afterAll(async () => {
    for (const s of running) await s.stop();
    await db.drop();
    delete process.env.TRUST_PROXY;
  });

  it('stays ready while the broker is down, and says so in the body and the otr_broker_up metric', async () => {
    const url = await start(db.url);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'up', broker: 'down' } });
    expect(await (await fetch(`${url}/metrics`)).text()).toMatch(/^otr_broker_up\{service="probe"\} 0$/m);
  });

  it('stays ready with the real Kafka client and no broker listening', async () => {
    const transport = new KafkaTransport({ brokers: [`127.0.0.1:${await freePort()}`], clientId: 'health-test' });
    try {
      const url = await start(db.url, transport);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ checks: { database: 'up', broker: 'down' } });
    } finally {
      await running.pop()!.stop();
      await transport.close();
    }
  });

  it('reports the broker up in the metric when it answers', async () => {
    const url = await start(db.url, new InProcessTransport());
    expect(await (await fetch(`${url}/metrics`)).text()).toMatch(/^otr_broker_up\{service="probe"\} 1$/m);
  });

  it('leaves rotation when its database is unreachable, and stays live', async () => {
    const url = await start(`postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not-ready', checks: { database: 'down' } });
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });

  it('believes X-Forwarded-For only through the hops TRUST_PROXY names', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' };
    delete process.env.TRUST_PROXY;
    const direct = await start(db.url);
    expect(await (await fetch(`${direct}/whoami`, { headers: forwarded })).json()).toEqual({ ip: '127.0.0.1' });
    // One hop (the ingress): the address it appended is the client's; what the client wrote is not.
    process.env.TRUST_PROXY = '1';
    const behindIngress = await start(db.url);
    expect(await (await fetch(`${behindIngress}/whoami`, { headers: forwarded })).json()).toEqual({
      ip: '198.51.100.7',
    });
  });

  it('reads TRUST_PROXY as a hop count or addresses, and refuses to trust every hop', () => {
    expect(trustProxySetting(undefined)).toBeUndefined();
    expect(trustProxySetting(' ')).toBeUndefined();
    expect(trustProxySetting('2')).toBe(2);
    expect(trustProxySetting('10.0.0.0/8')).toBe('10.0.0.0/8');
    expect(() => trustProxySetting('true')).toThrow(/hop count/);
  });
});
