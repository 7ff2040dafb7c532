import { Envelope } from '@otr/contracts';
import { DirectoryTx } from '../../infrastructure/directory-prisma';

/** Keeps every event about an institution, whatever its type: the timeline needs no per-type code. */
export async function recordTimelineEvent(event: Envelope, tx: DirectoryTx): Promise<void> {
  await tx.timelineEvent.create({
    data: {
      id: event.id,
      institutionId: event.institutionId,
      type: event.type,
      service: event.type.split('.')[0],
      occurredAt: new Date(event.occurredAt),
      actor: event.actor,
      payload: event.payload as object,
    },
  });
}
