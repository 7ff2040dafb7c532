import { Pool } from 'pg';
import { createTestDatabase, pgTransaction, TestDatabase } from '@otr/testing';
import { InboxConsumer } from './consumer';
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
    const rows = await pool.query(`SELECT key, topic, envelope->'payload'->>'n' AS n FROM directory.outbox ORDER BY seq`);
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
    const message = { topic: TOPIC, partition: 0, offset: '0', key: 'i-4', value: JSON.stringify(event), headers: {} };
    expect(await consumer.handle(message)).toBe('applied');
    expect(await consumer.handle({ ...message, offset: '1' })).toBe('duplicate');
    expect(await count(`SELECT count(*) FROM public.test_effect WHERE institution_id = 'i-4'`)).toBe(1);
  });

  it('given a handler that keeps failing, then the event goes to the dead-letter topic with its error and no effect', async () => {
    const transport = new InProcessTransport();
    const consumer = new InboxConsumer({
      name: 'test.failing',
      schema: 'directory',
      topics: [TOPIC],
      registry,
      transport,
      transaction: (fn) => pgTransaction(pool, fn),
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      handlers: {
        'test.Sequenced': async (_e, tx) => {
          await tx.$executeRawUnsafe(`INSERT INTO public.test_effect VALUES (gen_random_uuid(), 'i-5', 1)`);
          throw new Error('downstream unavailable');
        },
      },
    });
    const value = JSON.stringify(sequenced(TOPIC, 'i-5', 1));
    expect(await consumer.handle({ topic: TOPIC, partition: 0, offset: '0', key: 'i-5', value, headers: {} })).toBe(
      'dead-lettered',
    );
    const [dead] = transport.messages(`${TOPIC}.dlq`);
    expect(dead.headers['dlq-error']).toBe('Error: downstream unavailable');
    expect(dead.headers['dlq-attempts']).toBe('3');
    expect(await count(`SELECT count(*) FROM public.test_effect WHERE institution_id = 'i-5'`)).toBe(0);
    expect(await count(`SELECT count(*) FROM directory.inbox WHERE consumer = 'test.failing'`)).toBe(0);
  });
});
