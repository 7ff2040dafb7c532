import { Inject, Injectable } from '@nestjs/common';
import {
  EventOrigin,
  LessonConfirmed,
  LessonDisputed,
  LessonRecorded,
  TrainingTimeViolationDetected,
} from '@otr/contracts';
import { newId } from '@otr/kernel';
import {
  totalHours,
  assertLessonDate,
  checkTrainingTime,
  noticeDay,
  confirmationOf,
  InstitutionCategory,
  InvalidLesson,
  NotYours,
  TeachingMode,
} from '../domain';
import { SqlClient } from '@otr/messaging';
import { day, FeesContext, LockedOrder } from './fees-context';
import { Lesson, LESSONS, LessonRepository } from './ports';
import { lessonRecord, MoneyMovements } from './money-movements';

export interface RecordLessonInput {
  orderId: string;
  date: string;
  start: string;
  durationMinutes: number;
  mode: TeachingMode;
  hours: number;
  students: number;
}

/** Beijing wall-clock date and time as an instant with its offset. */
const beijing = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`;

/**
 * Lesson consumption (一课一消): the institution records, the family confirms or disputes, silence
 * past the rulebook's working days counts as confirmation, and each confirmation releases the
 * lesson's share of escrow from the ledger.
 */
@Injectable()
export class Lessons {
  constructor(
    private readonly fees: FeesContext,
    private readonly money: MoneyMovements,
    @Inject(LESSONS) private readonly lessons: LessonRepository,
  ) {}

  /** Records a lesson taught; a lesson outside the training-time rules is recorded and reported to inspection. */
  async record(institutionId: string, input: RecordLessonInput, origin: EventOrigin) {
    return this.fees.transaction(async (tx) => {
      const order = await this.money.lockOrder(tx, input.orderId);
      if (order.institutionId !== institutionId) throw new NotYours('order');
      if (order.status !== 'paid') {
        throw new InvalidLesson(`order ${order.id} is ${order.status}`, {
          field: 'orderId',
          rule: 'lessons are recorded on paid orders',
        });
      }
      const account = await this.fees.account(tx, institutionId);
      const position = await this.fees.ledger.orderPosition(tx, order.id, totalHours(order));
      const unreleased = await this.fees.rows.hoursTaughtNotReleased(tx, order.id);
      const left = position.hoursLeft - unreleased;
      if (input.hours > left) {
        throw new InvalidLesson(`order ${order.id} has ${left} hours left to teach, not ${input.hours}`, {
          field: 'hours',
          rule: 'a lesson consumes hours the order still has',
        });
      }
      const today = this.fees.today();
      assertLessonDate(
        input.date,
        { placedOn: day(order.placedOn), courseStartsOn: day(order.courseStartsOn), months: order.months },
        today,
        this.fees.rulesFor(account, today),
      );
      const rules = this.fees.rulesFor(account, input.date);
      const id = newId();
      // The family is told today: its window counts from today, whatever date the lesson bears.
      const confirmBy = this.fees.calendar.addWorkingDays(
        noticeDay({ date: input.date, notifiedOn: today }),
        rules.deemedConfirmationWorkingDays.value,
      );
      await this.lessons.record(tx, {
        id,
        orderId: order.id,
        institutionId,
        date: new Date(input.date),
        start: input.start,
        durationMinutes: input.durationMinutes,
        mode: input.mode,
        hours: input.hours,
        students: input.students,
        confirmBy: new Date(confirmBy),
        recordedAt: this.fees.clock.now(),
      });
      const startsAt = beijing(input.date, input.start);
      await this.fees.emit(
        tx,
        LessonRecorded,
        account,
        id,
        {
          lessonId: id,
          orderId: order.id,
          licenseId: account.licenseId,
          startsAt,
          durationMinutes: input.durationMinutes,
          mode: input.mode,
          hours: input.hours,
          confirmBy,
        },
        origin,
      );
      const violations = checkTrainingTime(
        { id, ...input, category: account.category as InstitutionCategory },
        rules,
        this.fees.calendar,
      );
      for (const v of violations) {
        await this.fees.emit(
          tx,
          TrainingTimeViolationDetected,
          account,
          id,
          {
            lessonId: id,
            licenseId: account.licenseId,
            startsAt,
            rule: v.citation.rule ?? v.code,
            source: v.citation.source ?? 'training-time rules',
          },
          origin,
        );
      }
      return {
        lessonId: id,
        confirmBy,
        violations: violations.map((v) => ({ code: v.code, ...v.citation })),
      };
    });
  }

  /** The family's answer; a confirmation (or one given after the deadline, when silence already counts) releases the share. */
  async answer(
    familyId: string,
    lessonId: string,
    answer: { kind: 'confirmed' } | { kind: 'disputed'; reason: string },
    origin: EventOrigin,
  ) {
    return this.fees.onOrder({ lessonId }, async (tx, locked) => {
      const { order, account, lesson } = locked;
      if (order.familyId !== familyId) throw new NotYours('lesson');
      if (lesson.status !== 'pending') {
        throw new InvalidLesson(`lesson ${lessonId} is already ${lesson.status}`, {
          field: 'lessonId',
          rule: 'a lesson is answered once',
        });
      }
      const today = this.fees.today();
      const rules = this.fees.rulesFor(account, today);
      const answered = {
        ...lessonRecord(lesson),
        answer: {
          kind: answer.kind,
          on: today,
          ...(answer.kind === 'disputed' ? { reason: answer.reason } : {}),
        },
      };
      const c = confirmationOf(answered, today, rules, this.fees.calendar);
      if (c.status === 'disputed') {
        const reason = c.reason ?? 'disputed';
        await this.fees.rows.update(tx, 'lesson', lessonId, {
          answer: 'disputed',
          answered_on: today,
          dispute_reason: reason,
          status: 'disputed',
        });
        await this.fees.emit(
          tx,
          LessonDisputed,
          account,
          lessonId,
          {
            lessonId,
            orderId: order.id,
            licenseId: account.licenseId,
            disputedOn: today,
            reason,
          },
          origin,
        );
        return { status: 'disputed', releasedFen: 0 };
      }
      // Too late to dispute: silence already counted as confirmation (视为确认).
      const deemed = c.status === 'deemed-confirmed';
      if (!deemed)
        await this.fees.rows.update(tx, 'lesson', lessonId, { answer: 'confirmed', answered_on: today });
      const confirmed = deemed
        ? lesson
        : { ...lesson, answer: 'confirmed', answeredOn: new Date(`${today}T00:00:00Z`) };
      return {
        status: c.status,
        releasedFen: await this.confirmAndRelease(tx, locked, confirmed, deemed, today, origin),
      };
    });
  }

  /** The deemed-confirmation sweep: every pending lesson whose deadline has passed is confirmed and released. */
  async sweepDeemedConfirmations(origin: EventOrigin): Promise<{ confirmed: number; releasedFen: number }> {
    const today = this.fees.today();
    const due = await this.lessons.dueForDeemedConfirmation(today);
    let confirmed = 0;
    let releasedFen = 0;
    for (const id of due) {
      releasedFen += await this.fees.onOrder({ lessonId: id }, async (tx, locked) => {
        const { lesson, account } = locked;
        if (lesson.status !== 'pending') return 0;
        if (account.license === 'revoked' || account.license === 'closed') return 0;
        const c = confirmationOf(
          lessonRecord(lesson),
          today,
          this.fees.rulesFor(account, today),
          this.fees.calendar,
        );
        if (c.status !== 'deemed-confirmed') return 0;
        confirmed++;
        return this.confirmAndRelease(tx, locked, lesson, true, today, origin);
      });
    }
    return { confirmed, releasedFen };
  }

  private async confirmAndRelease(
    tx: SqlClient,
    locked: LockedOrder,
    lesson: Lesson,
    deemed: boolean,
    today: string,
    origin: EventOrigin,
  ) {
    const { order, account } = locked;
    await this.fees.emit(
      tx,
      LessonConfirmed,
      account,
      lesson.id,
      {
        lessonId: lesson.id,
        orderId: order.id,
        licenseId: account.licenseId,
        confirmedOn: deemed ? day(lesson.confirmBy) : today,
        deemed,
      },
      origin,
    );
    return this.money.release(tx, locked, lesson, origin);
  }
}
