// A consumer in its own process, so a test can kill it with SIGKILL mid-batch (kafka.int.spec.ts).
import { Pool } from 'pg';
import { pgTransaction } from '@otr/testing';
import { InboxConsumer, KafkaTransport } from '../src';
import { testRegistry } from './sequenced-event';

const { DATABASE_URL, TOPIC, GROUP, KAFKA_BROKERS } = process.env as Record<string, string>;
const pool = new Pool({ connectionString: DATABASE_URL });
const transport = new KafkaTransport({ brokers: KAFKA_BROKERS.split(','), clientId: 'otr-test-consumer' });

void new InboxConsumer({
  name: GROUP,
  schema: 'directory',
  topics: [TOPIC],
  registry: testRegistry(TOPIC),
  transport,
  transaction: (fn) => pgTransaction(pool, fn),
  handlers: {
    'test.Sequenced': async (e, tx) => {
      await tx.$executeRawUnsafe(
        'INSERT INTO public.test_effect VALUES ($1::uuid, $2, $3)',
        e.id,
        e.institutionId,
        (e.payload as { n: number }).n,
      );
      await new Promise((r) => setTimeout(r, 5)); // slow enough to be killed mid-batch
    },
  },
}).start();
