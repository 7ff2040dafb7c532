import { loadChinaCalendar, Money } from '@otr/kernel';
import { InsufficientEscrow, LessonDateRefused, LessonNotConfirmed } from './errors';
import { nationalRules as rules } from './fee-rules.fixture';
import { balances, escrowOf, LedgerTransaction, paymentReceived, post } from './ledger';
import {
  assertLessonDate,
  confirmationOf,
  LessonRecord,
  positionOf,
  releaseAmount,
  releaseLesson,
  releaseSchedule,
} from './lesson-release';

const calendar = loadChinaCalendar();
const yuan = (t: string) => Money.yuan(t);

/** Tuesday 2026-09-22, the week before Mid-Autumn (9-25 … 9-27) and National Day (10-01 … 10-07). */
const lesson = (over: Partial<LessonRecord> = {}): LessonRecord => ({
  id: 'l-1',
  orderId: 'o-1',
  date: '2026-09-22',
  start: '16:00',
  durationMinutes: 45,
  mode: 'offline',
  hours: 1,
  ...over,
});

describe('confirming a lesson (课消确认)', () => {
  it('counts 15 working days across Mid-Autumn and National Day, with Saturday 10-10 a make-up day', () => {
    // 9-23, 9-24 (1–2); 9-25 … 9-27 off; 9-28 … 9-30 (3–5); 10-01 … 10-07 off; 10-08, 10-09 (6–7);
    // Sat 10-10 make-up (8); 10-12 … 10-16 (9–13); 10-19, 10-20 (14–15).
    expect(confirmationOf(lesson(), '2026-09-23', rules, calendar)).toEqual({
      status: 'pending',
      deadline: '2026-10-20',
    });
  });

  it('is still pending on the deadline day and deemed confirmed the day after', () => {
    expect(confirmationOf(lesson(), '2026-10-20', rules, calendar).status).toBe('pending');
    expect(confirmationOf(lesson(), '2026-10-21', rules, calendar)).toEqual({
      status: 'deemed-confirmed',
      on: '2026-10-20',
    });
  });

  it('uses the district’s 7 working days where the rulebook says so', () => {
    const seven = { deemedConfirmationWorkingDays: { value: 7, source: '滨江区实施细则' } };
    expect(confirmationOf(lesson(), '2026-10-09', seven, calendar).status).toBe('pending');
    expect(confirmationOf(lesson(), '2026-10-10', seven, calendar).status).toBe('deemed-confirmed');
  });

  it('takes the family’s answer within the period, and ignores one given after it', () => {
    const confirmed = lesson({ answer: { kind: 'confirmed', on: '2026-09-23' } });
    expect(confirmationOf(confirmed, '2026-09-23', rules, calendar)).toEqual({
      status: 'confirmed',
      on: '2026-09-23',
    });
    const disputed = lesson({ answer: { kind: 'disputed', on: '2026-10-20', reason: 'teacher absent' } });
    expect(confirmationOf(disputed, '2026-11-01', rules, calendar).status).toBe('disputed');
    const late = lesson({ answer: { kind: 'disputed', on: '2026-10-21' } });
    expect(confirmationOf(late, '2026-11-01', rules, calendar).status).toBe('deemed-confirmed');
  });
});

describe('releasing a lesson (一课一消)', () => {
  it('releases 100.00 over 3 hours as 33.33, 33.34, 33.33 — no fen lost or added', () => {
    const parts = releaseSchedule(yuan('100'), 3, [1, 1, 1]);
    expect(parts.map((m) => m.toYuanString())).toEqual(['33.33', '33.34', '33.33']);
    expect(Money.sum(parts).toYuanString()).toBe('100.00');
  });

  it('releases 100.00 over 7 hours in lessons of 2, 1, 3, 1 to exactly 100.00, the last taking the remainder', () => {
    const parts = releaseSchedule(yuan('100'), 7, [2, 1, 3, 1]);
    expect(parts.map((m) => m.toYuanString())).toEqual(['28.57', '14.29', '42.86', '14.28']);
    expect(Money.sum(parts).toYuanString()).toBe('100.00');
  });

  it('never releases more hours than the order has left', () => {
    expect(() => releaseAmount({ orderId: 'o-1', escrow: yuan('10'), hoursLeft: 1 }, 2)).toThrow(
      InsufficientEscrow,
    );
  });

  describe('given an order of 3,000.00 for 60 hours in escrow', () => {
    const ledger = post(
      [],
      paymentReceived('o-1', yuan('3000'), { id: 'p', idempotencyKey: 'pay', on: '2026-09-01' }),
    );
    const position = (l: readonly LedgerTransaction[]) => positionOf(balances(l), 'o-1', 60);
    const meta = { id: 'r-1', on: '2026-10-21' };

    it('refuses to release a lesson the family has not answered yet, citing the rule', () => {
      try {
        releaseLesson(position(ledger), lesson(), '2026-10-20', rules, calendar, meta);
        throw new Error('expected a refusal');
      } catch (e) {
        expect(e).toBeInstanceOf(LessonNotConfirmed);
        expect((e as LessonNotConfirmed).citation).toMatchObject({
          field: 'lesson.answer',
          source: rules.deemedConfirmationWorkingDays.source,
        });
      }
    });

    it('refuses to release a disputed lesson', () => {
      const disputed = lesson({ answer: { kind: 'disputed', on: '2026-09-23' } });
      expect(() => releaseLesson(position(ledger), disputed, '2026-11-01', rules, calendar, meta)).toThrow(
        LessonNotConfirmed,
      );
    });

    it('releases 50.00 for a deemed-confirmed 1-hour lesson, once however often it is retried', () => {
      const tx = releaseLesson(position(ledger), lesson(), '2026-10-21', rules, calendar, meta)!;
      expect(tx).toMatchObject({ kind: 'release', idempotencyKey: 'release:l-1', ref: 'l-1', hours: 1 });
      const after = post(
        post(ledger, tx),
        releaseLesson(position(post(ledger, tx)), lesson(), '2026-10-21', rules, calendar, meta)!,
      );
      expect(after).toHaveLength(2);
      expect(escrowOf(balances(after), 'o-1').toYuanString()).toBe('2950.00');
    });
  });
});

describe('a backdated lesson (默认确认 counts from the notice)', () => {
  it('gives the family its full 15 working days from the day it was told, not from the lesson date', () => {
    // Recorded on 10-20, dated 9-22: counted from 9-22 it would be deemed confirmed on 10-21.
    const backdated = lesson({ notifiedOn: '2026-10-20' });
    expect(confirmationOf(backdated, '2026-10-21', rules, calendar).status).toBe('pending');
    expect(confirmationOf(backdated, '2026-10-21', rules, calendar)).toEqual({
      status: 'pending',
      deadline: calendar.addWorkingDays('2026-10-20', 15),
    });
    // A family that disputes on day 10 of its window is heard.
    const disputed = {
      ...backdated,
      answer: { kind: 'disputed' as const, on: '2026-11-02', reason: '没上课' },
    };
    expect(confirmationOf(disputed, '2026-11-02', rules, calendar).status).toBe('disputed');
  });
});

describe('the date a lesson may bear', () => {
  const order = { placedOn: '2026-09-01', courseStartsOn: '2026-09-15', months: null };
  const refused = (date: string, today = '2026-10-01', o: Parameters<typeof assertLessonDate>[1] = order) => {
    try {
      assertLessonDate(date, o, today, rules);
      return undefined;
    } catch (e) {
      expect(e).toBeInstanceOf(LessonDateRefused);
      expect((e as LessonDateRefused).citation.field).toBe('date');
      return (e as LessonDateRefused).citation.rule;
    }
  };

  it('refuses a lesson in the future, before the order, before the course or after the order’s period', () => {
    expect(refused('2026-10-02')).toContain('future');
    expect(refused('2026-08-31')).toContain('before its order');
    expect(refused('1970-01-01')).toContain('before its order');
    expect(refused('2026-09-14')).toContain('before the course starts');
    // A charge by hours covers at most 3 months (国办发〔2018〕80号): from 9-15 up to 12-14.
    expect(refused('2026-12-14', '2026-12-20')).toBeUndefined();
    expect(refused('2026-12-15', '2026-12-20')).toContain('within the period');
    // A charge by period: its own months.
    expect(refused('2026-10-15', '2026-10-20', { ...order, months: 1 })).toContain('within the period');
  });

  it('accepts a lesson taught on the order’s course, up to today', () => {
    expect(refused('2026-09-15')).toBeUndefined();
    expect(refused('2026-10-01')).toBeUndefined();
  });
});
