import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { quoteSchema, SqlClient } from './sql';
import { IncomingMessage } from './transport';

/** What handing a dead letter to its consumer again did: refused means it still breaks a rule. */
export type RedriveOutcome = 'applied' | 'duplicate' | 'ignored' | 'refused';

/** A consumer as a redrive sees it (InboxConsumer): one try of a stored message through its inbox. */
export interface Redrivable {
  redrive(message: IncomingMessage): Promise<{ outcome: RedriveOutcome; error?: string }>;
}

/** An event a consumer refused, as recorded in its service's schema (`<schema>.dead_letter`). */
export interface DeadLetter {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The envelope's type, or null when the payload was not a readable event. */
  eventType: string | null;
  /** The raw message value, as it was received. */
  payload: string;
  headers: Record<string, string>;
  /** The latest refusal: the first one's, or a redrive's that was refused again. */
  error: string;
  attempts: number;
  deadLetteredAt: Date;
  redrivenAt: Date | null;
  redriveOutcome: RedriveOutcome | null;
}

export interface DeadLetterFilter {
  consumer?: string;
  eventType?: string;
  /** Only the ones still to be worked: never redriven, or refused again. */
  openOnly?: boolean;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  total: number;
  /** The last item's [deadLetteredAt ISO, id], when another page follows. */
  next: [string, string] | null;
}

export interface RedriveResult {
  id: string;
  outcome: RedriveOutcome;
  /** The new refusal, when refused again. */
  error?: string;
}

/** What a consumer records when it dead-letters (see InboxConsumer). */
export interface DeadLetterRecord {
  consumer: string;
  message: IncomingMessage;
  error: string;
  attempts: number;
}

/**
 * Records a dead letter; a refusal delivered again (a rebalance before the position was committed)
 * finds its row and records nothing, so one refused message is one row.
 */
export async function recordDeadLetter(tx: SqlClient, schema: string, r: DeadLetterRecord): Promise<boolean> {
  const inserted = await tx.$executeRawUnsafe(
    `INSERT INTO ${quoteSchema(schema)}.dead_letter
       (id, consumer, topic, partition, "offset", key, event_type, payload, headers, error, attempts)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)
     ON CONFLICT (consumer, topic, partition, "offset") DO NOTHING`,
    randomUUID(),
    r.consumer,
    r.message.topic,
    r.message.partition,
    r.message.offset,
    r.message.key,
    eventTypeOf(r.message.value),
    r.message.value,
    JSON.stringify(r.message.headers),
    r.error,
    r.attempts,
  );
  return inserted > 0;
}

const eventTypeOf = (value: string): string | null => {
  try {
    const type: unknown = (JSON.parse(value) as { type?: unknown })?.type;
    return typeof type === 'string' ? type.slice(0, 200) : null;
  } catch {
    return null;
  }
};

interface Row {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  event_type: string | null;
  payload: string;
  headers: Record<string, string>;
  error: string;
  attempts: number;
  dead_lettered_at: Date;
  redriven_at: Date | null;
  redrive_outcome: RedriveOutcome | null;
}

const fromRow = (r: Row): DeadLetter => ({
  id: r.id,
  consumer: r.consumer,
  topic: r.topic,
  partition: r.partition,
  offset: r.offset,
  key: r.key,
  eventType: r.event_type,
  payload: r.payload,
  headers: r.headers,
  error: r.error,
  attempts: r.attempts,
  deadLetteredAt: r.dead_lettered_at,
  redrivenAt: r.redriven_at,
  redriveOutcome: r.redrive_outcome,
});

/** Open: never redriven, or refused again. Applied, duplicate and ignored are settled. */
const OPEN = `(redrive_outcome IS NULL OR redrive_outcome = 'refused')`;

/** The WHERE clause of a filter, its parameters numbered from 1. */
export function filterClause(filter: DeadLetterFilter): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.consumer !== undefined) conditions.push(`consumer = $${params.push(filter.consumer)}`);
  if (filter.eventType !== undefined) conditions.push(`event_type = $${params.push(filter.eventType)}`);
  if (filter.openOnly) conditions.push(OPEN);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** Redrives a filter in batches, oldest first, so events reach the consumer in the order they came. */
const REDRIVE_BATCH = 100;

/**
 * A service's dead letters: listed for an operator, and redriven — handed again to the consumer
 * that refused them, through its inbox, so an event applied since (or by an earlier redrive) is a
 * duplicate and changes nothing.
 */
export class DeadLetters {
  private readonly table: string;

  constructor(
    private readonly opts: {
      schema: string;
      pool: Pool;
      /** The service's consumers by name: who re-handles a dead letter. */
      consumers: ReadonlyMap<string, Redrivable>;
    },
  ) {
    this.table = `${quoteSchema(opts.schema)}.dead_letter`;
  }

  /** Newest first, keyset-paged on (dead_lettered_at, id). */
  async list(
    filter: DeadLetterFilter,
    page: { size: number; after?: [string, string] },
  ): Promise<DeadLetterPage> {
    const { where, params } = filterClause(filter);
    const total = await this.opts.pool.query<{ count: string }>(
      `SELECT count(*) FROM ${this.table} ${where}`,
      params,
    );
    const keyset = [...params];
    let after = '';
    if (page.after) {
      const at = keyset.push(page.after[0]);
      const id = keyset.push(page.after[1]);
      after = `${where ? 'AND' : 'WHERE'} (dead_lettered_at, id) < ($${at}::timestamptz, $${id}::uuid)`;
    }
    const rows = await this.opts.pool.query<Row>(
      `SELECT * FROM ${this.table} ${where} ${after}
       ORDER BY dead_lettered_at DESC, id DESC LIMIT $${keyset.push(page.size + 1)}`,
      keyset,
    );
    const items = rows.rows.slice(0, page.size).map(fromRow);
    const last = items.at(-1);
    return {
      items,
      total: Number(total.rows[0].count),
      next: rows.rows.length > page.size && last ? [last.deadLetteredAt.toISOString(), last.id] : null,
    };
  }

  async get(id: string): Promise<DeadLetter | null> {
    if (!UUID.test(id)) return null;
    const rows = await this.opts.pool.query<Row>(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);
    return rows.rows[0] ? fromRow(rows.rows[0]) : null;
  }

  /** Redrives one dead letter, open or not (a settled one is a duplicate); null if there is none. */
  async redrive(id: string): Promise<RedriveResult | null> {
    const letter = await this.get(id);
    return letter ? this.redriveLetter(letter) : null;
  }

  /** Redrives every open dead letter the filter matches, oldest first. */
  async redriveMatching(filter: Omit<DeadLetterFilter, 'openOnly'>): Promise<RedriveResult[]> {
    const { where, params } = filterClause({ ...filter, openOnly: true });
    const results: RedriveResult[] = [];
    // Each batch starts after the last one tried, so letters refused again are not retried in a loop.
    let after: [Date, string] | null = null;
    for (;;) {
      const keyset = [...params];
      const from: string = after
        ? `AND (dead_lettered_at, id) > ($${keyset.push(after[0])}::timestamptz, $${keyset.push(after[1])}::uuid)`
        : '';
      const rows: { rows: Row[] } = await this.opts.pool.query<Row>(
        `SELECT * FROM ${this.table} ${where} ${from}
         ORDER BY dead_lettered_at, id LIMIT $${keyset.push(REDRIVE_BATCH)}`,
        keyset,
      );
      for (const row of rows.rows) results.push(await this.redriveLetter(fromRow(row)));
      const last: Row | undefined = rows.rows.at(-1);
      if (!last || rows.rows.length < REDRIVE_BATCH) return results;
      after = [last.dead_lettered_at, last.id];
    }
  }

  /** Open dead letters per consumer (every known consumer listed, with 0 when it has none). */
  async openByConsumer(): Promise<Map<string, number>> {
    const counts = new Map([...this.opts.consumers.keys()].map((name) => [name, 0]));
    const rows = await this.opts.pool.query<{ consumer: string; count: string }>(
      `SELECT consumer, count(*) FROM ${this.table} WHERE ${OPEN} GROUP BY consumer`,
    );
    for (const r of rows.rows) counts.set(r.consumer, Number(r.count));
    return counts;
  }

  private async redriveLetter(letter: DeadLetter): Promise<RedriveResult> {
    const consumer = this.opts.consumers.get(letter.consumer);
    // A consumer since renamed or removed: nobody here can apply it; it stays open, saying why.
    const tried = consumer
      ? await consumer.redrive(toMessage(letter))
      : { outcome: 'refused' as const, error: `no consumer named ${letter.consumer} in this service` };
    const error = tried.outcome === 'refused' ? tried.error : undefined;
    await this.opts.pool.query(
      `UPDATE ${this.table}
       SET redriven_at = now(), redrive_outcome = $2, error = coalesce($3, error),
           attempts = attempts + CASE WHEN $3::text IS NULL THEN 0 ELSE 1 END
       WHERE id = $1`,
      [letter.id, tried.outcome, error ?? null],
    );
    return { id: letter.id, outcome: tried.outcome, ...(error ? { error } : {}) };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toMessage = (l: DeadLetter): IncomingMessage => ({
  topic: l.topic,
  partition: l.partition,
  offset: l.offset,
  key: l.key,
  value: l.payload,
  headers: l.headers,
});
