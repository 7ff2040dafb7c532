import { ContractRegistry, deadLetterTopic, Envelope } from '@otr/contracts';
import { runWithContext } from './context';
import { Log, silentLog } from './logger';
import { quoteSchema, SqlClient } from './sql';
import { IncomingMessage, Subscription, Transport } from './transport';

export type EventHandler<Tx extends SqlClient> = (event: Envelope, tx: Tx) => Promise<void>;

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetry: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 3000 };

export interface ConsumerOptions<Tx extends SqlClient> {
  /** Stable name: the inbox key, and the consumer group unless groupId is given. Renaming it replays every event. */
  name: string;
  groupId?: string;
  schema: string;
  topics: string[];
  registry: ContractRegistry;
  transport: Transport;
  /** Runs the inbox record and the effect in one database transaction. */
  transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  handlers: Record<string, EventHandler<Tx>>;
  retry?: RetryPolicy;
  log?: Log;
}

export type Outcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';

/**
 * Inbox consumer: each event id is recorded in the same transaction as its effect, so a
 * redelivery (after a crash, a rebalance or a relay re-send) changes nothing. Events that fail
 * their contract, or keep failing after bounded retries, go to the dead-letter topic with the error.
 */
export class InboxConsumer<Tx extends SqlClient> {
  private readonly inbox: string;
  private readonly retry: RetryPolicy;
  private readonly log: Log;
  private subscription: Subscription | null = null;

  constructor(private readonly opts: ConsumerOptions<Tx>) {
    this.inbox = `${quoteSchema(opts.schema)}.inbox`;
    this.retry = opts.retry ?? defaultRetry;
    this.log = opts.log ?? silentLog;
  }

  async start(): Promise<void> {
    this.subscription = await this.opts.transport.subscribe(
      { groupId: this.opts.groupId ?? this.opts.name, topics: this.opts.topics, fromBeginning: true },
      (message) => this.handle(message).then(() => undefined),
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }

  async handle(message: IncomingMessage): Promise<Outcome> {
    let event: Envelope;
    try {
      event = this.opts.registry.parse(JSON.parse(message.value));
    } catch (error) {
      await this.deadLetter(message, error, 0);
      return 'dead-lettered';
    }
    const handler = this.opts.handlers[event.type];
    if (!handler) return 'ignored';
    return runWithContext({ correlationId: event.correlationId, causationId: event.id }, async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.apply(event, handler);
        } catch (error) {
          if (attempt >= this.retry.attempts) {
            await this.deadLetter(message, error, attempt);
            return 'dead-lettered';
          }
          this.log.warn({ err: error, eventId: event.id, type: event.type, attempt }, 'event handler failed; retrying');
          await sleep(Math.min(this.retry.baseDelayMs * 4 ** (attempt - 1), this.retry.maxDelayMs));
        }
      }
    });
  }

  private apply(event: Envelope, handler: EventHandler<Tx>): Promise<Outcome> {
    return this.opts.transaction(async (tx) => {
      const inserted = await tx.$executeRawUnsafe(
        `INSERT INTO ${this.inbox} (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING`,
        this.opts.name,
        event.id,
      );
      if (inserted === 0) return 'duplicate';
      await handler(event, tx);
      return 'applied';
    });
  }

  private async deadLetter(message: IncomingMessage, error: unknown, attempts: number): Promise<void> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.log.error(
      { consumer: this.opts.name, topic: message.topic, offset: message.offset, reason, attempts },
      'event dead-lettered',
    );
    // If this publish fails the handler throws, the position is not committed and the event comes back.
    await this.opts.transport.publish(deadLetterTopic(message.topic), [
      {
        key: message.key ?? '',
        value: message.value,
        headers: {
          ...message.headers,
          'dlq-error': reason.slice(0, 2000),
          'dlq-consumer': this.opts.name,
          'dlq-attempts': String(attempts),
          'dlq-source': `${message.topic}/${message.partition}/${message.offset}`,
        },
      },
    ]);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
