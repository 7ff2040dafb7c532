import { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { contracts } from '@otr/contracts';
import {
  ConsumerOptions,
  DeadLetters,
  InboxConsumer,
  Outbox,
  OutboxRelay,
  SqlClient,
  Transport,
} from '@otr/messaging';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Metrics } from './metrics';

/** What the event plumbing takes of a service's infrastructure (ServiceInfra). */
interface EventsInfra {
  name: string;
  pool: Pool;
  transport: Transport;
  log: Logger;
  metrics: Metrics;
}

export type ConsumerSpec<Tx extends SqlClient> = Pick<ConsumerOptions<Tx>, 'name' | 'topics' | 'handlers'>;

/**
 * A service's event plumbing: its outbox, the relay that publishes it, its inbox consumers,
 * started with the app and stopped before it shuts down, and the dead letters they refused.
 */
export class ServiceEvents<Tx extends SqlClient>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  readonly outbox: Outbox;
  readonly relay: OutboxRelay;
  readonly consumers: InboxConsumer<Tx>[];
  /** Listed and redriven over HTTP (DeadLettersController), counted for the metrics. */
  readonly deadLetters: DeadLetters;

  constructor(
    infra: EventsInfra,
    transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
    consumers: ConsumerSpec<Tx>[] = [],
  ) {
    this.outbox = new Outbox(infra.name, contracts);
    this.relay = new OutboxRelay({
      schema: infra.name,
      pool: infra.pool,
      transport: infra.transport,
      log: infra.log,
      pollMs: Number(process.env.OUTBOX_POLL_MS ?? 1000),
      metrics: infra.metrics.relay,
    });
    this.consumers = consumers.map(
      (c) =>
        new InboxConsumer<Tx>({
          ...c,
          // Tests that share one broker give each run its own groups.
          groupId: `${process.env.OTR_GROUP_PREFIX ?? ''}${c.name}`,
          schema: infra.name,
          registry: contracts,
          transport: infra.transport,
          transaction,
          log: infra.log,
          onDeadLettered: (consumer) => infra.metrics.deadLettered.inc({ consumer }),
          metrics: infra.metrics.consumers,
        }),
    );
    this.deadLetters = new DeadLetters({
      schema: infra.name,
      pool: infra.pool,
      // The registry a redrive finds the consumer that refused a letter in, by its stable name.
      consumers: new Map(consumers.map((c, i) => [c.name, this.consumers[i]])),
    });
    infra.metrics.watchDeadLetters(() => this.deadLetters.openByConsumer());
    infra.metrics.watchOutbox(() => this.relay.backlog());
    const { transport } = infra;
    if (transport.consumerLag && this.consumers.length > 0) {
      const groups = consumers.map((c) => ({
        group: `${process.env.OTR_GROUP_PREFIX ?? ''}${c.name}`,
        topics: c.topics,
      }));
      infra.metrics.watchLag(async () =>
        (
          await Promise.all(
            groups.map(async ({ group, topics }) =>
              (await transport.consumerLag!(group, topics)).map((l) => ({ ...l, group })),
            ),
          )
        ).flat(),
      );
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    // Consumers start in the background: a Kafka group join must not hold up the HTTP server.
    for (const c of this.consumers) void c.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.relay.stop();
  }
}
