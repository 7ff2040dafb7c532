import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { chinaDate, Clock, loadChinaCalendar } from '@otr/kernel';
import { COMPLAINT_RULES, COMPLAINTS, CLOCK_TOKEN } from '../tokens';
import { ComplaintRepository, ComplaintRulesSource, QueueRow } from '../ports';
import { QueueItem, WorkQueueQuery } from './work-queue.query';

@QueryHandler(WorkQueueQuery)
export class WorkQueueHandler implements IQueryHandler<WorkQueueQuery> {
  constructor(
    @Inject(COMPLAINTS) private readonly complaints: ComplaintRepository,
    @Inject(COMPLAINT_RULES) private readonly rules: ComplaintRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ filter, principal: p }: WorkQueueQuery) {
    const now = this.clock.now();
    const today = chinaDate(now);
    const ctx = this.rules.forDistrict(p.jurisdiction, now);
    const amberUntil = loadChinaCalendar().addWorkingDays(today, ctx.rules.reminderWorkingDaysBefore.value);
    const scope = p.institutionId ? { institutionId: p.institutionId } : { jurisdiction: p.jurisdiction };
    const { total, rows } = await this.complaints.list(filter, scope, { today, amberUntil });
    const item = (r: QueueRow): QueueItem => {
      const due = r.deadline ? r.deadline.toISOString().slice(0, 10) : null;
      return {
        id: r.id,
        trackingNumber: r.trackingNumber,
        kind: r.kind,
        category: r.category,
        status: r.status,
        round: r.round,
        subjectName: r.subjectName,
        district: r.district,
        lead: r.leadDepartment,
        transferTo: r.transferTo,
        supervisedBy: r.supervisedBy,
        deadline: due && r.deadlineStage ? { stage: r.deadlineStage, due } : null,
        awaiting: r.awaiting,
        colour: due ? this.rules.forDistrict(r.district, now).clock.colourAt(due, now) : null,
        filedAt: r.filedAt.toISOString(),
      };
    };
    return { total, items: rows.map(item) };
  }
}
