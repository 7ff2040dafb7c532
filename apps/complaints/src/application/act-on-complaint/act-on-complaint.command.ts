import { Command } from '@nestjs/cqrs';
import { Department, Role } from '@otr/auth';
import { EventOrigin } from '@otr/contracts';
import { z } from 'zod';
import { Actor } from '../../domain/vocabulary';

const text = z.string().trim().min(1).max(4000);
const workingDays = z.number().int().min(1).max(60);

/** Each act of the closed loop, as the console sends it; the route names the act. */
export const Acts = {
  sign: z.object({}),
  note: z.object({ note: text }),
  transfer: z.object({
    to: z.object({ department: Department, role: z.enum(['fund-supervisor']).optional() }),
    reason: text,
  }),
  'accept-transfer': z.object({}),
  'refuse-transfer': z.object({ reason: text }),
  reply: z.object({ reply: text }),
  approve: z.object({}),
  'send-back': z.object({ reason: text }),
  'call-back': z.object({ reached: z.boolean(), note: z.string().max(4000).default('') }),
  rate: z.object({ satisfied: z.boolean(), comment: z.string().max(1000).optional() }),
  'request-extension': z.object({ workingDays, reason: text }),
  'grant-extension': z.object({ workingDays }),
  'refuse-extension': z.object({ reason: text }),
  merge: z.object({ into: z.uuid() }),
  'institution-reply': z.object({ reply: text }),
} as const;

export type ActName = keyof typeof Acts;
/** An act's fields; acts without any (sign, approve …) infer as Record<string, never>, which `type` could not join. */
type Fields<S extends z.ZodType> = string extends keyof z.infer<S> ? object : z.infer<S>;
export type Act = { [K in ActName]: { type: K } & Fields<(typeof Acts)[K]> }[ActName];
export type TransferTarget = { department: Department; role?: Role };

export class ActOnComplaintCommand extends Command<{ id: string; status: string }> {
  constructor(
    readonly complaintId: string,
    readonly act: Act,
    readonly by: Actor,
    readonly origin: EventOrigin,
    /** When it happened, if earlier than now (demo data only). */
    readonly at?: Date,
  ) {
    super();
  }
}
