import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { Principal } from '@otr/auth';

/** An ISO time with its offset, from the year 1 on: PostgreSQL has no year 0 (ISO 8601's 1 BC). */
const Instant = z.iso
  .datetime({ offset: true })
  .refine((s) => new Date(s).getUTCFullYear() >= 1, 'a time from the year 1 on');

export const TimelineCriteria = z.object({
  institutionId: z.string().min(1),
  service: z.string().max(40).optional(),
  type: z.string().max(80).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TimelineCriteria = z.infer<typeof TimelineCriteria>;

export interface TimelineEntry {
  id: string;
  type: string;
  service: string;
  occurredAt: string;
  actor: unknown;
  payload: unknown;
}

export class InstitutionTimelineQuery extends Query<{ items: TimelineEntry[]; total: number }> {
  constructor(
    readonly criteria: TimelineCriteria,
    readonly principal: Principal,
  ) {
    super();
  }
}
