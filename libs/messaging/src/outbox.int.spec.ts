import { Pool } from 'pg';
import { createTestDatabase, pgTransaction, TestDatabase } from '@otr/testing';
import { DomainError } from '@otr/kernel';
import { InboxConsumer } from './consumer';
import { OutboxRelay } from './relay';
import { SqlClient } from './sql';
import { OutgoingMessage, Transport } from './transport';
import { InProcessTransport } from './in-process-transport';
import { Outbox } from './outbox';
import { EFFECTS_DDL, sequenced, testRegistry } from '../test/sequenced-event';

const TOPIC = 'otr.test.outbox';
const registry = testRegistry(TOPIC);

describe('outbox and inbox on the real PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    await pool.query(EFFECTS_DDL);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  const count = async (sql: string) => Number((await pool.query(sql)).rows[0].count);

  it('given a command whose handler throws, then neither its state nor its events are written', async () => {
    const outbox = new Outbox('directory', registry);
    await expect(
      pgTransaction(pool, async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO public.test_effect VALUES (gen_random_uuid(), 'i-1', 1)`);
        await outbox.append(tx, [sequenced(TOPIC, 'i-1', 1)]);
        throw new Error('handler failed after writing');
      }),
    ).rejects.toThrow('handler failed');
    expect(await count(`SELECT count(*) FROM public.test_effect`)).toBe(0);
    expect(await count(`SELECT count(*) FROM directory.outbox`)).toBe(0);
  });

  it('given a committed command, then its state and its events are written together', async () => {
    const outbox = new Outbox('directory', registry);
    await pgTransaction(pool, async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO public.test_effect VALUES (gen_random_uuid(), 'i-2', 1)`);
      await outbox.append(tx, [sequenced(TOPIC, 'i-2', 1), sequenced(TOPIC, 'i-2', 2)]);
    });
    const rows = await pool.query(
      `SELECT key, topic, envelope->'payload'->>'n' AS n FROM directory.outbox ORDER BY seq`,
    );
    expect(rows.rows).toEqual([
      { key: 'i-2', topic: TOPIC, n: '1' },
      { key: 'i-2', topic: TOPIC, n: '2' },
    ]);
    await pool.query(`TRUNCATE public.test_effect, directory.outbox`);
  });

  it('refuses an event that breaks its contract before anything is written', async () => {
    const outbox = new Outbox('directory', registry);
    const bad = { ...sequenced(TOPIC, 'i-3', 1), payload: { n: -1 } };
    await expect(pgTransaction(pool, (tx) => outbox.append(tx, [bad]))).rejects.toThrow(/payload.n/);
  });

  it('given the same event delivered twice, when consumed, then it has one effect', async () => {
    const transport = new InProcessTransport();
    const consumer = new InboxConsumer({
      name: 'test.effects',
      schema: 'directory',
      topics: [TOPIC],
      registry,
      transport,
      transaction: (fn) => pgTransaction(pool, fn),
      handlers: {
        'test.Sequenced': async (e, tx) => {
          await tx.$executeRawUnsafe(
            `INSERT INTO public.test_effect VALUES ($1::uuid, $2, $3)`,
            e.id,
            e.institutionId,
            (e.payload as { n: number }).n,
          );
        },
      },
    });
    const event = sequenced(TOPIC, 'i-4', 7);
    const message = {
      topic: TOPIC,
      partition: 0,
      offset: '0',
      key: 'i-4',
      value: JSON.stringify(event),
      headers: {},
    };
    expect(await consumer.handle(message)).toBe('applied');
    expect(await consumer.handle({ ...message, offset: '1' })).toBe('duplicate');
    expect(await count(`SELECT count(*) FROM public.test_effect WHERE institution_id = 'i-4'`)).toBe(1);
  });

  /** A consumer of test.Sequenced whose handler writes an effect, then does what `then` says. */
  const consumerThat = (name: string, then: (attempt: number, tx: SqlClient) => Promise<void>) => {
    const transport = new InProcessTransport();
    let attempt = 0;
    const consumer = new InboxConsumer({
      name,
      schema: 'directory',
      topics: [TOPIC],
      registry,
      transport,
      transaction: (fn) => pgTransaction(pool, fn),
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      handlers: {
        'test.Sequenced': async (e, tx) => {
          await then(++attempt, tx);
          await tx.$executeRawUnsafe(
            `INSERT INTO public.test_effect VALUES ($1::uuid, $2, 1)`,
            e.id,
            e.institutionId,
          );
        },
      },
    });
    return { transport, consumer, attempts: () => attempt };
  };
  const delivery = (institutionId: string) => ({
    topic: TOPIC,
    partition: 0,
    offset: '0',
    key: institutionId,
    value: JSON.stringify(sequenced(TOPIC, institutionId, 1)),
    headers: {},
  });

  it('given a handler a domain rule refuses, then after a few tries the event goes to the dead-letter topic with its error and no effect', async () => {
    const { transport, consumer } = consumerThat('test.refusing', async () => {
      throw new NotOurs();
    });
    expect(await consumer.handle(delivery('i-5'))).toBe('dead-lettered');
    const [dead] = transport.messages(`${TOPIC}.dlq`);
    expect(dead.headers['dlq-error']).toBe('NotOurs: this institution is not in our register');
    expect(dead.headers['dlq-attempts']).toBe('3');
    expect(await count(`SELECT count(*) FROM public.test_effect WHERE institution_id = 'i-5'`)).toBe(0);
    expect(await count(`SELECT count(*) FROM directory.inbox WHERE consumer = 'test.refusing'`)).toBe(0);
    // Recorded for an operator; the same refusal delivered again is not recorded twice.
    expect(await consumer.handle(delivery('i-5'))).toBe('dead-lettered');
    const recorded = await pool.query(
      `SELECT event_type, error, attempts, "offset" FROM directory.dead_letter WHERE consumer = 'test.refusing'`,
    );
    expect(recorded.rows).toEqual([
      {
        event_type: 'test.Sequenced',
        error: 'NotOurs: this institution is not in our register',
        attempts: 3,
        offset: '0',
      },
    ]);
  });

  it('given the database read-only for longer than the tries a refusal gets, then the valid event waits and is applied once — never dead-lettered', async () => {
    // The real error PostgreSQL gives a write in a read-only transaction (SQLSTATE 25006), six times.
    const { transport, consumer, attempts } = consumerThat('test.read-only', async (attempt, tx) => {
      if (attempt <= 6) {
        await tx.$executeRawUnsafe(`SET TRANSACTION READ ONLY`);
        await tx.$executeRawUnsafe(`INSERT INTO public.test_effect VALUES (gen_random_uuid(), 'never', 0)`);
      }
    });
    expect(await consumer.handle(delivery('i-6'))).toBe('applied');
    expect(attempts()).toBe(7);
    expect(transport.messages(`${TOPIC}.dlq`)).toEqual([]);
    expect(await count(`SELECT count(*) FROM public.test_effect WHERE institution_id = 'i-6'`)).toBe(1);
    expect(await count(`SELECT count(*) FROM public.test_effect WHERE institution_id = 'never'`)).toBe(0);
  });

  it('given the partition taken away while an event waits, then the consumer gives up without dead-lettering, leaving it for the next holder', async () => {
    const { transport, consumer } = consumerThat('test.preempted', async () => {
      throw new Error('connection terminated unexpectedly');
    });
    let turns = 0;
    const control = { heartbeat: async () => undefined, isRunning: () => ++turns < 3 };
    await expect(consumer.handle(delivery('i-7'), control)).rejects.toThrow('connection terminated');
    expect(transport.messages(`${TOPIC}.dlq`)).toEqual([]);
    expect(await count(`SELECT count(*) FROM public.test_effect WHERE institution_id = 'i-7'`)).toBe(0);
  });
});

describe('the outbox relay when the database drops its connection', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('given the connection killed between publish and mark, then the process lives, the batch is re-sent and marked, and the consumer applies it once', async () => {
    await pgTransaction(pool, (tx) =>
      new Outbox('directory', registry).append(tx, [sequenced(TOPIC, 'i-8', 1)]),
    );
    const inner = new InProcessTransport();
    let killed = 0;
    // The broker acknowledges, then the relay's connection (the one holding its advisory lock) dies.
    const transport: Transport = Object.assign(Object.create(inner) as Transport, {
      publish: async (topic: string, messages: OutgoingMessage[]) => {
        await inner.publish(topic, messages);
        if (killed++ === 0)
          await pool.query(
            // This test's database only: other test files' relays hold advisory locks in theirs.
            `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          );
      },
    });
    const relay = new OutboxRelay({ schema: 'directory', pool, transport, pollMs: 20 });
    await expect(relay.publishBatch()).rejects.toThrow();
    expect(await relay.publishBatch()).toBe(1);
    const sent = inner.messages(TOPIC).map((m) => (JSON.parse(m.value) as { id: string }).id);
    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(1);
    expect(
      Number(
        (await pool.query(`SELECT count(*) FROM directory.outbox WHERE published_at IS NULL`)).rows[0].count,
      ),
    ).toBe(0);
  });

  it('holds no transaction open while the broker is called', async () => {
    await pgTransaction(pool, (tx) =>
      new Outbox('directory', registry).append(tx, [sequenced(TOPIC, 'i-9', 1)]),
    );
    const seen: string[] = [];
    const transport: Transport = Object.assign(Object.create(new InProcessTransport()) as Transport, {
      publish: async () => {
        const { rows } = await pool.query<{ state: string }>(
          `SELECT state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS NOT NULL`,
        );
        seen.push(...rows.map((r) => r.state));
      },
    });
    expect(await new OutboxRelay({ schema: 'directory', pool, transport }).publishBatch()).toBe(1);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((state) => state.startsWith('idle in transaction'))).toEqual([]);
  });
});

class NotOurs extends DomainError {
  readonly code = 'test.NotOurs';
  constructor() {
    super('this institution is not in our register');
  }
}
