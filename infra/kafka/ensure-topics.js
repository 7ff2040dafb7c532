// Waits until the broker describes its cluster, then creates the project's topics and their DLQs.
const { Kafka, logLevel } = require('kafkajs');
const topics = require('./topics.json');

async function main() {
  const broker = process.argv[2] ?? '127.0.0.1:9092';
  const admin = new Kafka({ clientId: 'otr-infra', brokers: [broker], logLevel: logLevel.NOTHING }).admin();
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await admin.connect();
      await admin.describeCluster();
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`kafka: cluster not ready: ${error.message}`);
      await admin.disconnect().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const existing = new Set(await admin.listTopics());
  const wanted = topics.flatMap((t) => [t, `${t}.dlq`]).filter((t) => !existing.has(t));
  if (wanted.length) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: wanted.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })),
    });
  }
  console.log(`kafka: ready on ${broker}${wanted.length ? `, created ${wanted.join(', ')}` : ''}`);
  await admin.disconnect();
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
