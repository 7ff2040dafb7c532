import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Principal, readScopeOf } from '@otr/auth';
import { chinaDate, Clock, loadChinaCalendar } from '@otr/kernel';
import { COMPLAINT_RULES, COMPLAINTS, CLOCK_TOKEN } from '../tokens';
import { ComplaintRepository, ComplaintRulesSource, QueueRow } from '../ports';
import { keysetPage } from '@otr/runtime';
import { queueKey } from '../ports';
import { QueueItem, WorkQueueQuery } from './work-queue.query';

/** The caller's scope, and the days that split green, amber and red for their jurisdiction. */
function queueBounds(p: Principal, rules: ComplaintRulesSource, now: Date) {
  const today = chinaDate(now);
  const ctx = rules.forDistrict(p.jurisdiction, now);
  const amberUntil = loadChinaCalendar().addWorkingDays(today, ctx.rules.reminderWorkingDaysBefore.value);
  const scope = readScopeOf(p);
  return { scope, bounds: { today, amberUntil } };
}

/** The dashboards' complaint figures: open complaints by SLA colour, in total and by district. */
export class ComplaintStatsQuery extends Query<{
  open: { green: number; amber: number; red: number };
  byDistrict: { district: string; green: number; amber: number; red: number }[];
}> {
  constructor(readonly principal: Principal) {
    super();
  }
}

@QueryHandler(ComplaintStatsQuery)
export class ComplaintStatsHandler implements IQueryHandler<ComplaintStatsQuery> {
  constructor(
    @Inject(COMPLAINTS) private readonly complaints: ComplaintRepository,
    @Inject(COMPLAINT_RULES) private readonly rules: ComplaintRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ principal }: ComplaintStatsQuery) {
    const { scope, bounds } = queueBounds(principal, this.rules, this.clock.now());
    const byDistrict = await this.complaints.openByColour(scope, bounds);
    const open = { green: 0, amber: 0, red: 0 };
    for (const d of byDistrict) for (const c of ['green', 'amber', 'red'] as const) open[c] += d[c];
    return { open, byDistrict };
  }
}

@QueryHandler(WorkQueueQuery)
export class WorkQueueHandler implements IQueryHandler<WorkQueueQuery> {
  constructor(
    @Inject(COMPLAINTS) private readonly complaints: ComplaintRepository,
    @Inject(COMPLAINT_RULES) private readonly rules: ComplaintRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ filter, principal: p }: WorkQueueQuery) {
    const now = this.clock.now();
    const { scope, bounds } = queueBounds(p, this.rules, now);
    const { total, rows } = await this.complaints.list(filter, scope, bounds);
    const page = keysetPage(rows, filter.pageSize, (r) => [queueKey(r), r.id]);
    const item = (r: QueueRow): QueueItem => {
      const due = r.deadline ? r.deadline.toISOString().slice(0, 10) : null;
      return {
        id: r.id,
        trackingNumber: r.trackingNumber,
        kind: r.kind as QueueItem['kind'],
        category: r.category as QueueItem['category'],
        status: r.status as QueueItem['status'],
        round: r.round as QueueItem['round'],
        subjectName: r.subjectName,
        district: r.district,
        lead: r.leadDepartment as QueueItem['lead'],
        transferTo: r.transferTo,
        supervisedBy: r.supervisedBy,
        deadline: due && r.deadlineStage ? { stage: r.deadlineStage as 'sign' | 'answer', due } : null,
        awaiting: r.awaiting as QueueItem['awaiting'],
        colour: due ? this.rules.forDistrict(r.district, now).clock.colourAt(due, now) : null,
        filedAt: r.filedAt.toISOString(),
      };
    };
    return { total, items: page.items.map(item), nextCursor: page.nextCursor };
  }
}
