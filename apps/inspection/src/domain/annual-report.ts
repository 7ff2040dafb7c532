import { z } from 'zod';
import { InspectionRuleViolated, InvalidState } from './errors';
import { Official, Subject } from './official';

/** Grades of the annual inspection (年检), best first. */
export const Grade = z.enum(['excellent', 'pass', 'basic-pass', 'fail']);
export type Grade = z.infer<typeof Grade>;

/** What the operator reports for the year: teaching, staff, finances, safety, complaints received. */
export const AnnualReportContent = z.object({
  teaching: z.object({
    courses: z.number().int().nonnegative(),
    students: z.number().int().nonnegative(),
    lessonsDelivered: z.number().int().nonnegative(),
  }),
  staff: z.object({
    teachers: z.number().int().nonnegative(),
    qualifiedTeachers: z.number().int().nonnegative(),
  }),
  finances: z.object({
    incomeFen: z.number().int().nonnegative(),
    refundsFen: z.number().int().nonnegative(),
    escrowBalanceFen: z.number().int().nonnegative(),
  }),
  safety: z.object({ fireInspectionPassed: z.boolean(), incidents: z.number().int().nonnegative() }),
  complaintsReceived: z.number().int().nonnegative(),
  notes: z.string().max(4000).optional(),
});
export type AnnualReportContent = z.infer<typeof AnnualReportContent>;

/** The configurable score sheet (rulebook 'inspection.scoreSheet'). */
export const ScoreSheet = z.object({
  indicators: z.array(z.object({ key: z.string(), name: z.string(), maxPoints: z.number() })),
  vetoItems: z.array(z.object({ key: z.string(), name: z.string() })),
});
export type ScoreSheet = z.infer<typeof ScoreSheet>;

export const GradeThresholds = z.object({ excellent: z.number(), pass: z.number(), basicPass: z.number() });
export type GradeThresholds = z.infer<typeof GradeThresholds>;

/** Rule values for grading, each with the document it rests on. */
export const GradingRules = z.object({
  sheet: ScoreSheet,
  thresholds: GradeThresholds,
  consecutiveFailsToRevoke: z.number().int(),
  excellentExemptYears: z.number().int(),
  source: z.object({ sheet: z.string(), thresholds: z.string(), revoke: z.string(), exempt: z.string() }),
});
export type GradingRules = z.infer<typeof GradingRules>;

export interface ScoreInput {
  /** Points per indicator key, 0 to the indicator's maximum. */
  scores: Record<string, number>;
  /** Veto items found; any one fails the report outright (一票否决). */
  vetoes: string[];
}

export const ScoreResult = z.object({ total: z.number(), grade: Grade, vetoes: z.array(z.string()) });
export type ScoreResult = z.infer<typeof ScoreResult>;

/** Scores a report on the sheet: every indicator scored within its points, vetoes fail outright. */
export function scoreReport(input: ScoreInput, rules: GradingRules): ScoreResult {
  const refuse = (field: string, rule: string) =>
    new InspectionRuleViolated(`${field}: ${rule}`, { field, rule, source: rules.source.sheet });
  const known = new Set(rules.sheet.indicators.map((i) => i.key));
  for (const key of Object.keys(input.scores))
    if (!known.has(key)) throw refuse(`scores.${key}`, 'not an indicator of the score sheet');
  for (const i of rules.sheet.indicators) {
    const points = input.scores[i.key];
    if (points === undefined) throw refuse(`scores.${i.key}`, `${i.name} must be scored`);
    if (points < 0 || points > i.maxPoints) throw refuse(`scores.${i.key}`, `0 to ${i.maxPoints} points`);
  }
  const vetoKeys = new Set(rules.sheet.vetoItems.map((v) => v.key));
  for (const v of input.vetoes) if (!vetoKeys.has(v)) throw refuse('vetoes', `${v} is not a veto item`);
  const total = Math.round(rules.sheet.indicators.reduce((a, i) => a + input.scores[i.key], 0) * 100) / 100;
  const t = rules.thresholds;
  const grade: Grade =
    input.vetoes.length > 0
      ? 'fail'
      : total >= t.excellent
        ? 'excellent'
        : total >= t.pass
          ? 'pass'
          : total >= t.basicPass
            ? 'basic-pass'
            : 'fail';
  return { total, grade, vetoes: [...new Set(input.vetoes)] };
}

/** What a grade sets in motion (DOMAIN.md, Annual inspection). */
export const GradeConsequences = z.object({
  exemptFromSpotChecksUntil: z.iso
    .date()
    .optional()
    .describe('Excellent: out of the random spot-check pool through this day.'),
  rectification: z.boolean().describe('Basic pass or fail: a rectification order (整改) with a deadline.'),
  proposeRevocation: z
    .boolean()
    .describe('The last N years in a row failed: license revocation is proposed.'),
});
export type GradeConsequences = z.infer<typeof GradeConsequences>;

/**
 * Consequences of a grade for year `year`, given the grades of earlier years. Only an unbroken
 * run of failed years ending with this one counts toward revocation.
 */
export function consequencesOf(
  year: number,
  grade: Grade,
  earlier: { year: number; grade: Grade }[],
  rules: Pick<GradingRules, 'consecutiveFailsToRevoke' | 'excellentExemptYears'>,
): GradeConsequences {
  const byYear = new Map(earlier.map((e) => [e.year, e.grade]));
  let run = grade === 'fail' ? 1 : 0;
  while (run > 0 && byYear.get(year - run) === 'fail') run++;
  return {
    ...(grade === 'excellent'
      ? { exemptFromSpotChecksUntil: `${year + rules.excellentExemptYears}-12-31` }
      : {}),
    rectification: grade === 'basic-pass' || grade === 'fail',
    proposeRevocation: run >= rules.consecutiveFailsToRevoke,
  };
}

/** An annual report (年报) and, once graded, its grading (年检). */
export const AnnualReportState = z.object({
  id: z.uuid(),
  subject: Subject.extend({ licenseId: z.string() }),
  year: z.number().int(),
  content: AnnualReportContent,
  status: z.enum(['submitted', 'graded']),
  submittedOn: z.iso.date(),
  grading: ScoreResult.extend({
    scores: z.record(z.string(), z.number()),
    gradedBy: z.string(),
    gradedOn: z.iso.date(),
  })
    .extend(GradeConsequences.shape)
    .optional(),
  version: z.number().int(),
});
export type AnnualReportState = z.infer<typeof AnnualReportState>;

export type AnnualReportEvent =
  | { type: 'AnnualReportSubmitted'; year: number; submittedOn: string }
  | ({
      type: 'AnnualReportGraded';
      scores: Record<string, number>;
      gradedBy: string;
      gradedOn: string;
    } & ScoreResult &
      GradeConsequences);

/** decide: a licensed institution reports on a year that has begun, once per year. */
export function submitReport(
  input: { id: string; subject: Subject & { licenseId: string }; year: number; content: AnnualReportContent },
  today: string,
  alreadySubmitted: boolean,
): AnnualReportEvent[] {
  if (input.year > Number(today.slice(0, 4)))
    throw new InspectionRuleViolated(`the year ${input.year} has not begun`, {
      field: 'year',
      rule: 'an annual report covers a year that has begun',
    });
  if (alreadySubmitted)
    throw new InvalidState(`submit a second report for ${input.year}`, 'already submitted');
  return [{ type: 'AnnualReportSubmitted', year: input.year, submittedOn: today }];
}

/** decide: an approver scores a submitted report; the grade and its consequences are fixed together. */
export function gradeReport(
  s: AnnualReportState,
  input: ScoreInput,
  rules: GradingRules,
  earlier: { year: number; grade: Grade }[],
  by: Official,
  today: string,
): AnnualReportEvent[] {
  if (s.status !== 'submitted') throw new InvalidState('grade a report', s.status);
  const result = scoreReport(input, rules);
  return [
    {
      type: 'AnnualReportGraded',
      scores: input.scores,
      ...result,
      ...consequencesOf(s.year, result.grade, earlier, rules),
      gradedBy: by.userId,
      gradedOn: today,
    },
  ];
}

export function evolveAnnualReport(s: AnnualReportState, e: AnnualReportEvent): AnnualReportState {
  switch (e.type) {
    case 'AnnualReportSubmitted':
      return { ...s, status: 'submitted', submittedOn: e.submittedOn };
    case 'AnnualReportGraded': {
      const { type: _type, ...grading } = e;
      return { ...s, status: 'graded', grading };
    }
  }
}
