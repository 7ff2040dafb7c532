import { defaultRulebook } from '@otr/rules';
import {
  AnnualReportState,
  consequencesOf,
  evolveAnnualReport,
  gradeReport,
  GradingRules,
  scoreReport,
  submitReport,
} from './annual-report';
import { InspectionRuleViolated, InvalidState } from './errors';

const at = { jurisdiction: 'CN-ZJ-HZ-XH', on: '2026-11-22' };
const book = defaultRulebook();
const rules: GradingRules = {
  sheet: book.get('inspection.scoreSheet', at),
  thresholds: book.get('inspection.gradeThresholds', at),
  consecutiveFailsToRevoke: book.get('inspection.consecutiveFailsToRevoke', at),
  excellentExemptYears: book.get('inspection.excellentExemptYears', at),
  source: { sheet: 'sheet', thresholds: 'thresholds', revoke: 'revoke', exempt: 'exempt' },
};
/** Scores every indicator at the same share of its maximum. */
const scored = (share: number) =>
  Object.fromEntries(rules.sheet.indicators.map((i) => [i.key, i.maxPoints * share]));

const report: AnnualReportState = {
  id: 'r',
  subject: { institutionId: 'i', licenseId: 'l', name: '启航艺术培训', district: 'CN-ZJ-HZ-XH' },
  year: 2025,
  content: {
    teaching: { courses: 4, students: 120, lessonsDelivered: 900 },
    staff: { teachers: 8, qualifiedTeachers: 8 },
    finances: { incomeFen: 90_000_000, refundsFen: 1_200_000, escrowBalanceFen: 30_000_000 },
    safety: { fireInspectionPassed: true, incidents: 0 },
    complaintsReceived: 1,
  },
  status: 'submitted',
  submittedOn: '2026-01-20',
  version: 1,
};
const approver = { userId: 'a', department: 'education', jurisdiction: 'CN-ZJ-HZ-XH' };

describe('scoring an annual report on the sheet', () => {
  it('given the rulebook sheet, its indicators total 100 points', () => {
    expect(rules.sheet.indicators.reduce((a, i) => a + i.maxPoints, 0)).toBe(100);
  });

  it.each([
    [0.9, 'excellent'],
    [0.89, 'pass'],
    [0.7, 'pass'],
    [0.69, 'basic-pass'],
    [0.6, 'basic-pass'],
    [0.59, 'fail'],
  ])('when every indicator scores %s of its points, then the grade is %s', (share, grade) => {
    expect(scoreReport({ scores: scored(share), vetoes: [] }, rules).grade).toBe(grade);
  });

  it('when a veto item is found, then the report fails whatever its score', () => {
    const r = scoreReport({ scores: scored(1), vetoes: ['false-report'] }, rules);
    expect(r).toEqual({ total: 100, grade: 'fail', vetoes: ['false-report'] });
  });

  it('refuses a missing, unknown or out-of-range score, and an unknown veto, naming the field', () => {
    const { qualification: _q, ...missing } = scored(1);
    expect(() => scoreReport({ scores: missing, vetoes: [] }, rules)).toThrow(
      expect.objectContaining({ citation: expect.objectContaining({ field: 'scores.qualification' }) }),
    );
    expect(() => scoreReport({ scores: { ...scored(1), extra: 1 }, vetoes: [] }, rules)).toThrow(
      InspectionRuleViolated,
    );
    expect(() => scoreReport({ scores: { ...scored(1), qualification: 16 }, vetoes: [] }, rules)).toThrow(
      /0 to 15 points/,
    );
    expect(() => scoreReport({ scores: scored(1), vetoes: ['bad-mood'] }, rules)).toThrow(/not a veto item/);
  });
});

describe('grade consequences', () => {
  it('excellent: out of the spot-check pool through the end of the next year, no rectification', () => {
    expect(consequencesOf(2025, 'excellent', [], rules)).toEqual({
      exemptFromSpotChecksUntil: '2026-12-31',
      rectification: false,
      proposeRevocation: false,
    });
  });

  it('basic pass or fail: rectification ordered', () => {
    expect(consequencesOf(2025, 'basic-pass', [], rules).rectification).toBe(true);
    expect(consequencesOf(2025, 'fail', [], rules).rectification).toBe(true);
    expect(consequencesOf(2025, 'pass', [], rules).rectification).toBe(false);
  });

  it('three consecutive fails: revocation proposed; a broken run does not count', () => {
    const fails = [
      { year: 2024, grade: 'fail' as const },
      { year: 2023, grade: 'fail' as const },
    ];
    expect(consequencesOf(2025, 'fail', fails, rules).proposeRevocation).toBe(true);
    expect(consequencesOf(2025, 'basic-pass', fails, rules).proposeRevocation).toBe(false);
    expect(
      consequencesOf(
        2025,
        'fail',
        [
          { year: 2024, grade: 'fail' },
          { year: 2022, grade: 'fail' },
        ],
        rules,
      ).proposeRevocation,
    ).toBe(false);
  });
});

describe('an annual report', () => {
  it('is submitted once per year, for a year that has begun', () => {
    const input = { id: 'r', subject: report.subject, year: 2025, content: report.content };
    expect(submitReport(input, '2026-01-20', false)).toEqual([
      { type: 'AnnualReportSubmitted', year: 2025, submittedOn: '2026-01-20' },
    ]);
    expect(() => submitReport(input, '2026-01-20', true)).toThrow(InvalidState);
    expect(() => submitReport({ ...input, year: 2027 }, '2026-01-20', false)).toThrow(/has not begun/);
  });

  it('when graded, then it records scores, grade and consequences, and cannot be graded again', () => {
    const events = gradeReport(
      report,
      { scores: scored(0.65), vetoes: [] },
      rules,
      [],
      approver,
      '2026-03-01',
    );
    const graded = events.reduce(evolveAnnualReport, report);
    expect(graded.status).toBe('graded');
    expect(graded.grading).toMatchObject({
      grade: 'basic-pass',
      total: 65,
      rectification: true,
      gradedBy: 'a',
    });
    expect(() =>
      gradeReport(graded, { scores: scored(1), vetoes: [] }, rules, [], approver, '2026-03-02'),
    ).toThrow(InvalidState);
  });
});
