import { loadChinaCalendar } from '@otr/kernel';
import { nationalRules as rules } from './fee-rules.fixture';
import { checkOnlineDay, checkTrainingTime, LessonSlot, TrainingRules } from './training-times';

const calendar = loadChinaCalendar();

const lesson = (over: Partial<LessonSlot> = {}): LessonSlot => ({
  id: 'l-1',
  date: '2026-09-22', // Tuesday
  start: '18:00',
  durationMinutes: 90,
  mode: 'offline',
  category: 'subject',
  ...over,
});
const codes = (l: LessonSlot, r: TrainingRules = rules) =>
  checkTrainingTime(l, r, calendar).map((v) => v.code);

describe('training times (培训时间)', () => {
  describe('for a subject-type lesson', () => {
    it('passes on a weekday evening ending by 20:30', () => {
      expect(codes(lesson())).toEqual([]);
    });

    it('is a violation on a Saturday', () => {
      const v = checkTrainingTime(lesson({ date: '2026-09-19' }), rules, calendar);
      expect(v).toEqual([
        expect.objectContaining({
          code: 'subject-on-weekend',
          lessonId: 'l-1',
          citation: expect.objectContaining({ field: 'date' }),
        }),
      ]);
      expect(v[0].citation.source).toContain('中办发〔2021〕40号');
    });

    it('is allowed on a make-up working Sunday (调休), 2026-09-20', () => {
      expect(codes(lesson({ date: '2026-09-20' }))).toEqual([]);
    });

    it('is a violation on a statutory holiday, weekday or weekend: Mid-Autumn Friday 9-25, National Day Saturday 10-03', () => {
      expect(codes(lesson({ date: '2026-09-25' }))).toEqual(['subject-on-statutory-holiday']);
      expect(codes(lesson({ date: '2026-10-03' }))).toEqual(['subject-on-statutory-holiday']);
    });

    it('is a violation in the summer vacation of the local school calendar, its last day included', () => {
      // 暑假 2026-07-04 (a Saturday) – 2026-08-31 (a Monday): the weekdays around it tell the boundaries.
      expect(codes(lesson({ date: '2026-07-03' }))).toEqual([]);
      expect(codes(lesson({ date: '2026-07-06' }))).toEqual(['subject-in-school-vacation']);
      expect(codes(lesson({ date: '2026-08-31' }))).toEqual(['subject-in-school-vacation']);
      expect(codes(lesson({ date: '2026-09-01' }))).toEqual([]);
    });

    it('is a violation in the winter vacation, and cites the rule, the vacation and the school calendar', () => {
      // 寒假 2026-01-31 – 2026-03-01: Friday 1-30 is a school day, Monday 3-02 too.
      expect(codes(lesson({ date: '2026-01-30' }))).toEqual([]);
      const [v] = checkTrainingTime(lesson({ date: '2026-02-02' }), rules, calendar);
      expect(v).toMatchObject({
        code: 'subject-in-school-vacation',
        citation: { field: 'date', rule: expect.stringContaining('2026年寒假 2026-01-31 – 2026-03-01') },
      });
      expect(v.citation.source).toMatch(/中办发〔2021〕40号.*寒暑假.*杭州市中小学校历/);
      expect(codes(lesson({ date: '2026-03-01' }))).toEqual([
        'subject-on-weekend',
        'subject-in-school-vacation',
      ]);
      expect(codes(lesson({ date: '2026-03-02' }))).toEqual([]);
    });

    it('checks no vacation where the rulebook has no school calendar', () => {
      const { schoolVacations: _, ...elsewhere } = rules;
      expect(codes(lesson({ date: '2026-07-06' }), elsewhere)).toEqual([]);
    });
  });

  describe('for a non-subject lesson', () => {
    it('may be on weekends, holidays and vacations, but still ends by 20:30 offline', () => {
      expect(codes(lesson({ category: 'non-subject', date: '2026-10-03' }))).toEqual([]);
      expect(codes(lesson({ category: 'non-subject', date: '2026-07-06' }))).toEqual([]);
      expect(codes(lesson({ category: 'non-subject', start: '19:01' }))).toEqual(['ends-too-late']);
    });
  });

  describe('end times and lesson length', () => {
    it('lets an offline lesson end at 20:30 sharp and not a minute later', () => {
      expect(codes(lesson({ start: '19:00' }))).toEqual([]);
      expect(codes(lesson({ start: '19:01' }))).toEqual(['ends-too-late']);
    });

    it('lets an online lesson end at 21:00 sharp and not a minute later', () => {
      expect(codes(lesson({ mode: 'online', start: '20:30', durationMinutes: 30 }))).toEqual([]);
      expect(codes(lesson({ mode: 'online', start: '20:31', durationMinutes: 30 }))).toEqual([
        'ends-too-late',
      ]);
    });

    it('flags an online lesson of 31 minutes, not one of 30', () => {
      expect(codes(lesson({ mode: 'online', start: '19:00', durationMinutes: 31 }))).toEqual([
        'online-lesson-too-long',
      ]);
    });

    it('treats a lesson running past midnight as ending too late', () => {
      expect(codes(lesson({ category: 'non-subject', start: '23:30', durationMinutes: 60 }))).toEqual([
        'ends-too-late',
      ]);
    });
  });

  describe('a day of online lessons', () => {
    it('needs 10-minute breaks between them', () => {
      const day = [
        lesson({ id: 'a', mode: 'online', start: '19:00', durationMinutes: 30 }),
        lesson({ id: 'b', mode: 'online', start: '19:40', durationMinutes: 30 }),
        lesson({ id: 'c', mode: 'online', start: '20:19', durationMinutes: 30 }),
      ];
      expect(checkOnlineDay(day, rules, calendar)).toEqual([
        expect.objectContaining({ code: 'online-break-too-short', lessonId: 'c' }),
        // 'c' also ends at 20:49, within 21:00: nothing else.
      ]);
    });
  });
});
