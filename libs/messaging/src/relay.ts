import type { Pool, PoolClient } from 'pg';
import { eventHeaders } from '@otr/contracts';
import { Log, silentLog } from './logger';
import { TRACE_KEY } from './outbox';
import { outboxChannel, quoteSchema } from './sql';
import { SpanKind, startSpan, TraceCarrier } from './tracing';
import { OutgoingMessage, Transport } from './transport';

export interface RelayOptions {
  schema: string;
  pool: Pool;
  transport: Transport;
  batchSize?: number;
  /** Safety-net poll; NOTIFY normally wakes the relay as soon as a command commits. */
  pollMs?: number;
  log?: Log;
  /** Told what each batch published, and each failure (the service's counters: no metrics library here). */
  metrics?: RelayMetrics;
}

export interface RelayMetrics {
  published(types: string[]): void;
  failed(): void;
}

/** Unpublished rows and the age of the oldest, for the outbox's gauges. */
export interface OutboxBacklog {
  rows: number;
  oldestSeconds: number;
}

interface OutboxRow {
  seq: string;
  topic: string;
  key: string;
  envelope: {
    id: string;
    type: string;
    version: number;
    correlationId: string;
    [TRACE_KEY]?: TraceCarrier;
  };
}

/**
 * Publishes the outbox in batches, oldest first. One relay per schema holds an advisory lock
 * while it sends, so even with several instances per-key order is the commit order.
 * A crash between send and mark re-sends the batch: consumers' inboxes make that harmless.
 * It outlives the database: a lost connection is logged and replaced, and the loop backs off.
 */
export class OutboxRelay {
  private readonly table: string;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly log: Log;
  private running = false;
  private wake: (() => void) | null = null;
  private pending = false;
  private listener: PoolClient | null = null;
  private listenerLost = false;
  private loop: Promise<void> | null = null;

  constructor(private readonly opts: RelayOptions) {
    this.table = `${quoteSchema(opts.schema)}.outbox`;
    this.batchSize = opts.batchSize ?? 500;
    this.pollMs = opts.pollMs ?? 1000;
    this.log = opts.log ?? silentLog;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  /** LISTENs for commits; while it cannot (the database away) the poll wakes the relay instead. */
  private async listen(): Promise<void> {
    const listener = await this.opts.pool.connect();
    listener.on('notification', () => this.kick());
    // A lost LISTEN connection must not crash the process: the loop opens a new one.
    listener.on('error', (err) => {
      this.listenerLost = true;
      this.log.warn({ err: err.message }, 'outbox LISTEN connection lost');
    });
    try {
      await listener.query(`LISTEN ${outboxChannel(this.opts.schema)}`);
    } catch (error) {
      listener.release(true);
      throw error;
    }
    this.listener = listener;
    this.listenerLost = false;
  }

  /** Replaces a lost LISTEN connection; a failure is logged and tried again on the next turn. */
  private async relisten(): Promise<void> {
    this.listener?.release(true);
    this.listener = null;
    try {
      await this.listen();
      this.log.info({ schema: this.opts.schema }, 'outbox LISTEN connection restored');
      this.kick();
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'outbox LISTEN not restored yet');
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
    if (this.listener) {
      if (!this.listenerLost) await this.listener.query(`UNLISTEN *`).catch(() => undefined);
      // A lost connection is destroyed rather than handed back to the pool.
      this.listener.release(this.listenerLost);
      this.listener = null;
    }
  }

  /** What waits to be published: a backlog that grows or ages means the relay or the broker is stuck. */
  async backlog(): Promise<OutboxBacklog> {
    const { rows } = await this.opts.pool.query<{ rows: number; oldest: number }>(
      `SELECT count(*)::int AS rows,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest
       FROM ${this.table} WHERE published_at IS NULL`,
    );
    return { rows: rows[0].rows, oldestSeconds: rows[0].oldest };
  }

  /** Asks the loop to look at the outbox now. */
  kick(): void {
    this.pending = true;
    this.wake?.();
  }

  /**
   * Publishes one batch; returns how many events went out (0 when idle or another relay holds the
   * lock). No transaction is open while the broker is called: the batch is read, sent, then marked,
   * each statement on its own, under a session lock that keeps one relay per schema (per-key order).
   * A crash or a lost connection between send and mark re-sends the batch, which the consumers'
   * inboxes make harmless.
   */
  async publishBatch(): Promise<number> {
    const client = await this.opts.pool.connect();
    // A checked-out connection the server drops emits 'error': unheard, it would end the process.
    let lost: Error | undefined;
    const onError = (err: Error) => {
      lost = err;
      this.log.warn({ err: err.message, schema: this.opts.schema }, 'outbox relay connection lost');
    };
    client.on('error', onError);
    try {
      const lock = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [
        this.table,
      ]);
      if (!lock.rows[0].ok) return 0;
      try {
        const { rows } = await client.query<OutboxRow>(
          `SELECT seq, topic, key, envelope FROM ${this.table}
           WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
          [this.batchSize],
        );
        if (rows.length > 0) {
          await this.send(rows);
          await client.query(`UPDATE ${this.table} SET published_at = now() WHERE seq = ANY($1::bigint[])`, [
            rows.map((r) => r.seq),
          ]);
        }
        return rows.length;
      } finally {
        await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [this.table]).catch(() => undefined);
      }
    } catch (error) {
      lost ??= error as Error;
      throw error;
    } finally {
      client.off('error', onError);
      // After a failure the connection is destroyed, which also frees a lock the unlock missed.
      client.release(lost);
    }
  }

  /** Sends consecutive runs of the same topic together, so the overall order is kept. */
  private async send(rows: OutboxRow[]): Promise<void> {
    let start = 0;
    while (start < rows.length) {
      let end = start;
      while (end < rows.length && rows[end].topic === rows[start].topic) end++;
      const topic = rows[start].topic;
      const spans = rows.slice(start, end).map(({ key, envelope: { [TRACE_KEY]: trace, ...envelope } }) => {
        // A publish span continuing the command's trace; its context goes out in the headers.
        const { span, carrier } = startSpan(`${topic} publish`, SpanKind.PRODUCER, trace, {
          'messaging.system': 'kafka',
          'messaging.destination.name': topic,
          'messaging.message.id': envelope.id,
        });
        const message: OutgoingMessage = {
          key,
          value: JSON.stringify(envelope),
          headers: { ...eventHeaders(envelope), ...carrier },
        };
        return { span, message, type: envelope.type };
      });
      try {
        await this.opts.transport.publish(
          topic,
          spans.map((s) => s.message),
        );
      } finally {
        for (const { span } of spans) span.end();
      }
      this.opts.metrics?.published(spans.map((s) => s.type));
      start = end;
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.pending = false;
      if (this.listenerLost) await this.relisten();
      try {
        const sent = await this.publishBatch();
        failures = 0;
        if (sent > 0) this.log.debug({ sent, schema: this.opts.schema }, 'outbox batch published');
        if (sent === this.batchSize) continue;
      } catch (error) {
        failures++;
        this.opts.metrics?.failed();
        this.log.warn({ err: error, failures, schema: this.opts.schema }, 'outbox relay failed; will retry');
      }
      if (!this.running) break;
      // Back off while the broker or database is down; otherwise sleep until NOTIFY or the poll.
      const delay =
        failures > 0 ? Math.min(this.pollMs * 2 ** Math.min(failures - 1, 4), 10_000) : this.pollMs;
      if (!this.pending || failures > 0) await this.sleep(delay, failures === 0);
    }
  }

  /** Sleeps; a NOTIFY cuts an idle sleep short, but not a back-off (stop always does). */
  private sleep(ms: number, wakeOnNotify: boolean): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = () => {
        if (!wakeOnNotify && this.running) return;
        this.wake = null;
        done();
      };
    });
  }
}
