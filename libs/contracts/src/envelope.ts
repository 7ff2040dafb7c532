import { z } from 'zod';

/** Who caused an event: a signed-in official, an operator, the public, or the system itself. */
export const Actor = z.object({
  userId: z.string().min(1),
  role: z.string().optional(),
  department: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;

export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'system' };

/** The envelope every integration event travels in (ARCHITECTURE.md, "Event conventions"). */
export const Envelope = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[a-z-]+\.[A-Z][A-Za-z]+$/, 'context.EventName'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  aggregateId: z.string().min(1),
  institutionId: z.string().min(1),
  actor: Actor,
  correlationId: z.string().min(1),
  causationId: z.string().min(1).optional(),
  payload: z.unknown(),
});
export type Envelope<P = unknown> = Omit<z.infer<typeof Envelope>, 'payload'> & { payload: P };
