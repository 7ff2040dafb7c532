import { Query } from '@nestjs/cqrs';
import { Principal } from '@otr/auth';
import { QueueFilter, QueueRow } from '../ports';

/** A queue row as the console gets it: the lead by its department, the deadline with its colour. */
export type QueueItem = Omit<QueueRow, 'leadDepartment' | 'deadlineStage' | 'deadline' | 'filedAt'> & {
  lead: string | null;
  deadline: { stage: string; due: string } | null;
  colour: 'green' | 'amber' | 'red' | null;
  filedAt: string;
};

/**
 * The work queue (工单池) of a department in the caller's jurisdiction, soonest deadline first,
 * with its SLA colour; an institution's operator sees the complaints about it.
 */
export class WorkQueueQuery extends Query<{ items: QueueItem[]; total: number }> {
  constructor(
    readonly filter: QueueFilter,
    readonly principal: Principal,
  ) {
    super();
  }
}
