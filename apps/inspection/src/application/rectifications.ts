import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SYSTEM_ACTOR } from '@otr/contracts';
import { chinaDate, Clock, newId, WorkingDayCalendar } from '@otr/kernel';
import { addMonths, BlacklistEntryState, listOnBlacklist } from '../domain/blacklist';
import {
  checkOverdue,
  orderRectification,
  RectificationEvent,
  RectificationState,
  reportRectification,
  verifyRectification,
} from '../domain/rectification';
import { Evidence } from '../domain/violation';
import {
  Change,
  EVIDENCE,
  EvidenceStore,
  InspectionRulesSource,
  InspectionStore,
  RULES,
  STORE,
} from './ports';
import { applyEvents, assertEvidenceStored, Ctx, decideOn, violationsOfOneSubject } from './support';
import { CALENDAR_TOKEN, CLOCK_TOKEN } from './tokens';

/** An inspector orders rectification (责令整改) of logged violations; the deadline is in working days. */
export class OrderRectificationCommand extends Command<RectificationState> {
  constructor(
    readonly violationIds: string[],
    readonly requirements: string,
    /** Defaults to the rulebook's 'inspection.rectificationWorkingDays'. */
    readonly workingDays: number | undefined,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

export class ReportRectificationCommand extends Command<RectificationState> {
  constructor(
    readonly rectificationId: string,
    readonly description: string,
    readonly evidence: Evidence[],
    readonly ctx: Ctx,
  ) {
    super();
  }
}

export class VerifyRectificationCommand extends Command<RectificationState> {
  constructor(
    readonly rectificationId: string,
    readonly passed: boolean,
    readonly note: string,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

/** Marks every order past its deadline overdue, with a black-list entry and training ban each. */
export class SweepOverdueRectificationsCommand extends Command<{ overdue: string[] }> {
  constructor(readonly correlationId: string) {
    super();
  }
}

@CommandHandler(OrderRectificationCommand)
export class OrderRectificationHandler implements ICommandHandler<OrderRectificationCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(RULES) private readonly rules: InspectionRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
    @Inject(CALENDAR_TOKEN) private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute({ violationIds, requirements, workingDays, ctx }: OrderRectificationCommand) {
    const [{ subject }] = await violationsOfOneSubject(this.store, violationIds, ctx.by, 'order');
    const now = this.clock.now();
    const today = chinaDate(now);
    const days = workingDays ?? this.rules.forDistrict(subject.district, now).rectificationWorkingDays;
    const order: RectificationState = {
      id: newId(),
      subject,
      basis: { kind: 'violations', violationIds },
      requirements,
      orderedBy: ctx.by.userId,
      orderedOn: today,
      workingDays: days,
      dueBy: '',
      status: 'ordered',
      reports: [],
      version: 0,
    };
    const { change, next } = applyEvents(
      'rectification',
      order,
      orderRectification(days, today, this.calendar),
    );
    await this.store.commit([change], ctx.origin);
    return next;
  }
}

@CommandHandler(ReportRectificationCommand)
export class ReportRectificationHandler implements ICommandHandler<ReportRectificationCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(EVIDENCE) private readonly evidenceStore: EvidenceStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ rectificationId, description, evidence, ctx }: ReportRectificationCommand) {
    await assertEvidenceStored(this.evidenceStore, evidence);
    const now = this.clock.now();
    // The domain lets only the institution under the order report on it.
    return decideOn(
      this.store,
      'rectification',
      rectificationId,
      ctx,
      (s) =>
        reportRectification(
          s,
          { description, evidence, by: ctx.by.userId, institutionId: ctx.by.institutionId },
          now,
          chinaDate(now),
        ),
      { inJurisdiction: false },
    );
  }
}

/** The black-list entry that follows an overdue order: listed with the training ban until credit repair. */
async function overdueConsequences(
  store: InspectionStore,
  rules: InspectionRulesSource,
  order: RectificationState,
  events: RectificationEvent[],
  now: Date,
): Promise<Change[]> {
  const overdue = events.find((e) => e.type === 'RectificationOverdue');
  if (!overdue) return [];
  const today = chinaDate(now);
  const removal = rules.forDistrict(order.subject.district, now).blacklistRemovalMonths;
  const entry: BlacklistEntryState = {
    id: overdue.blacklistEntryId,
    subject: order.subject,
    reason: `逾期未整改（整改期限${order.dueBy}）：${order.requirements}`,
    source: { kind: 'rectification-overdue', rectificationId: order.id },
    decisionNumber: await store.nextDecisionNumber(
      'blacklist',
      order.subject.district,
      Number(today.slice(0, 4)),
    ),
    listedOn: today,
    removableOn: addMonths(today, removal.months),
    trainingBan: true,
    status: 'listed',
    version: 0,
  };
  return [applyEvents('blacklist', entry, listOnBlacklist(entry, removal.source)).change];
}

@CommandHandler(VerifyRectificationCommand)
export class VerifyRectificationHandler implements ICommandHandler<VerifyRectificationCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(RULES) private readonly rules: InspectionRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  execute({ rectificationId, passed, note, ctx }: VerifyRectificationCommand) {
    const now = this.clock.now();
    return decideOn(
      this.store,
      'rectification',
      rectificationId,
      ctx,
      (s) => verifyRectification(s, { passed, note }, ctx.by, chinaDate(now), newId()),
      { also: (s, events) => overdueConsequences(this.store, this.rules, s, events, now) },
    );
  }
}

@CommandHandler(SweepOverdueRectificationsCommand)
export class SweepOverdueRectificationsHandler implements ICommandHandler<SweepOverdueRectificationsCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(RULES) private readonly rules: InspectionRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ correlationId }: SweepOverdueRectificationsCommand) {
    const now = this.clock.now();
    const today = chinaDate(now);
    const overdue: string[] = [];
    for (const id of await this.store.overdueRectifications(today)) {
      const s = await this.store.load('rectification', id);
      const events = checkOverdue(s, today, newId());
      if (events.length === 0) continue;
      const { change } = applyEvents('rectification', s, events);
      await this.store.commit(
        [change, ...(await overdueConsequences(this.store, this.rules, s, events, now))],
        {
          actor: SYSTEM_ACTOR,
          correlationId,
        },
      );
      overdue.push(id);
    }
    return { overdue };
  }
}

export const rectificationHandlers = [
  OrderRectificationHandler,
  ReportRectificationHandler,
  VerifyRectificationHandler,
  SweepOverdueRectificationsHandler,
];
