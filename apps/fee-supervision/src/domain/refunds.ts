import { addDays, Money, WorkingDayCalendar } from '@otr/kernel';
import { InvalidRefundState } from './errors';
import { FeeRules } from './fee-rules';
import { LedgerTransaction, refundPaid } from './ledger';
import { OrderPosition } from './lesson-release';

export type RefundRules = Pick<
  FeeRules,
  'refundDeemedConsentWorkingDays' | 'refundPayoutDaysBeforeStart' | 'refundPayoutDaysAfterStart'
>;

/** A family's refund request (退费申请) and the institution's answer, if any. */
export interface RefundRequest {
  id: string;
  orderId: string;
  /** 'YYYY-MM-DD' the family asked. */
  requestedOn: string;
  courseStartsOn: string;
  answer?: { kind: 'agreed' | 'disputed'; on: string; reason?: string };
  paidOn?: string;
}

export type RefundStatus =
  | { status: 'awaiting-institution'; deadline: string }
  | { status: 'agreed'; on: string; deemed: boolean; payBy: string }
  | { status: 'disputed'; on: string; reason?: string }
  | { status: 'paid'; on: string };

/** Asked before the course starts: everything unreleased, paid out within the shorter period. */
export const beforeStart = (r: Pick<RefundRequest, 'requestedOn' | 'courseStartsOn'>): boolean =>
  r.requestedOn < r.courseStartsOn;

/**
 * Where a request stands today. Silence for refundDeemedConsentWorkingDays working days after
 * the request counts as agreement (视为同意) from the end of the last of them; an answer after
 * that changes nothing. Payout is due refundPayoutDaysBefore/AfterStart calendar days (the rule
 * keys are …Days, not …WorkingDays) after the agreement, real or deemed.
 */
export function refundStatus(
  r: RefundRequest,
  today: string,
  rules: RefundRules,
  calendar: WorkingDayCalendar,
): RefundStatus {
  if (r.paidOn) return { status: 'paid', on: r.paidOn };
  const deadline = calendar.addWorkingDays(r.requestedOn, rules.refundDeemedConsentWorkingDays.value);
  const payoutDays = (beforeStart(r) ? rules.refundPayoutDaysBeforeStart : rules.refundPayoutDaysAfterStart)
    .value;
  const agreed = (on: string, deemed: boolean): RefundStatus => ({
    status: 'agreed',
    on,
    deemed,
    payBy: addDays(on, payoutDays),
  });
  if (r.answer && r.answer.on <= deadline) {
    return r.answer.kind === 'agreed'
      ? agreed(r.answer.on, false)
      : { status: 'disputed', on: r.answer.on, reason: r.answer.reason };
  }
  return today > deadline ? agreed(deadline, true) : { status: 'awaiting-institution', deadline };
}

/**
 * The refund due on an order, from the ledger. Before the course starts: everything still in
 * escrow. After: pro rata for the hours not taught — the escrow share of the hours left, less
 * hours taught and not yet released (awaiting confirmation or disputed), which stay in escrow
 * until settled. Gift hours count as hours, as in the release. Never more than the escrow.
 */
export function refundAmount(
  position: OrderPosition,
  request: Pick<RefundRequest, 'requestedOn' | 'courseStartsOn'>,
  hoursTaughtNotReleased: number,
): { amount: Money; hours: number } {
  if (beforeStart(request) || position.hoursLeft <= 0) {
    return { amount: position.escrow, hours: Math.max(position.hoursLeft, 0) };
  }
  const hours = Math.max(position.hoursLeft - hoursTaughtNotReleased, 0);
  const amount =
    hours === position.hoursLeft ? position.escrow : position.escrow.prorate(hours, position.hoursLeft);
  return { amount, hours };
}

/**
 * decide: pay an agreed refund back to the original payment account, from what the order still
 * holds (positionOf its ledger), keyed by the request so it is paid once. Undefined when nothing
 * is left to refund.
 */
export function payRefund(
  position: OrderPosition,
  request: RefundRequest,
  hoursTaughtNotReleased: number,
  today: string,
  rules: RefundRules,
  calendar: WorkingDayCalendar,
  meta: { id: string; on: string },
): LedgerTransaction | undefined {
  const s = refundStatus(request, today, rules, calendar);
  if (s.status !== 'agreed') {
    throw new InvalidRefundState(`refund ${request.id} is ${s.status}, not agreed`, {
      field: 'answer',
      rule: `paid once agreed, or after ${rules.refundDeemedConsentWorkingDays.value} working days without an answer`,
      source: rules.refundDeemedConsentWorkingDays.source,
    });
  }
  const { amount, hours } = refundAmount(position, request, hoursTaughtNotReleased);
  if (amount.isZero()) return undefined;
  return refundPaid(request.orderId, amount, hours, {
    ...meta,
    idempotencyKey: `refund:${request.id}`,
    ref: request.id,
  });
}

/** Whether an agreed refund is overdue today: the day after payBy, unpaid. */
export function refundOverdue(
  r: RefundRequest,
  today: string,
  rules: RefundRules,
  calendar: WorkingDayCalendar,
): boolean {
  const s = refundStatus(r, today, rules, calendar);
  return s.status === 'agreed' && today > s.payBy;
}
