import type { RuleKey } from '@otr/rules';

/** A rulebook value with the document it rests on, so a refusal or violation can cite it. */
export interface Cited<T> {
  value: T;
  source: string;
}

/** Base price (fen) per standard lesson of `lessonMinutes`, by class size: < 10, 10–35, > 35 students. */
export interface PricesByClassSize {
  lessonMinutes: number;
  under10: number;
  from10To35: number;
  over35: number;
}

/**
 * Every parameter the fee-supervision domain needs, resolved from the rulebook for the
 * institution's district and the day by the infrastructure layer. Shapes and units follow
 * libs/rules/src/rule-keys.ts: money in integer fen, …WorkingDays on the working-day calendar,
 * …Days in calendar days, times as Beijing wall-clock 'HH:mm'.
 */
export interface FeeRules {
  maxMonthsPerCharge: Cited<number>;
  maxHoursPerCharge: Cited<number>;
  /** fen, non-subject (非学科类) institutions only. */
  nonSubjectMaxPerCharge: Cited<number>;
  /** calendar days */
  earliestChargeDaysBeforeStart: Cited<number>;
  /** A renewal (续费) may be charged once the running course has at most this many hours left. */
  chargeWhenHoursRemain: Cited<number>;
  deemedConfirmationWorkingDays: Cited<number>;
  refundDeemedConsentWorkingDays: Cited<number>;
  /** calendar days */
  refundPayoutDaysBeforeStart: Cited<number>;
  /** calendar days */
  refundPayoutDaysAfterStart: Cited<number>;
  guidedPriceMaxMarkupPercent: Cited<number>;
  /** Local (see LOCAL_FEE_RULES): absent where no jurisdiction up from the district sets guided prices. */
  guidedBasePrice?: Cited<{ online: PricesByClassSize; offline: PricesByClassSize }>;
  /** fen; local: absent where none is set. */
  riskReserve?: Cited<number>;
  /** fen */
  alertSinglePaymentAbove: Cited<number>;
  alertRefundBurst: Cited<{ count: number; withinDays: number }>;
  /** fen of prepaid (escrow) balance per seat of approved capacity above which to alert. */
  alertPrepaidPerSeatAbove: Cited<number>;
  offlineEndTime: Cited<string>;
  onlineEndTime: Cited<string>;
  onlineLessonMaxMinutes: Cited<number>;
  onlineBreakMinutes: Cited<number>;
  /** 寒暑假 of the local school calendar, both days included; local: absent where none is published. */
  schoolVacations?: Cited<SchoolVacation[]>;
}

/** A school vacation (寒暑假) of the local school calendar (校历), first and last day included. */
export interface SchoolVacation {
  name: string;
  /** 'YYYY-MM-DD' */
  from: string;
  /** 'YYYY-MM-DD' */
  to: string;
}

/**
 * The parameters only a jurisdiction sets (DOMAIN.md calls them local and the rulebook has no
 * national default): absent from FeeRules where none is in force, and each use says what then.
 */
export const LOCAL_FEE_RULES = ['guidedBasePrice', 'riskReserve', 'schoolVacations'] as const;

/** Where the infrastructure layer reads each field. */
export const FEE_RULE_KEYS = {
  maxMonthsPerCharge: 'fees.maxMonthsPerCharge',
  maxHoursPerCharge: 'fees.maxHoursPerCharge',
  nonSubjectMaxPerCharge: 'fees.nonSubjectMaxPerCharge',
  earliestChargeDaysBeforeStart: 'fees.earliestChargeDaysBeforeStart',
  chargeWhenHoursRemain: 'fees.chargeWhenHoursRemain',
  deemedConfirmationWorkingDays: 'fees.deemedConfirmationWorkingDays',
  refundDeemedConsentWorkingDays: 'fees.refundDeemedConsentWorkingDays',
  refundPayoutDaysBeforeStart: 'fees.refundPayoutDaysBeforeStart',
  refundPayoutDaysAfterStart: 'fees.refundPayoutDaysAfterStart',
  guidedPriceMaxMarkupPercent: 'fees.guidedPriceMaxMarkupPercent',
  guidedBasePrice: 'fees.guidedBasePrice',
  riskReserve: 'fees.riskReserve',
  alertSinglePaymentAbove: 'fees.alert.singlePaymentAbove',
  alertRefundBurst: 'fees.alert.refundBurst',
  alertPrepaidPerSeatAbove: 'fees.alert.prepaidPerSeatAbove',
  offlineEndTime: 'training.offlineEndTime',
  onlineEndTime: 'training.onlineEndTime',
  onlineLessonMaxMinutes: 'training.onlineLessonMaxMinutes',
  onlineBreakMinutes: 'training.onlineBreakMinutes',
  schoolVacations: 'training.schoolVacations',
} as const satisfies Record<keyof FeeRules, RuleKey>;
