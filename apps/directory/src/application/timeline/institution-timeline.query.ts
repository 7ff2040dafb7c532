import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { Principal } from '@otr/auth';
import { IsoInstant } from '@otr/runtime';

export const TimelineCriteria = z.object({
  institutionId: z.string().min(1),
  service: z.string().max(40).optional(),
  type: z.string().max(80).optional(),
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
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
