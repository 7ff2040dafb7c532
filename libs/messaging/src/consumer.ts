import { ContractRegistry, deadLetterTopic, Envelope, EventHeaders } from '@otr/contracts';
import { runWithContext } from './context';
import { Log, silentLog } from './logger';
import { quoteSchema, SqlClient } from './sql';
import { classifyFailure, isInfrastructureFailure } from './failures';
import { recordDeadLetter, RedriveOutcome } from './dead-letters';
import { inSpan, SpanKind } from './tracing';
import { DeliveryControl, IncomingMessage, Subscription, Transport } from './transport';

export type EventHandler<Tx extends SqlClient> = (event: Envelope, tx: Tx) => Promise<void>;

export interface RetryPolicy {
  /** Tries before an event the consumer refuses (see failures.ts) is dead-lettered. */
  attempts: number;
  baseDelayMs: number;
  /** The longest wait between tries of a passing failure, which is retried without limit. */
  maxDelayMs: number;
}

export const defaultRetry: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 30_000 };

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
  /** Told each time an event is dead-lettered (the service's counter of them). */
  onDeadLettered?: (consumer: string) => void;
  /** Told each delivery's outcome, and each retry, for the service's counters. */
  metrics?: ConsumerMetrics;
}

export interface ConsumerMetrics {
  outcome(consumer: string, type: string, outcome: Outcome): void;
  /** A try failed and the event will be tried again: `refused` by the consumer, or a `passing` failure. */
  retried(consumer: string, type: string, failure: 'refused' | 'passing'): void;
}

export type Outcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';

/**
 * Inbox consumer: each event id is recorded in the same transaction as its effect, so a
 * redelivery (after a crash, a rebalance or a relay re-send) changes nothing. An event this
 * consumer refuses (it breaks its contract, or a domain rule refuses it) goes to the dead-letter
 * topic with the error after a few tries, and is recorded in the service's dead_letter table for an
 * operator to redrive (dead-letters.ts); any other failure — the database down, read-only or
 * locked — is retried with back-off until it passes, holding the partition (failures.ts).
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
      (message, control) => this.handle(message, control).then(() => undefined),
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }

  /** Applies one delivery in a span that continues the producer's trace (its traceparent header). */
  async handle(message: IncomingMessage, control: DeliveryControl = alwaysRunning): Promise<Outcome> {
    const type = message.headers[EventHeaders.type] ?? 'unknown';
    const outcome = await inSpan(
      `${message.topic} process`,
      SpanKind.CONSUMER,
      message.headers,
      {
        'messaging.system': 'kafka',
        'messaging.destination.name': message.topic,
        'messaging.consumer.group.name': this.opts.groupId ?? this.opts.name,
        'messaging.kafka.offset': message.offset,
      },
      async (span) => {
        const outcome = await this.process(message, control);
        span.setAttribute('otr.outcome', outcome);
        return outcome;
      },
    );
    this.opts.metrics?.outcome(this.opts.name, type, outcome);
    return outcome;
  }

  private async process(message: IncomingMessage, control: DeliveryControl): Promise<Outcome> {
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
          const refused = classifyFailure(error) === 'refused';
          if (refused && attempt >= this.retry.attempts) {
            await this.deadLetter(message, error, attempt);
            return 'dead-lettered';
          }
          // Given up only when the partition is no longer ours to hold: the event is not committed
          // and comes back to whoever holds it next.
          if (!control.isRunning()) throw error;
          this.opts.metrics?.retried(this.opts.name, event.type, refused ? 'refused' : 'passing');
          const fields = {
            err: error,
            consumer: this.opts.name,
            eventId: event.id,
            type: event.type,
            attempt,
          };
          if (refused || isInfrastructureFailure(error))
            this.log.warn(fields, 'event not applied yet; retrying');
          else this.log.error(fields, 'event failed for an unknown reason; retrying, the partition waits');
          await sleep(
            Math.min(this.retry.baseDelayMs * 2 ** Math.min(attempt - 1, 16), this.retry.maxDelayMs),
          );
          await control.heartbeat();
        }
      }
    });
  }

  /**
   * One try of a dead letter, for a redrive: through the inbox, so an event applied since changes
   * nothing. A refusal is answered, not dead-lettered again (its row says so); a passing failure is
   * thrown, for the operator to try again when the database is back.
   */
  async redrive(message: IncomingMessage): Promise<{ outcome: RedriveOutcome; error?: string }> {
    try {
      const event = this.opts.registry.parse(JSON.parse(message.value));
      const handler = this.opts.handlers[event.type];
      if (!handler) return { outcome: 'ignored' };
      const outcome = await runWithContext(
        { correlationId: event.correlationId, causationId: event.id },
        () => this.apply(event, handler),
      );
      return { outcome: outcome === 'duplicate' ? 'duplicate' : 'applied' };
    } catch (error) {
      if (classifyFailure(error) === 'passing') throw error;
      return { outcome: 'refused', error: describe(error) };
    }
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
    const reason = describe(error);
    this.log.error(
      { consumer: this.opts.name, topic: message.topic, offset: message.offset, reason, attempts },
      'event dead-lettered',
    );
    // Recorded first: if the publish then fails the handler throws, the position is not committed and
    // the event comes back, finds its row (the same topic, partition and offset) and is published.
    const recorded = await this.opts.transaction((tx) =>
      recordDeadLetter(tx, this.opts.schema, { consumer: this.opts.name, message, error: reason, attempts }),
    );
    if (recorded) this.opts.onDeadLettered?.(this.opts.name);
    await this.opts.transport.publish(deadLetterTopic(message.topic), [
      {
        key: message.key ?? '',
        value: message.value,
        headers: {
          ...message.headers,
          'dlq-error': reason,
          'dlq-consumer': this.opts.name,
          'dlq-attempts': String(attempts),
          'dlq-source': `${message.topic}/${message.partition}/${message.offset}`,
        },
      },
    ]);
  }
}

/** The error as an operator reads it, bounded (a header, a table column). */
const describe = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A direct call (a test, a redrive) holds no partition: nothing to keep alive, never pre-empted. */
const alwaysRunning: DeliveryControl = { heartbeat: async () => undefined, isRunning: () => true };
