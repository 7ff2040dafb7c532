// Relay throughput: how fast the outbox relay moves committed events to Kafka.
//   npm run bench:relay            (EVENTS=20000 BATCH=500 by default)
// Needs PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432) and a broker (npm run kafka:start).
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { InProcessTransport, KafkaTransport, Outbox, OutboxRelay, Transport } from '@otr/messaging';
import { createTestDatabase, pgTransaction, testEnv } from '@otr/testing';
import { sequenced, testRegistry } from '../libs/messaging/test/sequenced-event';

const EVENTS = Number(process.env.EVENTS ?? 20_000);
const BATCH = Number(process.env.BATCH ?? 500);

async function fill(pool: Pool, topic: string) {
  const outbox = new Outbox('directory', testRegistry(topic));
  for (let i = 0; i < EVENTS; i += 1000) {
    await pgTransaction(pool, (tx) =>
      outbox.append(
        tx,
        Array.from({ length: Math.min(1000, EVENTS - i) }, (_, k) =>
          sequenced(topic, `inst-${(i + k) % 97}`, i + k),
        ),
      ),
    );
  }
}

async function measure(name: string, pool: Pool, transport: Transport, topic: string) {
  await pool.query('TRUNCATE directory.outbox');
  await fill(pool, topic);
  const relay = new OutboxRelay({ schema: 'directory', pool, transport, batchSize: BATCH });
  const started = process.hrtime.bigint();
  let sent = 0;
  while (sent < EVENTS) sent += await relay.publishBatch();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `${name.padEnd(28)} ${String(EVENTS).padStart(7)} events  ${seconds.toFixed(2).padStart(6)} s  ${Math.round(
      EVENTS / seconds,
    )
      .toString()
      .padStart(7)} events/s`,
  );
}

async function main() {
  const db = await createTestDatabase('otr_bench');
  const pool = new Pool({ connectionString: db.url });
  const topic = `otr.bench.${randomBytes(3).toString('hex')}`;
  const kafka = new KafkaTransport({ brokers: testEnv.kafkaBrokers, clientId: 'otr-bench' });
  const admin = kafka.kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
  });
  console.log(
    `relay throughput, batch ${BATCH}, PostgreSQL ${new URL(testEnv.adminDatabaseUrl).host}, Kafka ${testEnv.kafkaBrokers}`,
  );
  try {
    await measure('outbox → Kafka (acks=all)', pool, kafka, topic);
    await measure('outbox → in-process', pool, new InProcessTransport(), topic);
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await kafka.close();
    await pool.end();
    await db.drop();
  }
}

void main();
