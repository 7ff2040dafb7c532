import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { chinaDate, Clock, newId, WorkingDayCalendar } from '@otr/kernel';
import {
  AnnualReportContent,
  AnnualReportState,
  gradeReport,
  ScoreInput,
  submitReport,
} from '../domain/annual-report';
import { InspectionRuleViolated, NotAllowed } from '../domain/errors';
import { assertJurisdiction } from '../domain/official';
import { PENALTY_TYPES, PenaltyState, proposePenalty } from '../domain/penalty';
import { orderRectification, RectificationState } from '../domain/rectification';
import { InspectionRulesSource, InspectionStore, RULES, STORE } from './ports';
import { applyEvents, Ctx, subjectOf } from './support';
import { CALENDAR_TOKEN, CLOCK_TOKEN } from './tokens';

/** The operator submits the institution's annual report (年报) for a year. */
export class SubmitAnnualReportCommand extends Command<AnnualReportState> {
  constructor(
    readonly year: number,
    readonly content: AnnualReportContent,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

/** An approver scores a report on the sheet; the grade's consequences are ordered in the same step. */
export class GradeAnnualReportCommand extends Command<AnnualReportState> {
  constructor(
    readonly reportId: string,
    readonly input: ScoreInput,
    readonly ctx: Ctx,
  ) {
    super();
  }
}

@CommandHandler(SubmitAnnualReportCommand)
export class SubmitAnnualReportHandler implements ICommandHandler<SubmitAnnualReportCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
  ) {}

  async execute({ year, content, ctx }: SubmitAnnualReportCommand) {
    const institutionId = ctx.by.institutionId;
    const institution = institutionId ? await this.store.institution(institutionId) : undefined;
    if (!institution)
      throw new NotAllowed('only the operator of a licensed institution submits its annual report', {
        field: 'institutionId',
      });
    if (institution.licenseStatus !== 'active' && institution.licenseStatus !== 'suspended')
      throw new InspectionRuleViolated(`the license is ${institution.licenseStatus}`, {
        field: 'license',
        rule: 'a licensed institution submits annual reports',
      });
    const today = chinaDate(this.clock.now());
    const draft: AnnualReportState = {
      id: newId(),
      subject: subjectOf(institution),
      year,
      content,
      status: 'submitted',
      submittedOn: today,
      version: 0,
    };
    const events = submitReport(draft, today, await this.store.reportExists(institution.licenseId, year));
    const { change, next } = applyEvents('annual-report', draft, events);
    await this.store.commit([change], ctx.origin);
    return next;
  }
}

@CommandHandler(GradeAnnualReportCommand)
export class GradeAnnualReportHandler implements ICommandHandler<GradeAnnualReportCommand> {
  constructor(
    @Inject(STORE) private readonly store: InspectionStore,
    @Inject(RULES) private readonly rules: InspectionRulesSource,
    @Inject(CLOCK_TOKEN) private readonly clock: Clock,
    @Inject(CALENDAR_TOKEN) private readonly calendar: WorkingDayCalendar,
  ) {}

  async execute({ reportId, input, ctx }: GradeAnnualReportCommand) {
    const report = await this.store.load('annual-report', reportId);
    assertJurisdiction(ctx.by, report.subject.district);
    const now = this.clock.now();
    const today = chinaDate(now);
    const rules = this.rules.forDistrict(report.subject.district, now);
    const earlier = await this.store.earlierGrades(report.subject.licenseId, report.year);
    const graded = applyEvents(
      'annual-report',
      report,
      gradeReport(report, input, rules.grading, earlier, ctx.by, today),
    );
    const result = graded.next.grading!;
    const changes = [graded.change];
    if (result.rectification) {
      const order: RectificationState = {
        id: newId(),
        subject: report.subject,
        basis: { kind: 'annual-report', reportId: report.id, grade: result.grade },
        requirements: `${report.year}年度年检${result.grade === 'fail' ? '不合格' : '基本合格'}（${result.total}分）：按评分表扣分项及否决项整改`,
        orderedBy: ctx.by.userId,
        orderedOn: today,
        workingDays: rules.rectificationWorkingDays,
        dueBy: '',
        status: 'ordered',
        reports: [],
        version: 0,
      };
      changes.push(
        applyEvents(
          'rectification',
          order,
          orderRectification(rules.rectificationWorkingDays, today, this.calendar),
        ).change,
      );
    }
    if (result.proposeRevocation) {
      // The grader proposes; another official decides (two-person rule).
      const proposal: PenaltyState = {
        id: newId(),
        subject: report.subject,
        violationIds: [],
        type: 'revoke-license',
        legalBasis: `${PENALTY_TYPES['revoke-license'].article}；${rules.grading.source.revoke}`,
        reasons: `连续${rules.grading.consecutiveFailsToRevoke}年年检不合格（${report.year}年度${result.total}分）`,
        proposedBy: {
          userId: ctx.by.userId,
          ...(ctx.by.department ? { department: ctx.by.department } : {}),
        },
        proposedOn: today,
        status: 'proposed',
        version: 0,
      };
      changes.push(applyEvents('penalty', proposal, proposePenalty(proposal)).change);
    }
    await this.store.commit(changes, ctx.origin);
    return graded.next;
  }
}

export const annualReportHandlers = [SubmitAnnualReportHandler, GradeAnnualReportHandler];
