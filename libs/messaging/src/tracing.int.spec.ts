import { Pool } from 'pg';
import { context, trace } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';
import { createTestDatabase, pgTransaction, TestDatabase } from '@otr/testing';
import { InboxConsumer, Outcome } from './consumer';
import { InProcessTransport } from './in-process-transport';
import { Outbox } from './outbox';
import { OutboxRelay } from './relay';
import { EFFECTS_DDL, sequenced, testRegistry } from '../test/sequenced-event';

const TOPIC = 'otr.test.tracing';
const registry = testRegistry(TOPIC);

describe('a trace across an event (outbox, relay, broker headers, consumer)', () => {
  let db: TestDatabase;
  let pool: Pool;
  const exporter = new tracing.InMemorySpanExporter();
  // What the SDK does in a service with an OTLP endpoint; here the spans stay in memory.
  const provider = new node.NodeTracerProvider({
    spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
  });

  beforeAll(async () => {
    provider.register();
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    await pool.query(EFFECTS_DDL);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
    await provider.shutdown();
    trace.disable();
    context.disable();
  });

  it('given an event written under a span, when consumed, then the consumer span continues that trace', async () => {
    const transport = new InProcessTransport();
    const outcomes: Outcome[] = [];
    const consumer = new InboxConsumer({
      name: 'test.traced',
      schema: 'directory',
      topics: [TOPIC],
      registry,
      transport,
      transaction: (fn) => pgTransaction(pool, fn),
      handlers: { 'test.Sequenced': async () => undefined },
      metrics: { outcome: (_c, _t, outcome) => outcomes.push(outcome), retried: () => undefined },
    });
    await consumer.start();
    const published: string[][] = [];
    const relay = new OutboxRelay({
      schema: 'directory',
      pool,
      transport,
      metrics: { published: (types) => published.push(types), failed: () => undefined },
    });

    // The command: its span (an HTTP request's, in a service) is active while the outbox is written.
    const command = trace.getTracer('test').startSpan('POST /things');
    await context.with(trace.setSpan(context.active(), command), () =>
      pgTransaction(pool, (tx) => new Outbox('directory', registry).append(tx, [sequenced(TOPIC, 'i-1', 1)])),
    );
    command.end();
    // The relay publishes later, outside the request: the trace context came with the outbox row.
    expect(await relay.publishBatch()).toBe(1);

    const [message] = transport.messages(TOPIC);
    const traceId = command.spanContext().traceId;
    expect(message.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    // The published value is the contract alone.
    expect(JSON.parse(message.value)).not.toHaveProperty('otelTraceContext');
    const spans = exporter.getFinishedSpans();
    const publish = spans.find((s) => s.name === `${TOPIC} publish`)!;
    const processed = spans.find((s) => s.name === `${TOPIC} process`)!;
    expect(publish.spanContext().traceId).toBe(traceId);
    expect(processed.spanContext().traceId).toBe(traceId);
    expect(processed.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
    expect(processed.attributes['otr.outcome']).toBe('applied');
    expect(outcomes).toEqual(['applied']);
    expect(published).toEqual([['test.Sequenced']]);
    await consumer.stop();
  });
});
