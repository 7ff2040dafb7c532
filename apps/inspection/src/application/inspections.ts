import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { chinaDate, Clock, newId } from '@otr/kernel';
import { InspectionRuleViolated } from '../domain/errors';
import {
  ChecklistItem,
  closeInspection,
  InspectionState,
  linkViolation,
  recordChecklist,
  scheduleInspection,
} from '../domain/inspection';
import { assertJurisdiction, Subject } from '../domain/official';
import { Evidence, recordViolation, Severity, ViolationCode, ViolationState } from '../domain/violation';
import { EVIDENCE, EvidenceStore, InspectionRulesSource, InspectionStore, RULES, STORE } from './ports';
import { applyEvents, assertEvidenceStored, Ctx, decideOn, licensedSubject } from './support';
import { CLOCK_TOKEN } from './tokens';

/** An official opens an inspection of a licensed institution, to be scheduled (routine or on a tip). */
export class OpenInspectionCommand extends Command<InspectionState> {
  constructor(
    readonly institutionId: string,
    readonly detail: string,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

/** Assigns inspectors from the roster and a day. */
export class ScheduleInspectionCommand extends Command<InspectionState> {
  constructor(
    readonly inspectionId: string,
    readonly inspectorIds: string[],
    readonly scheduledFor: string,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

export class RecordChecklistCommand extends Command<InspectionState> {
  constructor(
    readonly inspectionId: string,
    readonly checklist: ChecklistItem[],
    readonly ctx: Ctx,
  ) {
    super();
  }
}

export class CloseInspectionCommand extends Command<InspectionState> {
  constructor(
    readonly inspectionId: string,
    readonly findings: string,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

/** What a violation is about: the inspection's subject, a licensed institution, or an unlicensed operator. */
export type ViolationTarget =
  | { inspectionId: string }
  | { institutionId: string }
  | { unlicensed: { name: string; address: string; district: string } };

export class RecordViolationCommand extends Command<ViolationState> {
  constructor(
    readonly target: ViolationTarget,
    readonly details: { code: ViolationCode; severity: Severity; description: string; evidence: Evidence[] },
    readonly ctx: Ctx,
  ) {
    super();
  }
}

@CommandHandler(OpenInspectionCommand)
export class OpenInspectionHandler implements ICommandHandler<OpenInspectionCommand> {
  constructor(@Inject(STORE) private readonly store: InspectionStore) {}

  async execute({ institutionId, detail, ctx }: OpenInspectionCommand) {
    const subject = await licensedSubject(this.store, institutionId);
    assertJurisdiction(ctx.by, subject.district);
    const lead: InspectionState = {
      id: newId(),
      subject,
      trigger: { kind: 'routine', detail },
      status: 'to-schedule',
      inspectors: [],
      checklist: [],
      violationIds: [],
      version: 0,
    };
    const { change, next } = applyEvents('inspection', lead, [{ type: 'LeadOpened' }]);
    await this.store.commit([change], ctx.origin);
    return next;
  }
}

@CommandHandler(ScheduleInspectionCommand)
export class ScheduleInspectionHandler implements ICommandHandler<ScheduleInspectionCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(RULES) private readonly rules: InspectionRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ inspectionId, inspectorIds, scheduledFor, ctx }: ScheduleInspectionCommand) {
    const s = await this.store.load('inspection', inspectionId);
    assertJurisdiction(ctx.by, s.subject.district);
    const roster = await this.store.roster(s.subject.district);
    const inspectors = inspectorIds.map((id, i) => {
      const member = roster.find((r) => r.userId === id);
      if (!member)
        throw new InspectionRuleViolated(`${id} is not on the inspector roster for ${s.subject.district}`, {
          field: `inspectorIds.${i}`,
          rule: 'inspectors come from the roster',
        });
      if (member.conflicts.includes(s.subject.institutionId))
        throw new InspectionRuleViolated(`${id} has a conflict of interest with ${s.subject.name}`, {
          field: `inspectorIds.${i}`,
          rule: 'no inspector with a conflict of interest (回避)',
          source: '《中华人民共和国行政处罚法》（2021年修订）第四十三条',
        });
      return { userId: member.userId, department: member.department };
    });
    const now = this.clock.now();
    const { minInspectors } = this.rules.forDistrict(s.subject.district, now);
    const { change, next } = applyEvents(
      'inspection',
      s,
      scheduleInspection(s, inspectors, scheduledFor, minInspectors, chinaDate(now)),
    );
    await this.store.commit([change], ctx.origin);
    return next;
  }
}

@CommandHandler(RecordChecklistCommand)
export class RecordChecklistHandler implements ICommandHandler<RecordChecklistCommand> {
  constructor(@Inject(STORE) private readonly store: InspectionStore) {}

  execute({ inspectionId, checklist, ctx }: RecordChecklistCommand) {
    // The domain lets only an assigned inspector fill it.
    return decideOn(
      this.store,
      'inspection',
      inspectionId,
      ctx,
      (s) => recordChecklist(s, checklist, ctx.by),
      {
        inJurisdiction: false,
      },
    );
  }
}

@CommandHandler(CloseInspectionCommand)
export class CloseInspectionHandler implements ICommandHandler<CloseInspectionCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  execute({ inspectionId, findings, ctx }: CloseInspectionCommand) {
    const today = chinaDate(this.clock.now());
    return decideOn(
      this.store,
      'inspection',
      inspectionId,
      ctx,
      (s) => closeInspection(s, findings, ctx.by, today),
      { inJurisdiction: false },
    );
  }
}

@CommandHandler(RecordViolationCommand)
export class RecordViolationHandler implements ICommandHandler<RecordViolationCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(EVIDENCE) private readonly evidence: EvidenceStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ target, details, ctx }: RecordViolationCommand) {
    const now = this.clock.now();
    const id = newId();
    const inspection =
      'inspectionId' in target ? await this.store.load('inspection', target.inspectionId) : undefined;
    const subject = inspection?.subject ?? (await this.subjectOf(target, id));
    assertJurisdiction(ctx.by, subject.district);
    await assertEvidenceStored(this.evidence, details.evidence);
    const violation: ViolationState = {
      id,
      ...(inspection ? { inspectionId: inspection.id } : {}),
      subject,
      ...details,
      recordedBy: ctx.by.userId,
      recordedAt: now.toISOString(),
      version: 0,
    };
    const changes = [applyEvents('violation', violation, recordViolation(violation, now)).change];
    if (inspection)
      changes.push(applyEvents('inspection', inspection, linkViolation(inspection, id, ctx.by)).change);
    await this.store.commit(changes, ctx.origin);
    return violation;
  }

  private subjectOf(target: ViolationTarget, violationId: string): Promise<Subject> | Subject {
    // An unlicensed operator has no institution id: the first record about it names it.
    if ('unlicensed' in target) return { institutionId: violationId, ...target.unlicensed };
    return licensedSubject(this.store, (target as { institutionId: string }).institutionId);
  }
}

export const inspectionHandlers = [
  OpenInspectionHandler,
  ScheduleInspectionHandler,
  RecordChecklistHandler,
  CloseInspectionHandler,
  RecordViolationHandler,
];
