import { Query } from '@nestjs/cqrs';
import { Principal } from '@otr/auth';
import { QueueFilter } from '../ports';

export interface QueueItem {
  id: string;
  trackingNumber: string;
  kind: string;
  category: string;
  status: string;
  round: number;
  subjectName: string;
  district: string;
  lead: string | null;
  /** A transfer waiting for this department's answer. */
  transferTo: string | null;
  supervisedBy: string | null;
  deadline: { stage: string; due: string } | null;
  colour: 'green' | 'amber' | 'red' | null;
  awaiting: string | null;
  filedAt: string;
}

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
