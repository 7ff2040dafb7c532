import { z } from 'zod';
import { defineEvent, EventDefinition } from '../registry';
import { Topics } from '../topics';
import { Fen, IsoDate } from './common';

const topic = Topics.fees;

/** Escrowed money released to the institution for lessons taught and confirmed (一课一消). */
export const FundsReleased = defineEvent({
  type: 'fees.FundsReleased',
  version: 1,
  topic,
  payload: z.object({
    orderId: z.string(),
    licenseId: z.string(),
    lessonId: z.string(),
    amountFen: Fen,
    releasedOn: IsoDate,
  }),
});

/** A refund paid back to the family's original account. */
export const RefundPaid = defineEvent({
  type: 'fees.RefundPaid',
  version: 1,
  topic,
  payload: z.object({
    refundId: z.string(),
    orderId: z.string(),
    licenseId: z.string(),
    amountFen: Fen,
    paidOn: IsoDate,
  }),
});

/** A lesson outside the training-time rules (培训时间): inspection acts on it. */
export const TrainingTimeViolationDetected = defineEvent({
  type: 'fees.TrainingTimeViolationDetected',
  version: 1,
  topic,
  payload: z.object({
    lessonId: z.string(),
    licenseId: z.string(),
    startsAt: z.iso.datetime({ offset: true }),
    rule: z.string().min(1),
    source: z.string().min(1),
  }),
});

/** A risk rule fired on an institution's supervised account. */
export const RiskAlertRaised = defineEvent({
  type: 'fees.RiskAlertRaised',
  version: 1,
  topic,
  payload: z.object({
    alertId: z.string(),
    licenseId: z.string(),
    rule: z.string().min(1),
    detail: z.string().min(1),
    severity: z.enum(['low', 'medium', 'high']),
  }),
});

/** Each licensed institution's one supervised account (监管账户) is open at the custodian bank. */
export const SupervisedAccountOpened = defineEvent({
  type: 'fees.SupervisedAccountOpened',
  version: 1,
  topic,
  payload: z.object({
    licenseId: z.string(),
    /** Full bank escrow, or a risk reserve (风险保证金) of requiredReserveFen instead. */
    mode: z.enum(['bank-escrow', 'risk-reserve']),
    bankAccountNo: z.string().min(1),
    requiredReserveFen: Fen.optional(),
  }),
});

/** A family's order passed the caps, price and timing rules and awaits payment into the supervised account. */
export const OrderPlaced = defineEvent({
  type: 'fees.OrderPlaced',
  version: 1,
  topic,
  payload: z.object({
    orderId: z.string(),
    licenseId: z.string(),
    courseId: z.string(),
    subject: z.string().min(1),
    hours: z.number().int().nonnegative().optional(),
    giftHours: z.number().int().nonnegative(),
    months: z.number().int().positive().optional(),
    amountFen: Fen,
    courseStartsOn: IsoDate,
  }),
});

/** An order a prepaid-fee rule refused, with the rule and its source (e.g. above 60 class hours). */
export const OrderRefused = defineEvent({
  type: 'fees.OrderRefused',
  version: 1,
  topic,
  payload: z.object({
    licenseId: z.string(),
    courseId: z.string(),
    amountFen: Fen,
    code: z.string().min(1),
    field: z.string().optional(),
    rule: z.string().min(1),
    source: z.string().optional(),
  }),
});

/** A family's payment arrived in the supervised account (bank webhook, verified and applied once). */
export const PaymentReceived = defineEvent({
  type: 'fees.PaymentReceived',
  version: 1,
  topic,
  payload: z.object({
    orderId: z.string(),
    licenseId: z.string(),
    amountFen: Fen,
    paidOn: IsoDate,
    bankReference: z.string().min(1),
  }),
});

/** The institution recorded a lesson taught on an order (课消记录). */
export const LessonRecorded = defineEvent({
  type: 'fees.LessonRecorded',
  version: 1,
  topic,
  payload: z.object({
    lessonId: z.string(),
    orderId: z.string(),
    licenseId: z.string(),
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().positive(),
    mode: z.enum(['online', 'offline']),
    hours: z.number().int().positive(),
    confirmBy: IsoDate,
  }),
});

/** The family confirmed the lesson, or let the confirmation period pass (deemed, 视为确认). */
export const LessonConfirmed = defineEvent({
  type: 'fees.LessonConfirmed',
  version: 1,
  topic,
  payload: z.object({
    lessonId: z.string(),
    orderId: z.string(),
    licenseId: z.string(),
    confirmedOn: IsoDate,
    deemed: z.boolean(),
  }),
});

/** The family disputes a recorded lesson: its share stays in escrow. */
export const LessonDisputed = defineEvent({
  type: 'fees.LessonDisputed',
  version: 1,
  topic,
  payload: z.object({
    lessonId: z.string(),
    orderId: z.string(),
    licenseId: z.string(),
    disputedOn: IsoDate,
    reason: z.string().min(1),
  }),
});

/** A family asked for a refund (退费申请); the institution answers by answerBy or is deemed to agree. */
export const RefundRequested = defineEvent({
  type: 'fees.RefundRequested',
  version: 1,
  topic,
  payload: z.object({
    refundId: z.string(),
    orderId: z.string(),
    licenseId: z.string(),
    requestedOn: IsoDate,
    answerBy: IsoDate,
  }),
});

/** The institution agreed to a refund, or was deemed to (视为同意); payment is due by payBy. */
export const RefundApproved = defineEvent({
  type: 'fees.RefundApproved',
  version: 1,
  topic,
  payload: z.object({
    refundId: z.string(),
    orderId: z.string(),
    licenseId: z.string(),
    approvedOn: IsoDate,
    deemed: z.boolean(),
    payBy: IsoDate,
  }),
});

/** The bank's daily statement (对账单) does not agree with the ledger. */
export const ReconciliationMismatch = defineEvent({
  type: 'fees.ReconciliationMismatch',
  version: 1,
  topic,
  payload: z.object({
    runId: z.string(),
    licenseId: z.string(),
    statementDate: IsoDate,
    bankBalanceFen: z.number().int(),
    ledgerBalanceFen: z.number().int(),
    differences: z.number().int().nonnegative(),
  }),
});

/** New orders are frozen (suspension, revocation, closure, stop-enrolling, black list); closure starts the playbook. */
export const InstitutionFundsFrozen = defineEvent({
  type: 'fees.InstitutionFundsFrozen',
  version: 1,
  topic,
  payload: z.object({
    licenseId: z.string(),
    reason: z.string().min(1),
    escrowFen: Fen,
    closure: z.boolean(),
  }),
});

/**
 * A family's rating of an institution, one per order (editable: a later version of the same
 * order's rating replaces the earlier one, ordered by `ratedAt`). The directory averages them.
 */
export const OrderRated = defineEvent({
  type: 'fees.OrderRated',
  version: 1,
  topic,
  payload: z.object({
    orderId: z.string(),
    licenseId: z.string(),
    stars: z.number().int().min(1).max(5),
    ratedAt: z.iso.datetime({ offset: true }),
  }),
});

/**
 * The risk reserve (风险保证金) of an institution under risk-reserve supervision moved to another
 * standing, as the ledger has it: published when the standing changes, not on every movement.
 */
export const ReserveStandingChanged = defineEvent({
  type: 'fees.ReserveStandingChanged',
  version: 1,
  topic,
  payload: z.object({
    licenseId: z.string(),
    /** What the local rules require the institution to hold. */
    requiredFen: Fen,
    /** What the ledger's risk-reserve account holds. */
    heldFen: Fen,
    standing: z.enum(['funded', 'partly-funded', 'unfunded']),
  }),
});

/** fee-supervision integration events; add each new one here. */
export const feesEvents: EventDefinition[] = [
  FundsReleased,
  RefundPaid,
  TrainingTimeViolationDetected,
  RiskAlertRaised,
  SupervisedAccountOpened,
  OrderPlaced,
  OrderRefused,
  PaymentReceived,
  LessonRecorded,
  LessonConfirmed,
  LessonDisputed,
  RefundRequested,
  RefundApproved,
  ReconciliationMismatch,
  InstitutionFundsFrozen,
  OrderRated,
  ReserveStandingChanged,
];
