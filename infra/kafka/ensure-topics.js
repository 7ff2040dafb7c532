// Waits (up to 60 s) until the broker describes its cluster, then creates the topics of
// topics.json and their `.dlq` twins if missing: 3 partitions, replication factor 1.
// Usage: node infra/kafka/ensure-topics.js [host:port]   (default 127.0.0.1:9092)
const { Kafka, logLevel } = require('kafkajs');
const topics = require('./topics.json');

const broker = process.argv[2] ?? process.env.KAFKA_BROKERS?.split(',')[0] ?? '127.0.0.1:9092';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const kafka = new Kafka({
    clientId: 'otr-infra',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    // This loop does the waiting; kafkajs' own retries would only slow each attempt down.
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await admin.connect();
      const { brokers, controller } = await admin.describeCluster();
      if (brokers.length > 0 && controller !== null && controller !== -1) break;
      throw new Error('no controller yet');
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`cluster at ${broker} not ready after 60 s: ${error.message}`);
      await admin.disconnect().catch(() => undefined);
      await sleep(250);
    }
  }
  const existing = new Set(await admin.listTopics());
  const missing = topics.flatMap((t) => [t, `${t}.dlq`]).filter((t) => !existing.has(t));
  if (missing.length) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })),
    });
    console.log(`kafka: created topics ${missing.join(', ')}`);
  } else {
    console.log(`kafka: all ${topics.length * 2} topics present`);
  }
  await admin.disconnect();
}

main().catch((error) => {
  console.error(`kafka: ${error.message}`);
  process.exit(1);
});
