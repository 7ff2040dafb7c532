import { Admin, Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import { Log, silentLog } from './logger';
import {
  MessageHandler,
  OutgoingMessage,
  PartitionLag,
  SubscribeOptions,
  Subscription,
  Transport,
} from './transport';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  log?: Log;
}

const toLevel = (level: logLevel) =>
  level <= logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : 'debug';

/**
 * Group membership timing. A member that vanishes (SIGKILL, a lost host) holds its partitions until
 * the broker's session timeout: at 30 s, consumers sat idle 24–46 s after a service was killed.
 * 10 s with a heartbeat every second hands them on within ~10 s; a handler waiting out a database
 * outage keeps its place by heartbeating between retries (consumer.ts), so a long wait does not
 * cost its membership either. The rebalance timeout bounds how long a rebalance waits for members.
 */
const MEMBERSHIP = { sessionTimeout: 10_000, heartbeatInterval: 1_000, rebalanceTimeout: 20_000 };

/** Kafka through kafkajs, kept behind the Transport port so the client can change later. */
export class KafkaTransport implements Transport {
  readonly kafka: Kafka;
  private producer: Producer | null = null;
  private connecting: Promise<Producer> | null = null;
  private readonly consumers = new Set<Consumer>();
  /** Kept between scrapes for consumerLag; dropped after a failure so the next one reconnects. */
  private admin: Admin | null = null;
  private readonly log: Log;

  constructor(opts: KafkaTransportOptions) {
    this.log = opts.log ?? silentLog;
    this.kafka = new Kafka({
      clientId: opts.clientId,
      brokers: opts.brokers,
      logLevel: logLevel.WARN,
      retry: { initialRetryTime: 200, retries: 5 },
      logCreator: () => (entry) =>
        this.log[toLevel(entry.level)]({ kafka: entry.namespace, ...entry.log }, entry.log.message),
    });
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    const producer = await this.connectedProducer();
    try {
      await producer.send({ topic, acks: -1, messages });
    } catch (error) {
      // Start from a fresh connection next time (the broker may have restarted).
      this.connecting = null;
      this.producer = null;
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<Subscription> {
    const consumer = this.kafka.consumer({ groupId: options.groupId, ...MEMBERSHIP });
    this.consumers.add(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
    await consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        commitOffsetsIfNecessary,
        isRunning,
        isStale,
      }) => {
        for (const m of batch.messages) {
          if (!isRunning() || isStale()) break;
          await handler(
            {
              topic: batch.topic,
              partition: batch.partition,
              offset: m.offset,
              key: m.key?.toString() ?? null,
              value: m.value?.toString() ?? '',
              headers: Object.fromEntries(
                Object.entries(m.headers ?? {}).map(([k, v]) => [k, String(v ?? '')]),
              ),
            },
            { heartbeat, isRunning: () => isRunning() && !isStale() },
          );
          resolveOffset(m.offset);
          await heartbeat();
        }
        await commitOffsetsIfNecessary();
      },
    });
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async ping(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * The group's committed offsets against each partition's end, read from the broker at a scrape:
   * a consumer stuck on one event (retrying through an outage) still shows its lag growing.
   */
  async consumerLag(groupId: string, topics: string[]): Promise<PartitionLag[]> {
    this.admin ??= this.kafka.admin();
    const admin = this.admin;
    try {
      await admin.connect();
      const [committed, ends] = await Promise.all([
        admin.fetchOffsets({ groupId, topics }),
        Promise.all(
          topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) })),
        ),
      ]);
      return ends.flatMap(({ topic, partitions }) =>
        partitions.map(({ partition, high, low }) => {
          const offset = committed
            .find((t) => t.topic === topic)
            ?.partitions.find((p) => p.partition === partition)?.offset;
          // No commit yet (-1): the group starts from the beginning, so all that is kept is behind.
          const done = offset === undefined || Number(offset) < 0 ? Number(low) : Number(offset);
          return { topic, partition, lag: Math.max(0, Number(high) - done) };
        }),
      );
    } catch (error) {
      this.admin = null;
      await admin.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = null;
    await Promise.all([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await this.producer?.disconnect();
    this.producer = null;
    this.connecting = null;
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.connecting) {
      // Idempotent producer: retries after a lost ack cannot duplicate or reorder within a partition.
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      });
      this.connecting = producer.connect().then(
        () => (this.producer = producer),
        (error) => {
          this.connecting = null;
          throw error;
        },
      );
    }
    return this.connecting;
  }
}
