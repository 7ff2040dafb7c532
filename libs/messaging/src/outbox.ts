import { ContractRegistry, Envelope } from '@otr/contracts';
import { outboxChannel, quoteSchema, SqlClient } from './sql';

/**
 * Transactional outbox: events are rows written in the same transaction as the state change,
 * so a rolled-back command leaves no event and a committed one never loses its event.
 */
export class Outbox {
  private readonly table: string;

  constructor(
    private readonly schema: string,
    private readonly registry: ContractRegistry,
  ) {
    this.table = `${quoteSchema(schema)}.outbox`;
  }

  /** Validates each event against its contract, then appends it; call inside the command's transaction. */
  async append(tx: SqlClient, events: Envelope[]): Promise<void> {
    if (events.length === 0) return;
    const rows = events.map((e) => {
      const valid = this.registry.parse(e);
      const def = this.registry.definition(valid.type, valid.version)!;
      return { id: valid.id, topic: def.topic, key: valid.institutionId, type: valid.type, envelope: valid };
    });
    // One round trip: the rows, and the NOTIFY that PostgreSQL delivers at commit only, so the
    // relay wakes exactly when there is something to send.
    await tx.$executeRawUnsafe(
      `WITH appended AS (
         INSERT INTO ${this.table} (id, topic, key, type, envelope)
         SELECT (r->>'id')::uuid, r->>'topic', r->>'key', r->>'type', r->'envelope'
         FROM jsonb_array_elements($1::jsonb) AS r
         RETURNING 1)
       SELECT pg_notify($2, '') FROM (SELECT count(*) FROM appended) AS written`,
      JSON.stringify(rows),
      outboxChannel(this.schema),
    );
  }
}
