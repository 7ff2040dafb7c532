import { ContractRegistry, Envelope } from '@otr/contracts';
import { outboxChannel, quoteSchema, SqlClient } from './sql';
import { traceCarrier } from './tracing';

/** Where an outbox row's envelope keeps the W3C trace context of the command that wrote it. */
export const TRACE_KEY = 'otelTraceContext';

/** Events ready to go into the outbox inside a caller's own statement (see Outbox.stage). */
export interface StagedEvents {
  /** The outbox rows as JSON: the value of the statement's parameter given to `sql`. */
  rows: string;
  /**
   * The WITH query that appends the rows of `param` when `when` holds, and the select-list
   * expression of the main query that notifies the relay (a WITH query nothing reads is not run).
   */
  sql(param: string, when: string): { with: string; notify: string };
}

/**
 * Transactional outbox: events are rows written in the same transaction as the state change,
 * so a rolled-back command leaves no event and a committed one never loses its event.
 */
export class Outbox {
  private readonly table: string;
  private readonly channel: string;

  constructor(
    private readonly schema: string,
    private readonly registry: ContractRegistry,
  ) {
    this.table = `${quoteSchema(schema)}.outbox`;
    this.channel = outboxChannel(schema).replace(/'/g, "''");
  }

  /** Validates each event against its contract, then appends it; call inside the command's transaction. */
  async append(tx: SqlClient, events: Envelope[]): Promise<void> {
    if (events.length === 0) return;
    const staged = this.stage(events);
    const { with: appended, notify } = staged.sql('$1::jsonb', 'true');
    // One round trip: the rows, and the NOTIFY that PostgreSQL delivers at commit only.
    await tx.$executeRawUnsafe(`WITH ${appended} SELECT ${notify}`, staged.rows);
  }

  /**
   * Validates each event against its contract, for a caller that writes its change and its events
   * in one statement — so that, for instance, an event goes only with a change that was new.
   */
  stage(events: Envelope[]): StagedEvents {
    // The command's trace context rides with the row (not in the event's value, which is the
    // contract): the relay moves it to the message's headers. Empty, and left out, when not traced.
    const trace = traceCarrier();
    const traced = Object.keys(trace).length > 0;
    const rows = events.map((e) => {
      const valid = this.registry.parse(e);
      const def = this.registry.definition(valid.type, valid.version)!;
      const envelope = traced ? { ...valid, [TRACE_KEY]: trace } : valid;
      return { id: valid.id, topic: def.topic, key: valid.institutionId, type: valid.type, envelope };
    });
    return {
      rows: JSON.stringify(rows),
      // The relay is woken only when rows were appended, and PostgreSQL delivers it at commit only.
      sql: (param, when) => ({
        with: `appended AS (
         INSERT INTO ${this.table} (id, topic, key, type, envelope)
         SELECT (r->>'id')::uuid, r->>'topic', r->>'key', r->>'type', r->'envelope'
         FROM jsonb_array_elements(${param}) AS r WHERE ${when}
         RETURNING 1)`,
        notify: `(SELECT pg_notify('${this.channel}', '') FROM (SELECT count(*) AS n FROM appended) AS w WHERE w.n > 0)`,
      }),
    };
  }
}
