import { z } from 'zod';

const days = z.number().int().positive();
const fen = z.number().int().nonnegative();
const hhmm = z.string().regex(/^\d{2}:\d{2}$/);

/** Every parameter DOMAIN.md leaves to a jurisdiction, with the type of its value. */
export const RuleKeys = {
  // Licensing (办学许可)
  'licensing.newSubjectApprovalsAllowed': z.boolean(),
  'licensing.validityYears': z.number().int().positive(),
  'licensing.expiryReminderDays': z.array(days),
  'licensing.review.acceptWorkingDays': days,
  'licensing.review.opinionWorkingDays': days,
  'licensing.review.decideWorkingDays': days,
  'venue.minAreaPerStudent': z.number().positive(),
  'venue.minTotalArea': z.number().nonnegative(),
  'venue.minLeaseYears': z.number().nonnegative(),
  'venue.noResidentialOrBasementUnder12': z.boolean(),
  // Annual inspection (年检) and spot checks (双随机一公开)
  'inspection.grade.excellent': z.number().min(0).max(100),
  'inspection.grade.pass': z.number().min(0).max(100),
  'inspection.grade.basicPass': z.number().min(0).max(100),
  'inspection.consecutiveFailsToRevoke': z.number().int().positive(),
  'inspection.rectificationWorkingDays': days,
  'inspection.spotCheck.minInspectors': z.number().int().min(2),
  'inspection.spotCheck.ratio': z.number().gt(0).max(1),
  'blacklist.defaultRemovalMonths': z.number().int().positive(),
  // Prepaid fees (预收费监管)
  'fees.maxMonthsPerCharge': z.number().int().positive(),
  'fees.maxHoursPerCharge': z.number().int().positive(),
  'fees.nonSubjectMaxPerCharge': fen,
  'fees.earliestChargeDaysBeforeStart': days,
  'fees.chargeWhenHoursRemain': z.number().int().positive(),
  'fees.deemedConfirmationWorkingDays': days,
  'fees.refundDeemedConsentWorkingDays': days,
  'fees.refundDaysBeforeStart': days,
  'fees.refundDaysAfterStart': days,
  'fees.guidedPriceMaxMarkupPercent': z.number().min(0).max(100),
  'fees.guidedBasePrice': z.object({
    online: z.object({ small: fen, medium: fen, large: fen }),
    offline: z.object({ small: fen, medium: fen, large: fen }),
  }),
  'fees.riskReserve': fen,
  'fees.alert.singlePaymentAbove': fen,
  'fees.alert.refundBurst': z.object({ count: z.number().int().positive(), withinDays: days }),
  // Training times (培训时间)
  'training.offlineEndTime': hhmm,
  'training.onlineEndTime': hhmm,
  'training.onlineLessonMaxMinutes': z.number().int().positive(),
  'training.onlineBreakMinutes': z.number().int().positive(),
  // Complaints (投诉处理)
  'complaints.sla.signWorkingDays': days,
  'complaints.sla.consultationWorkingDays': days,
  'complaints.sla.helpWorkingDays': days,
  'complaints.sla.complaintWorkingDays': days,
  'complaints.sla.reminderWorkingDaysBefore': days,
  'complaints.marketRegulation.acceptWorkingDays': days,
  'complaints.marketRegulation.mediateWorkingDays': days,
  'complaints.repeatFlag': z.object({ count: z.number().int().positive(), withinDays: days }),
  // Penalties (教育部令第53号)
  'penalties.unlicensedIncomeMultiple': z.object({ min: z.number().positive(), max: z.number().positive() }),
  'penalties.disguisedSubjectTraining': z.object({ max: fen, seriousMin: fen, seriousMax: fen }),
} as const;

export type RuleKey = keyof typeof RuleKeys;
export type RuleValue<K extends RuleKey> = z.infer<(typeof RuleKeys)[K]>;
