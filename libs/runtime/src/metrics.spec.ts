import express from 'express';
import type { AddressInfo } from 'node:net';
import { createMetrics, ROUTE_TEMPLATE_HEADER } from './metrics';

const value = async (m: ReturnType<typeof createMetrics>, line: RegExp) =>
  Number((await m.registry.metrics()).match(line)?.[1]);

describe('the service metrics', () => {
  it('counts what the relay publishes, with the business counter its event stands for', async () => {
    const m = createMetrics('registration');
    m.relay.published(['registration.ApplicationSubmitted', 'registration.ApplicationSubmitted']);
    m.relay.published(['registration.ApplicationApproved']);
    m.relay.failed();
    expect(
      await value(
        m,
        /^otr_events_total\{direction="out",type="registration.ApplicationSubmitted",outcome="published",consumer="",service="registration"\} (\d+)$/m,
      ),
    ).toBe(2);
    expect(
      await value(m, /^otr_applications_total\{outcome="submitted",service="registration"\} (\d+)$/m),
    ).toBe(2);
    expect(
      await value(m, /^otr_applications_total\{outcome="approved",service="registration"\} (\d+)$/m),
    ).toBe(1);
    expect(await value(m, /^otr_relay_errors_total\{service="registration"\} (\d+)$/m)).toBe(1);
  });

  it('counts consumer outcomes and retries', async () => {
    const m = createMetrics('directory');
    m.consumers.outcome('directory.projection', 'registration.LicenseIssued', 'applied');
    m.consumers.outcome('directory.projection', 'registration.LicenseIssued', 'duplicate');
    m.consumers.retried('directory.projection', 'registration.LicenseIssued', 'passing');
    const text = await m.registry.metrics();
    expect(text).toMatch(
      /^otr_events_total\{direction="in",type="registration.LicenseIssued",outcome="duplicate",consumer="directory.projection",service="directory"\} 1$/m,
    );
    expect(text).toMatch(
      /^otr_consumer_retries_total\{consumer="directory.projection",failure="passing",service="directory"\} 1$/m,
    );
  });

  it('reads the outbox backlog and the consumer lag at each scrape, and leaves them out when the read fails', async () => {
    const m = createMetrics('inspection');
    let backlog = Promise.resolve({ rows: 3, oldestSeconds: 42.5 });
    m.watchOutbox(() => backlog);
    m.watchLag(async () => [{ group: 'g', topic: 't', partition: 0, lag: 7 }]);
    expect(await value(m, /^otr_outbox_unpublished\{service="inspection"\} (\d+)$/m)).toBe(3);
    expect(await value(m, /^otr_outbox_oldest_unpublished_seconds\{service="inspection"\} ([\d.]+)$/m)).toBe(
      42.5,
    );
    expect(
      await value(m, /^otr_consumer_lag\{group="g",topic="t",partition="0",service="inspection"\} (\d+)$/m),
    ).toBe(7);
    backlog = Promise.reject(new Error('database away'));
    backlog.catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    expect(await m.registry.metrics()).toMatch(/^otr_outbox_unpublished\{service="inspection"\} Nan$/m);
  });

  it('tells the caller the route template it matched', async () => {
    const m = createMetrics('registration');
    const app = express();
    app.use(m.middleware);
    app.get('/applications/:id', (_req, res) => void res.json({}));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/applications/abc`);
      expect(res.headers.get(ROUTE_TEMPLATE_HEADER)).toBe('/applications/:id');
      expect(await m.registry.metrics()).toMatch(/route="\/applications\/:id",status="200"/);
    } finally {
      server.close();
    }
  });
});
