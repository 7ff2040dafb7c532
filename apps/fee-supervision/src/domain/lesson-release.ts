import { Money, WorkingDayCalendar } from '@otr/kernel';
import { InsufficientEscrow, LessonDateRefused, LessonNotConfirmed } from './errors';
import { FeeRules } from './fee-rules';
import { Balances, LedgerTransaction, lessonRelease, TransactionMeta } from './ledger';
import { TeachingMode } from './order';

/** A lesson taught on an order, and the family's answer to it (课消确认). */
export interface LessonRecord {
  id: string;
  orderId: string;
  /** 'YYYY-MM-DD', Beijing. */
  date: string;
  /** 'HH:mm', Beijing wall clock. */
  start: string;
  durationMinutes: number;
  mode: TeachingMode;
  /** Class hours the lesson consumes. */
  hours: number;
  /**
   * 'YYYY-MM-DD' (Beijing) the family was told of the lesson (when it was recorded). The family's
   * window to object counts from here, never from the lesson's own date, which the institution writes.
   */
  notifiedOn?: string;
  answer?: { kind: 'confirmed' | 'disputed'; on: string; reason?: string };
}

export type Confirmation =
  | { status: 'pending'; deadline: string }
  | { status: 'confirmed'; on: string }
  | { status: 'deemed-confirmed'; on: string }
  | { status: 'disputed'; on: string; reason?: string };

/** The day the family's window opens: when it was told of the lesson, and never before the lesson. */
export const noticeDay = (lesson: Pick<LessonRecord, 'date' | 'notifiedOn'>): string =>
  lesson.notifiedOn && lesson.notifiedOn > lesson.date ? lesson.notifiedOn : lesson.date;

/**
 * The family has until the end of the N-th working day after it was told of the lesson to answer
 * (that day itself does not count); from the next day its silence counts as confirmation (视为确认,
 * 默认确认). A backdated lesson therefore cannot shorten the window. An answer given after that
 * deadline changes nothing: the lesson was already confirmed.
 */
export function confirmationOf(
  lesson: LessonRecord,
  today: string,
  rules: Pick<FeeRules, 'deemedConfirmationWorkingDays'>,
  calendar: WorkingDayCalendar,
): Confirmation {
  const deadline = calendar.addWorkingDays(noticeDay(lesson), rules.deemedConfirmationWorkingDays.value);
  const answer = lesson.answer;
  if (answer && answer.on <= deadline) {
    return answer.kind === 'confirmed'
      ? { status: 'confirmed', on: answer.on }
      : { status: 'disputed', on: answer.on, reason: answer.reason };
  }
  return today > deadline ? { status: 'deemed-confirmed', on: deadline } : { status: 'pending', deadline };
}

/** What an order still holds, read off the ledger: its escrow and its hours not yet taught or refunded. */
export interface OrderPosition {
  orderId: string;
  escrow: Money;
  hoursLeft: number;
}

/** totalHours counts paid and gift hours: each hour taught, free or not, releases the same share. */
export function positionOf(b: Balances, orderId: string, totalHours: number): OrderPosition {
  const o = b.byOrder.get(orderId);
  return {
    orderId,
    escrow: o?.balances.escrow ?? Money.zero(),
    hoursLeft: totalHours - (o?.hoursReleased ?? 0) - (o?.hoursRefunded ?? 0),
  };
}

/**
 * 一课一消: release = escrow ÷ hours left × hours taught, rounded half up at the fen. Taken from
 * what is left, not from the original payment, so the releases of an order can never add up to
 * more than it holds, and the lesson that uses the last hours releases the remainder exactly.
 * (Without refunds this equals paid ÷ total hours × hours taught, up to a fen of rounding.)
 */
export function releaseAmount(position: OrderPosition, hours: number): Money {
  if (!Number.isSafeInteger(hours) || hours <= 0 || hours > position.hoursLeft) {
    throw new InsufficientEscrow(
      `order ${position.orderId} has ${position.hoursLeft} hours left, not ${hours}`,
      {
        field: 'hours',
        rule: 'a lesson consumes whole hours the order still has',
      },
    );
  }
  return hours === position.hoursLeft ? position.escrow : position.escrow.prorate(hours, position.hoursLeft);
}

/** The release of each lesson in turn, for a payment over totalHours: what the ledger would post. */
export function releaseSchedule(paid: Money, totalHours: number, lessonHours: readonly number[]): Money[] {
  let position: OrderPosition = { orderId: 'schedule', escrow: paid, hoursLeft: totalHours };
  return lessonHours.map((h) => {
    const amount = releaseAmount(position, h);
    position = { ...position, escrow: position.escrow.subtract(amount), hoursLeft: position.hoursLeft - h };
    return amount;
  });
}

/**
 * decide: the release transaction for a confirmed (or deemed-confirmed) lesson, from what the
 * order still holds (positionOf its ledger), keyed by the lesson so a retry releases it once.
 * Undefined when the share rounds to zero fen.
 */
export function releaseLesson(
  position: OrderPosition,
  lesson: LessonRecord,
  today: string,
  rules: Pick<FeeRules, 'deemedConfirmationWorkingDays'>,
  calendar: WorkingDayCalendar,
  meta: { id: string; on: string },
): LedgerTransaction | undefined {
  const c = confirmationOf(lesson, today, rules, calendar);
  if (c.status === 'pending' || c.status === 'disputed') {
    throw new LessonNotConfirmed(
      c.status === 'pending'
        ? `lesson ${lesson.id} awaits the family's confirmation until ${c.deadline}`
        : `the family disputes lesson ${lesson.id}`,
      {
        field: 'lesson.answer',
        rule: `released after the family confirms, or after ${rules.deemedConfirmationWorkingDays.value} working days without an answer`,
        source: rules.deemedConfirmationWorkingDays.source,
      },
    );
  }
  const amount = releaseAmount(position, lesson.hours);
  if (amount.isZero()) return undefined;
  const txMeta: TransactionMeta = { ...meta, idempotencyKey: `release:${lesson.id}`, ref: lesson.id };
  return lessonRelease(position.orderId, amount, lesson.hours, txMeta);
}

/** The first day after a period of `months` months from `start` ('YYYY-MM-DD'), clamped to the month's end. */
export function monthsAfter(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * decide: a lesson may be recorded only on a day it can have been taught on the order: not in the
 * future, not before the order was placed or the course started, and within the order's period
 * (its months, or the longest a charge may cover, 3 months, for a charge by hours). Throws, naming
 * the rule; otherwise the lesson would release money for teaching that never happened.
 */
export function assertLessonDate(
  date: string,
  order: { placedOn: string; courseStartsOn: string; months?: number | null },
  today: string,
  rules: Pick<FeeRules, 'maxMonthsPerCharge'>,
): void {
  const refuse = (why: string, rule: string, source?: string) => {
    throw new LessonDateRefused(`lesson dated ${date}: ${why}`, {
      field: 'date',
      rule,
      ...(source ? { source } : {}),
    });
  };
  if (date > today)
    refuse(`after today (${today})`, 'a lesson is recorded after it is taught, not dated in the future');
  if (date < order.placedOn)
    refuse(`before the order was placed (${order.placedOn})`, 'a lesson is not dated before its order');
  if (date < order.courseStartsOn)
    refuse(
      `before the course starts (${order.courseStartsOn})`,
      'a lesson is not dated before the course starts',
    );
  const months = order.months ?? rules.maxMonthsPerCharge.value;
  const end = monthsAfter(order.courseStartsOn, months);
  if (date >= end)
    refuse(
      `after the order's period (${months} months from ${order.courseStartsOn})`,
      'a lesson is dated within the period the order pays for',
      rules.maxMonthsPerCharge.source,
    );
}
