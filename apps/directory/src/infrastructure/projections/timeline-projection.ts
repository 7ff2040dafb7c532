import { Envelope } from '@otr/contracts';
import { DirectoryTx } from '../directory-prisma';

/** Keeps every event about an institution, whatever its type: the timeline needs no per-type code. */
export async function recordTimelineEvent(event: Envelope, tx: DirectoryTx): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.timeline_event (id, institution_id, type, service, occurred_at, actor, payload)
     VALUES ($1::uuid, $2, $3, $4, $5::timestamptz, $6::jsonb, $7::jsonb)`,
    event.id,
    event.institutionId,
    event.type,
    event.type.split('.')[0],
    event.occurredAt,
    JSON.stringify(event.actor),
    JSON.stringify(event.payload),
  );
}
