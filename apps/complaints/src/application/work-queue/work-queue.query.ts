import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { Department, Principal } from '@otr/auth';
import { KeysetEnvelope } from '@otr/runtime';
import { ComplaintStatus } from '../../domain/complaint';
import { CATEGORIES, COMPLAINT_KINDS } from '../../domain/vocabulary';
import { QueueFilter } from '../ports';

/** A queue row as the console gets it: the lead by its department, the deadline with its colour. */
export const QueueItem = z.object({
  id: z.uuid(),
  trackingNumber: z.string().describe('受理编号'),
  kind: z.enum(COMPLAINT_KINDS),
  category: z.enum(CATEGORIES),
  status: ComplaintStatus,
  round: z.union([z.literal(1), z.literal(2)]),
  subjectName: z.string(),
  district: z.string(),
  lead: Department.nullable().describe('The lead department (主办部门); null before routing.'),
  transferTo: z.string().nullable().describe("A transfer waiting for this department's answer."),
  supervisedBy: z.string().nullable().describe('The supervising jurisdiction after escalation (督办).'),
  deadline: z
    .object({ stage: z.enum(['sign', 'answer']), due: z.iso.date() })
    .nullable()
    .describe('The running deadline: sign 签收 or answer 答复, by a working day.'),
  awaiting: z.enum(['review', 'extension', 'transfer']).nullable(),
  colour: z
    .enum(['green', 'amber', 'red'])
    .nullable()
    .describe('The SLA colour (红黄绿灯); null with no deadline.'),
  filedAt: z.iso.datetime(),
});
export type QueueItem = z.infer<typeof QueueItem>;

/** A page of the work queue: the envelope, with keyset paging (`nextCursor` → `after`). */
export const WorkQueuePage = KeysetEnvelope(QueueItem);
export type WorkQueuePage = z.infer<typeof WorkQueuePage>;

/**
 * The work queue (工单池) of a department in the caller's jurisdiction, soonest deadline first,
 * with its SLA colour; an institution's operator sees the complaints about it.
 */
export class WorkQueueQuery extends Query<WorkQueuePage> {
  constructor(
    readonly filter: QueueFilter,
    readonly principal: Principal,
  ) {
    super();
  }
}
