import type { Pool } from 'pg';
import { contracts } from '@otr/contracts';
import { InboxConsumer, KafkaTransport, Log, Outcome, Subscription } from '@otr/messaging';
import { createDirectoryPrisma, DirectoryTx } from './directory-prisma';
import { directoryConsumers, READ_MODEL_TABLES } from './directory-projections';

export interface RebuildOptions {
  pool: Pool;
  transport: KafkaTransport;
  /** Fresh consumer groups, so the live service's positions are left alone. */
  groupPrefix: string;
  log: Log;
  /** Called as events are applied: how many of the events present when the rebuild began. */
  onProgress?: (done: number, total: number) => void;
}

export interface RebuildReport {
  /** Events replayed, per consumer and outcome. */
  outcomes: Record<string, Partial<Record<Outcome, number>>>;
  total: number;
  seconds: number;
}

/**
 * Rebuilds the read model from the topics alone (ARCHITECTURE.md: the directory is a pure read
 * model): empties every read-model table and the inbox, then replays each consumer's topics from
 * offset zero in fresh groups, until every partition reaches the end it had when the rebuild began.
 * A live directory may keep running: both record the same inbox, and every projection is
 * order-safe, so whichever applies an event first wins and the other sees a duplicate.
 */
export async function rebuildReadModel(opts: RebuildOptions): Promise<RebuildReport> {
  const started = Date.now();
  const prisma = createDirectoryPrisma(opts.pool);
  const specs = directoryConsumers();
  const admin = opts.transport.kafka.admin();
  await admin.connect();
  try {
    // Where each partition ends now: the rebuild is done when every consumer has reached it.
    const ends = new Map<string, number>();
    let total = 0;
    for (const topic of new Set(specs.flatMap((s) => s.topics))) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        ends.set(`${topic}/${p.partition}`, Number(p.high));
        total += specs.filter((s) => s.topics.includes(topic)).length * (Number(p.high) - Number(p.low));
      }
    }
    await prisma.$executeRawUnsafe(
      `TRUNCATE ${READ_MODEL_TABLES.map((t) => `directory.${t}`).join(', ')} RESTART IDENTITY`,
    );
    opts.log.info({ total, tables: READ_MODEL_TABLES }, 'read model emptied; replaying from offset zero');

    let done = 0;
    const outcomes: RebuildReport['outcomes'] = {};
    const subscriptions: Subscription[] = [];
    const pending = new Map<string, Set<string>>();
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const settle = (consumer: string, partition: string) => {
      pending.get(consumer)!.delete(partition);
      if ([...pending.values()].every((p) => p.size === 0)) finish();
    };
    for (const spec of specs) {
      const waiting = new Set(
        spec.topics.flatMap((t) =>
          [...ends].filter(([k, end]) => k.startsWith(`${t}/`) && end > 0).map(([k]) => k),
        ),
      );
      pending.set(spec.name, waiting);
      outcomes[spec.name] = {};
    }
    if ([...pending.values()].every((p) => p.size === 0)) finish();
    for (const spec of specs) {
      const consumer = new InboxConsumer<DirectoryTx>({
        ...spec,
        schema: 'directory',
        registry: contracts,
        transport: opts.transport,
        transaction: (fn) => prisma.$transaction(fn),
        log: opts.log,
      });
      subscriptions.push(
        await opts.transport.subscribe(
          { groupId: `${opts.groupPrefix}${spec.name}`, topics: spec.topics, fromBeginning: true },
          async (m, control) => {
            const outcome = await consumer.handle(m, control);
            const counts = outcomes[spec.name];
            counts[outcome] = (counts[outcome] ?? 0) + 1;
            const key = `${m.topic}/${m.partition}`;
            if (Number(m.offset) < (ends.get(key) ?? 0)) opts.onProgress?.(++done, total);
            if (Number(m.offset) + 1 >= (ends.get(key) ?? 0)) settle(spec.name, key);
          },
        ),
      );
    }
    await finished;
    await Promise.all(subscriptions.map((s) => s.stop()));
    await admin.deleteGroups(specs.map((s) => `${opts.groupPrefix}${s.name}`)).catch(() => undefined);
    return { outcomes, total, seconds: (Date.now() - started) / 1000 };
  } finally {
    await admin.disconnect();
  }
}
