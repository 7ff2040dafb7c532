import { z } from 'zod';
import { isCalendarDate } from '@otr/kernel';

// Units are in the names: …WorkingDays count on the working-day calendar, …Days are calendar
// days, money is integer fen (分), areas are m², times are Beijing wall-clock 'HH:mm'.
const positiveInt = z.number().int().positive();
const fen = z.number().int().nonnegative();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');
const day = z.string().refine(isCalendarDate, 'expected YYYY-MM-DD');
const countWithin = z.object({ count: positiveInt, withinDays: positiveInt });
const range = (n: z.ZodNumber) =>
  z.object({ min: n, max: n }).refine((r) => r.min <= r.max, 'min must not exceed max');
/** Base price per standard lesson by class size: < 10, 10–35, > 35 students. */
const pricesByClassSize = z.object({
  lessonMinutes: positiveInt,
  under10: fen,
  from10To35: fen,
  over35: fen,
});

/** Every parameter DOMAIN.md leaves to a jurisdiction, with the schema of its value. */
export const RuleKeys = {
  // Licensing (办学许可)
  'licensing.newSubjectApprovalsAllowed': z.boolean(),
  'licensing.validityYears': positiveInt,
  /** Days before expiry to remind the operator, e.g. [90, 30]. */
  'licensing.expiryReminderDays': z.array(positiveInt).min(1),
  'licensing.review.acceptWorkingDays': positiveInt,
  'licensing.review.opinionWorkingDays': positiveInt,
  'licensing.review.decideWorkingDays': positiveInt,
  /**
   * What an application must carry before it may be approved, by category (学科类, 体育类, 文化艺术类,
   * 科技类): the documents always, and for training on site (offline) also the venue's documents and
   * a conforming site visit (实地核查); the departments whose opinion (联合审查) must be given.
   */
  'licensing.approvalRequirements': z.record(
    z.enum(['subject', 'sports', 'arts', 'science-tech']),
    z.object({
      documents: z.array(z.string().min(1)),
      offline: z.object({ documents: z.array(z.string().min(1)), siteVisit: z.boolean() }),
      opinions: z.array(z.string().min(1)),
    }),
  ),
  'venue.minAreaPerStudent': z.number().positive(),
  'venue.minTotalArea': z.number().nonnegative(),
  'venue.minLeaseYears': z.number().nonnegative(),
  'venue.noResidentialOrBasementUnder12': z.boolean(),

  // Annual inspection (年检) and spot checks (双随机一公开)
  /** Lowest score of each grade; below basicPass fails. */
  'inspection.gradeThresholds': z
    .object({ excellent: z.number().max(100), pass: z.number(), basicPass: z.number().min(0) })
    .refine((g) => g.excellent > g.pass && g.pass > g.basicPass, 'expected excellent > pass > basicPass'),
  /**
   * The annual-report score sheet: indicators with their maximum points (summing to 100) and
   * veto items (一票否决) that fail a report outright whatever its score.
   */
  'inspection.scoreSheet': z
    .object({
      indicators: z
        .array(
          z.object({ key: z.string().min(1), name: z.string().min(1), maxPoints: z.number().positive() }),
        )
        .min(1),
      vetoItems: z.array(z.object({ key: z.string().min(1), name: z.string().min(1) })),
    })
    .refine(
      (s) => s.indicators.reduce((a, i) => a + i.maxPoints, 0) === 100,
      'indicators must total 100 points',
    )
    .refine(
      (s) =>
        new Set([...s.indicators, ...s.vetoItems].map((i) => i.key)).size ===
        s.indicators.length + s.vetoItems.length,
      'keys must be unique',
    ),
  /** Years an excellent grade keeps an institution out of the random spot-check pool. */
  'inspection.excellentExemptYears': positiveInt,
  'inspection.consecutiveFailsToRevoke': positiveInt,
  'inspection.rectificationWorkingDays': positiveInt,
  /** Share of the pool drawn per round, 0–1. */
  'inspection.spotCheck.ratio': z.number().gt(0).max(1),
  'inspection.spotCheck.minInspectors': z.number().int().min(2),
  'blacklist.defaultRemovalMonths': positiveInt,
  /** 行政处罚信息公示期: shown at most maximumMonths; an early end may be asked after minimumMonths. */
  'publication.penaltyMonths': z
    .object({ minimumMonths: positiveInt, maximumMonths: positiveInt })
    .refine((p) => p.minimumMonths <= p.maximumMonths, 'minimumMonths must not exceed maximumMonths'),

  // Prepaid fees (预收费监管)
  'fees.maxMonthsPerCharge': positiveInt,
  'fees.maxHoursPerCharge': positiveInt,
  'fees.nonSubjectMaxPerCharge': fen,
  'fees.earliestChargeDaysBeforeStart': positiveInt,
  /** A renewal may be charged once this few hours of the current course remain. */
  'fees.chargeWhenHoursRemain': positiveInt,
  'fees.deemedConfirmationWorkingDays': positiveInt,
  'fees.refundDeemedConsentWorkingDays': positiveInt,
  'fees.refundPayoutDaysBeforeStart': positiveInt,
  'fees.refundPayoutDaysAfterStart': positiveInt,
  'fees.guidedPriceMaxMarkupPercent': z.number().min(0).max(100),
  'fees.guidedBasePrice': z.object({ online: pricesByClassSize, offline: pricesByClassSize }),
  'fees.riskReserve': fen,
  'fees.alert.singlePaymentAbove': fen,
  'fees.alert.refundBurst': countWithin,
  /** Prepaid (escrow) balance per seat of approved capacity above which to alert. */
  'fees.alert.prepaidPerSeatAbove': fen,

  // Training times (培训时间)
  'training.offlineEndTime': hhmm,
  'training.onlineEndTime': hhmm,
  'training.onlineLessonMaxMinutes': positiveInt,
  'training.onlineBreakMinutes': positiveInt,
  /**
   * School vacations (寒暑假) as the local school calendar (校历) sets them, first and last day
   * included: no subject-type training then. Local only: the national level sets no dates.
   */
  'training.schoolVacations': z
    .array(
      z
        .object({ name: z.string().min(1), from: day, to: day })
        .refine((v) => v.from <= v.to, 'a vacation ends on or after the day it starts'),
    )
    .min(1),

  // Complaints (投诉处理)
  'complaints.sla.signWorkingDays': positiveInt,
  'complaints.sla.consultationWorkingDays': positiveInt,
  'complaints.sla.helpWorkingDays': positiveInt,
  'complaints.sla.complaintWorkingDays': positiveInt,
  'complaints.sla.reminderWorkingDaysBefore': positiveInt,
  'complaints.marketRegulation.acceptWorkingDays': positiveInt,
  'complaints.marketRegulation.mediateWorkingDays': positiveInt,
  /** This many complaints against one institution within the window trigger an inspection. */
  'complaints.repeatFlag': countWithin,
  /** A repeat by the same complainant about the same institution and category within this many days is merged. */
  'complaints.duplicateWindowDays': positiveInt,

  // Penalties (教育部令第53号)
  'penalties.unlicensed.incomeMultiple': range(z.number().positive()),
  'penalties.disguisedSubjectTraining': z
    .object({ seriousMax: fen, especiallySerious: range(fen) })
    .refine((p) => p.seriousMax <= p.especiallySerious.min, 'especially serious starts where serious ends'),
} as const;

export type RuleKey = keyof typeof RuleKeys;
export type RuleValue<K extends RuleKey> = z.infer<(typeof RuleKeys)[K]>;

export const RULE_KEYS = Object.keys(RuleKeys) as RuleKey[];
