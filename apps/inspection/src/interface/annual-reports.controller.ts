import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { CurrentPrincipal, Principal, Roles } from '@otr/auth';
import { Returns, UuidPipe, ZodPipe } from '@otr/runtime';
import { GradeAnnualReportCommand, SubmitAnnualReportCommand } from '../application/annual-reports';
import { InspectionRulesSource, RULES } from '../application/ports';
import { AnnualReportContent, AnnualReportState, GradingRules } from '../domain/annual-report';
import { ctxOf, READERS_AND_OPERATOR, RecordReads } from './http';

const Submission = z
  .object({ year: z.number().int().min(2000).max(2100), content: AnnualReportContent })
  .meta({
    examples: [
      {
        year: 2025,
        content: {
          teaching: { courses: 6, students: 320, lessonsDelivered: 2400 },
          staff: { teachers: 18, qualifiedTeachers: 18 },
          finances: { incomeFen: 186_000_000, refundsFen: 3_200_000, escrowBalanceFen: 41_500_000 },
          safety: { fireInspectionPassed: true, incidents: 0 },
          complaintsReceived: 2,
          notes: '杭州市西湖区文三路校区，全年无安全事故',
        },
      },
    ],
  });
const Scoring = z.object({
  scores: z.record(z.string(), z.number().min(0).max(100)),
  vetoes: z.array(z.string()).default([]),
});
type SubmissionInput = z.infer<typeof Submission>;
type ScoringInput = z.infer<typeof Scoring>;

/** Annual reports (年报) and their scoring (年检). */
@Controller('annual-reports')
export class AnnualReportsController extends RecordReads('annual-report', READERS_AND_OPERATOR) {
  constructor(
    private readonly commands: CommandBus,
    @Inject(RULES) private readonly rules: InspectionRulesSource,
  ) {
    super();
  }

  @Post()
  @Roles('institution-operator')
  @Returns(AnnualReportState)
  submit(@Body(new ZodPipe(Submission)) body: SubmissionInput, @CurrentPrincipal() p: Principal) {
    return this.commands.execute(new SubmitAnnualReportCommand(body.year, body.content, ctxOf(p)));
  }

  /** The score sheet and grade thresholds in force for the caller's jurisdiction, with their sources. */
  @Get('score-sheet')
  @Roles('approver', 'inspector', 'viewer', 'administrator')
  @Returns(GradingRules)
  scoreSheet(@CurrentPrincipal() p: Principal) {
    return this.rules.forDistrict(p.jurisdiction, new Date()).grading;
  }

  @Post(':id/grade')
  @HttpCode(200)
  @Roles('approver')
  @Returns(AnnualReportState)
  grade(
    @Param('id', new UuidPipe()) id: string,
    @Body(new ZodPipe(Scoring)) body: ScoringInput,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.commands.execute(new GradeAnnualReportCommand(id, body, ctxOf(p)));
  }
}
