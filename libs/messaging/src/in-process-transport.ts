import { AsyncLocalStorage } from 'node:async_hooks';
import {
  IncomingMessage,
  MessageHandler,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
  Transport,
} from './transport';

interface Group {
  topics: Set<string>;
  handler: MessageHandler;
}

/**
 * The embedded mode's broker: delivers each published message to every subscribed group, in
 * order, before publish resolves. It keeps a log per topic so a group that subscribes from the
 * beginning (a rebuilt read model) sees everything published since the process started.
 */
export class InProcessTransport implements Transport {
  private readonly groups = new Map<string, Group>();
  private readonly log = new Map<string, IncomingMessage[]>();
  private queue: Promise<void> = Promise.resolve();
  private readonly delivering = new AsyncLocalStorage<true>();
  /**
   * Offsets start where no earlier run of the process reached (its start in microseconds), as a
   * broker's never repeat: a dead letter is known by its topic, partition and offset.
   */
  private readonly firstOffset = Date.now() * 1000;

  publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    // A handler publishing (a dead letter) runs inside a delivery: queueing it would wait on itself.
    if (this.delivering.getStore()) return this.deliver(topic, messages);
    // Serialise deliveries so two relays publishing at once cannot interleave a group's order.
    const run = this.queue.then(() => this.delivering.run(true, () => this.deliver(topic, messages)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<Subscription> {
    if (this.groups.has(options.groupId)) throw new Error(`group ${options.groupId} already subscribed`);
    const group: Group = { topics: new Set(options.topics), handler };
    if (options.fromBeginning) {
      const control = { heartbeat: async () => undefined, isRunning: () => true };
      for (const topic of options.topics)
        for (const m of this.log.get(topic) ?? []) await handler(m, control);
    }
    this.groups.set(options.groupId, group);
    return { stop: async () => void this.groups.delete(options.groupId) };
  }

  /** Messages published so far on a topic (dead-letter topics included). */
  messages(topic: string): IncomingMessage[] {
    return [...(this.log.get(topic) ?? [])];
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.groups.clear();
  }

  private async deliver(topic: string, messages: OutgoingMessage[]): Promise<void> {
    const log = this.log.get(topic) ?? [];
    this.log.set(topic, log);
    for (const m of messages) {
      const incoming: IncomingMessage = {
        topic,
        partition: 0,
        offset: String(this.firstOffset + log.length),
        key: m.key,
        value: m.value,
        headers: m.headers ?? {},
      };
      log.push(incoming);
      for (const [id, group] of this.groups)
        if (group.topics.has(topic))
          await group.handler(incoming, {
            heartbeat: async () => undefined,
            // Stopped (unsubscribed or the transport closed): a handler retrying gives up.
            isRunning: () => this.groups.get(id) === group,
          });
    }
  }
}
