import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase, eventually, pgTransaction, TestDatabase, testEnv } from '@otr/testing';
import { IncomingMessage } from './transport';
import { KafkaTransport } from './kafka-transport';
import { InboxConsumer } from './consumer';
import { Outbox } from './outbox';
import { OutboxRelay } from './relay';
import { EFFECTS_DDL, sequenced, testRegistry } from '../test/sequenced-event';

jest.setTimeout(120_000);

describe('messaging over the real Kafka broker', () => {
  let db: TestDatabase;
  let pool: Pool;
  let transport: KafkaTransport;
  let topic: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    await pool.query(EFFECTS_DDL);
    transport = new KafkaTransport({ brokers: testEnv.kafkaBrokers, clientId: 'otr-test' });
  });
  beforeEach(async () => {
    topic = `otr.test.${randomBytes(4).toString('hex')}`;
    const admin = transport.kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [topic, `${topic}.dlq`].map((t) => ({ topic: t, numPartitions: 3, replicationFactor: 1 })),
    });
    await admin.disconnect();
    await pool.query('TRUNCATE directory.outbox, directory.inbox, public.test_effect');
  });
  afterAll(async () => {
    await transport.close();
    await pool.end();
    await db.drop();
  });

  const collect = async (t: string, until: (seen: IncomingMessage[]) => boolean) => {
    const seen: IncomingMessage[] = [];
    const sub = await transport.subscribe(
      { groupId: `collector-${randomBytes(4).toString('hex')}`, topics: [t] },
      async (m) => {
        seen.push(m);
      },
    );
    await eventually(async () => (until(seen) ? true : undefined), 60_000, 100);
    await sub.stop();
    return seen;
  };

  it('relays 1,000 events in batches and keeps each institution’s order', async () => {
    const outbox = new Outbox('directory', testRegistry(topic));
    const institutions = Array.from({ length: 10 }, (_, i) => `inst-${i}`);
    // Ten commits of 100 events, interleaving institutions as real traffic would.
    for (let batch = 0; batch < 10; batch++) {
      await pgTransaction(pool, (tx) =>
        outbox.append(
          tx,
          Array.from({ length: 100 }, (_, i) => batch * 100 + i).map((n) =>
            sequenced(topic, institutions[n % 10], n),
          ),
        ),
      );
    }
    const relay = new OutboxRelay({ schema: 'directory', pool, transport, batchSize: 200 });
    await relay.start();
    const seen = await collect(topic, (s) => s.length >= 1000);
    await relay.stop();

    expect(seen).toHaveLength(1000);
    for (const inst of institutions) {
      const ns = seen.filter((m) => m.key === inst).map((m) => JSON.parse(m.value).payload.n as number);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
      expect(new Set(ns).size).toBe(100);
    }
    const unpublished = await pool.query('SELECT count(*) FROM directory.outbox WHERE published_at IS NULL');
    expect(Number(unpublished.rows[0].count)).toBe(0);
  });

  it('applies each event exactly once when a consumer is killed mid-batch and restarted', async () => {
    const events = Array.from({ length: 300 }, (_, n) => sequenced(topic, `inst-${n % 7}`, n));
    await transport.publish(
      topic,
      events.map((e) => ({ key: e.institutionId, value: JSON.stringify(e) })),
    );
    const group = `killed-${randomBytes(4).toString('hex')}`;
    const runConsumer = () =>
      spawn(
        process.execPath,
        ['-r', '@swc-node/register', join(__dirname, '..', 'test', 'consumer-process.ts')],
        {
          env: {
            ...process.env,
            DATABASE_URL: db.url,
            TOPIC: topic,
            GROUP: group,
            KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
          },
          stdio: 'ignore',
        },
      );
    const effects = async () =>
      Number((await pool.query('SELECT count(*) FROM public.test_effect')).rows[0].count);

    const first = runConsumer();
    await eventually(async () => ((await effects()) >= 60 ? true : undefined), 60_000, 20);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const applied = await effects();
    expect(applied).toBeLessThan(300);

    const second = runConsumer();
    try {
      await eventually(async () => ((await effects()) >= 300 ? true : undefined), 90_000, 100);
      await new Promise((r) => setTimeout(r, 1500)); // any redelivery would land by now
    } finally {
      second.kill('SIGKILL');
    }
    const rows = await pool.query(
      'SELECT count(*) AS total, count(DISTINCT event_id) AS distinct FROM public.test_effect',
    );
    expect(rows.rows[0]).toEqual({ total: '300', distinct: '300' });
  });

  it('sends an event that fails validation to the dead-letter topic with its error', async () => {
    const consumer = new InboxConsumer({
      name: `dlq-${randomBytes(4).toString('hex')}`,
      schema: 'directory',
      topics: [topic],
      registry: testRegistry(topic),
      transport,
      transaction: (fn) => pgTransaction(pool, fn),
      handlers: { 'test.Sequenced': async () => undefined },
    });
    await consumer.start();
    const bad = { ...sequenced(topic, 'inst-x', 1), payload: { n: 'one' } };
    await transport.publish(topic, [{ key: 'inst-x', value: JSON.stringify(bad) }]);
    const [dead] = await collect(`${topic}.dlq`, (s) => s.length >= 1);
    await consumer.stop();
    expect(dead.key).toBe('inst-x');
    expect(dead.headers['dlq-error']).toMatch(/ContractViolation: test.Sequenced: payload.n/);
    expect(JSON.parse(dead.value).id).toBe(bad.id);
  });
});
