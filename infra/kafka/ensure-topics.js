// Waits (up to 60 s) until the broker describes its cluster, then creates the topics of
// topics.json and their `.dlq` twins if missing, and sets the configuration the project owns on
// every one of them, existing ones included (re-running it is how an older cluster is brought up to date).
// Usage: node infra/kafka/ensure-topics.js [host:port]   (default: KAFKA_BROKERS, else 127.0.0.1:9092)
//   KAFKA_TOPIC_PARTITIONS (3)  partitions of a new topic: the most consumer pods a group can use
//   KAFKA_REPLICATION_FACTOR (1) copies of each partition: 3 on a production cluster of 3+ brokers
//   KAFKA_MIN_INSYNC_REPLICAS   (replication factor - 1, at least 1) with acks=all, writes need this many copies
//
// Retention: forever (retention.ms = -1, retention.bytes = -1). The topics are the directory's
// durable source: its rebuild replays them from offset zero, so a topic that forgot events after
// the broker's default 7 days would rebuild a directory missing every institution licensed earlier
// (docs/architecture.md, Event retention). Dead letters are kept forever too, until replayed.
const { Kafka, logLevel, ConfigResourceTypes } = require('kafkajs');
const topics = require('./topics.json');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The configuration every project topic carries, as the broker reports it. */
function topicConfig(replicationFactor) {
  return {
    'retention.ms': '-1',
    'retention.bytes': '-1',
    'cleanup.policy': 'delete',
    'min.insync.replicas': String(
      Number(process.env.KAFKA_MIN_INSYNC_REPLICAS ?? Math.max(1, replicationFactor - 1)),
    ),
  };
}

function settings(env = process.env) {
  return {
    partitions: Number(env.KAFKA_TOPIC_PARTITIONS ?? 3),
    replicationFactor: Number(env.KAFKA_REPLICATION_FACTOR ?? 1),
  };
}

/** Every topic the project owns: the integration topics and their dead-letter twins. */
const projectTopics = () => topics.flatMap((t) => [t, `${t}.dlq`]);

async function waitForCluster(admin, broker) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await admin.connect();
      const { brokers, controller } = await admin.describeCluster();
      if (brokers.length > 0 && controller !== null && controller !== -1) return;
      throw new Error('no controller yet');
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`cluster at ${broker} not ready after 60 s: ${error.message}`);
      await admin.disconnect().catch(() => undefined);
      await sleep(250);
    }
  }
}

/** Creates what is missing and sets the project's configuration where it differs; returns what it did. */
async function ensureTopics(broker, { partitions, replicationFactor } = settings()) {
  const kafka = new Kafka({
    clientId: 'otr-infra',
    brokers: broker.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    // waitForCluster does the waiting; kafkajs' own retries would only slow each attempt down.
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  await waitForCluster(admin, broker);
  try {
    const wanted = topicConfig(replicationFactor);
    const existing = new Set(await admin.listTopics());
    const missing = projectTopics().filter((t) => !existing.has(t));
    if (missing.length) {
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: partitions,
            replicationFactor,
            configEntries: Object.entries(wanted).map(([name, value]) => ({ name, value })),
          })),
        });
      } catch (error) {
        // Two pods creating at once: the other one's topics are as good as ours (configs set below).
        if (!/already exists/i.test(String(error.message) + JSON.stringify(error.errors ?? ''))) throw error;
      }
    }
    // Topics created earlier (by an older version, or by hand) are brought to the same config.
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: projectTopics().map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: Object.keys(wanted),
      })),
    });
    const stale = described.resources
      .filter((r) => r.configEntries.some((e) => wanted[e.configName] !== e.configValue))
      .map((r) => r.resourceName);
    if (stale.length) {
      // AlterConfigs replaces a topic's whole configuration: these entries are all the project sets.
      await admin.alterConfigs({
        validateOnly: false,
        resources: stale.map((name) => ({
          type: ConfigResourceTypes.TOPIC,
          name,
          configEntries: Object.entries(wanted).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    return { created: missing, reconfigured: stale.filter((t) => !missing.includes(t)) };
  } finally {
    await admin.disconnect();
  }
}

module.exports = { ensureTopics, projectTopics, topicConfig };

if (require.main === module) {
  const broker = process.argv[2] ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
  ensureTopics(broker).then(
    ({ created, reconfigured }) => {
      if (created.length) console.log(`kafka: created topics ${created.join(', ')}`);
      if (reconfigured.length) console.log(`kafka: set retention and replicas config on ${reconfigured.join(', ')}`);
      if (!created.length && !reconfigured.length) console.log(`kafka: all ${projectTopics().length} topics present`);
    },
    (error) => {
      console.error(`kafka: ${error.message}`);
      process.exit(1);
    },
  );
}
