import { randomUUID } from 'node:crypto';
import { Actor } from './envelope';
import { EventDefinition, EventOf, PayloadOf } from './registry';

export interface EventOrigin {
  actor: Actor;
  correlationId: string;
  causationId?: string;
}

/** Builds a new envelope for a contract; validation happens when the outbox accepts it. */
export function createEvent<D extends EventDefinition>(
  def: D,
  fields: {
    aggregateId: string;
    institutionId: string;
    payload: PayloadOf<D>;
    occurredAt?: Date;
  } & EventOrigin,
): EventOf<D> {
  return {
    id: randomUUID(),
    type: def.type,
    version: def.version,
    occurredAt: (fields.occurredAt ?? new Date()).toISOString(),
    aggregateId: fields.aggregateId,
    institutionId: fields.institutionId,
    actor: fields.actor,
    correlationId: fields.correlationId,
    ...(fields.causationId ? { causationId: fields.causationId } : {}),
    payload: fields.payload,
  } as EventOf<D>;
}
