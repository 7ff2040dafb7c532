import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { Principal } from '@otr/auth';
import { Actor } from '@otr/contracts';
import { AfterCursor, IsoInstant, KeysetEnvelope } from '@otr/runtime';

export const TimelineCriteria = z
  .object({
    institutionId: z.string().min(1),
    service: z.string().max(40).optional(),
    type: z.string().max(80).optional(),
    from: IsoInstant.optional(),
    to: IsoInstant.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    after: AfterCursor.optional(),
  })
  .refine((c) => !c.after || c.page === 1, {
    message: 'after replaces page: give one of them',
    path: ['after'],
  });
export type TimelineCriteria = z.infer<typeof TimelineCriteria>;

/** One event about an institution, as its service published it. */
export const TimelineEntry = z.object({
  id: z.uuid().describe("The event's id."),
  institutionId: z.string(),
  type: z.string().describe('context.EventName, e.g. registration.LicenseIssued.'),
  service: z.string().describe('The service that published it.'),
  occurredAt: z.iso.datetime(),
  actor: Actor,
  payload: z.unknown().describe("The event's payload, as its contract (libs/contracts/schemas) describes."),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** A page of the timeline, oldest first; `nextCursor` continues it (keyset paging). */
export const TimelinePage = KeysetEnvelope(TimelineEntry);
export type TimelinePage = z.infer<typeof TimelinePage>;

export class InstitutionTimelineQuery extends Query<TimelinePage> {
  constructor(
    readonly criteria: TimelineCriteria,
    readonly principal: Principal,
  ) {
    super();
  }
}
