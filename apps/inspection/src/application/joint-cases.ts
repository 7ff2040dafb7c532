import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { chinaDate, Clock, newId, WorkingDayCalendar } from '@otr/kernel';
import { closeJointCase, completeCaseTask, JointCaseState, openJointCase } from '../domain/joint-case';
import { assertJurisdiction, Subject } from '../domain/official';
import { InspectionStore, STORE } from './ports';
import { applyEvents, Ctx, decideOn, licensedSubject } from './support';
import { CALENDAR_TOKEN, CLOCK_TOKEN } from './tokens';

export interface CaseOpening {
  subject: { institutionId: string } | { name: string; address: string; district: string };
  summary: string;
  /** Each department's task; the deadline is a date, or working days from today. */
  tasks: ({ department: string; legalBasis: string } & ({ dueBy: string } | { workingDays: number }))[];
}

/** A task-force coordinator opens a joint case (联合执法) with a task per department. */
export class OpenJointCaseCommand extends Command<JointCaseState> {
  constructor(
    readonly opening: CaseOpening,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

export class CompleteCaseTaskCommand extends Command<JointCaseState> {
  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly findings: string,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

export class CloseJointCaseCommand extends Command<JointCaseState> {
  constructor(
    readonly caseId: string,
    readonly conclusion: string,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

@CommandHandler(OpenJointCaseCommand)
export class OpenJointCaseHandler implements ICommandHandler<OpenJointCaseCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
    @Inject(CALENDAR_TOKEN) private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute({ opening, ctx }: OpenJointCaseCommand) {
    const id = newId();
    const subject = await this.subjectOf(opening.subject, id);
    assertJurisdiction(ctx.by, subject.district);
    const today = chinaDate(this.clock.now());
    const tasks = opening.tasks.map((t) => ({
      id: newId(),
      department: t.department,
      legalBasis: t.legalBasis,
      dueBy: 'dueBy' in t ? t.dueBy : this.calendar.addWorkingDays(today, t.workingDays),
    }));
    const state: JointCaseState = {
      id,
      subject,
      summary: opening.summary,
      openedBy: ctx.by.userId,
      openedOn: today,
      tasks: tasks.map((t) => ({ ...t, status: 'open' })),
      status: 'open',
      version: 0,
    };
    const { change, next } = applyEvents('joint-case', state, openJointCase(tasks, today));
    await this.store.commit([change], ctx.origin);
    return next;
  }

  private subjectOf(s: CaseOpening['subject'], caseId: string): Promise<Subject> | Subject {
    // An unlicensed operator at an address: the case names it.
    return 'institutionId' in s
      ? licensedSubject(this.store, s.institutionId)
      : { institutionId: caseId, ...s };
  }
}

@CommandHandler(CompleteCaseTaskCommand)
export class CompleteCaseTaskHandler implements ICommandHandler<CompleteCaseTaskCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  execute({ caseId, taskId, findings, ctx }: CompleteCaseTaskCommand) {
    const today = chinaDate(this.clock.now());
    return decideOn(this.store, 'joint-case', caseId, ctx, (s) =>
      completeCaseTask(s, taskId, findings, ctx.by, today),
    );
  }
}

@CommandHandler(CloseJointCaseCommand)
export class CloseJointCaseHandler implements ICommandHandler<CloseJointCaseCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  execute({ caseId, conclusion, ctx }: CloseJointCaseCommand) {
    const today = chinaDate(this.clock.now());
    return decideOn(this.store, 'joint-case', caseId, ctx, (s) =>
      closeJointCase(s, conclusion, ctx.by, today),
    );
  }
}

export const jointCaseHandlers = [OpenJointCaseHandler, CompleteCaseTaskHandler, CloseJointCaseHandler];
