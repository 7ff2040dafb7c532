import { z } from 'zod';
import { defineEvent, EventDefinition } from '../registry';
import { Topics } from '../topics';

const topic = Topics.complaints;

/** Repeated complaints against one institution within the rulebook's window: inspection schedules a visit. */
export const RepeatComplaintsFlagged = defineEvent({
  type: 'complaints.RepeatComplaintsFlagged',
  version: 1,
  topic,
  payload: z.object({
    subjectName: z.string().min(1),
    licenseId: z.string().optional(),
    district: z.string(),
    count: z.number().int().positive(),
    withinDays: z.number().int().positive(),
    complaintIds: z.array(z.string()).min(1),
  }),
});

/** complaints integration events; add each new one here. */
export const complaintsEvents: EventDefinition[] = [RepeatComplaintsFlagged];
