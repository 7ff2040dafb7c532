import fc from 'fast-check';
import { addDays, chinaDate, InvalidDate } from './china-date';
import { loadChinaCalendar } from './china-calendar';
import { CalendarYear, WorkingDayCalendar } from './working-day-calendar';

const cal = loadChinaCalendar();

describe('the mainland-China working-day calendar', () => {
  describe('which days are working days', () => {
    it('takes weekends off', () => {
      expect(cal.isWorkingDay('2024-03-09')).toBe(false); // Saturday
      expect(cal.isWorkingDay('2024-03-10')).toBe(false); // Sunday
      expect(cal.isWorkingDay('2024-03-11')).toBe(true); // Monday
    });

    it('counts make-up weekend days as working days (调休)', () => {
      expect(cal.isWorkingDay('2024-02-04')).toBe(true); // Sunday before Spring Festival 2024
      expect(cal.isWorkingDay('2024-02-18')).toBe(true); // Sunday after it
      expect(cal.isWorkingDay('2025-01-26')).toBe(true); // Sunday before Spring Festival 2025
      expect(cal.isWorkingDay('2025-02-08')).toBe(true); // Saturday after it
    });

    it('takes statutory holidays off even on weekdays', () => {
      expect(cal.isWorkingDay('2024-02-12')).toBe(false); // Monday, 正月初三
      expect(cal.isWorkingDay('2025-01-28')).toBe(false); // Tuesday, New Year's Eve, a holiday from 2025 (国务院令第795号)
      expect(cal.isWorkingDay('2024-02-09')).toBe(true); // Friday, New Year's Eve, still a working day in 2024
      expect(cal.isWorkingDay('2025-10-08')).toBe(false);
    });

    it('adds up to the published yearly totals: 251 working days in 2024, 248 in 2025', () => {
      expect(cal.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(251);
      expect(cal.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
      // 2026: 261 weekdays − 19 weekday holidays + 6 make-up days.
      expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
    });
  });

  describe('deadlines in working days', () => {
    it('does not count the start day: 5 working days from a Friday is the next Friday', () => {
      expect(cal.addWorkingDays('2024-03-08', 5)).toBe('2024-03-15');
    });

    it('spans Spring Festival 2024 with both make-up Sundays', () => {
      // From Fri 2-02: Sun 2-04 (1), Mon 2-05 … Fri 2-09 (2–6), 2-10 … 2-17 off, Sun 2-18 (7), Mon 2-19 (8).
      expect(cal.addWorkingDays('2024-02-02', 7)).toBe('2024-02-18');
      expect(cal.addWorkingDays('2024-02-02', 8)).toBe('2024-02-19');
    });

    it('spans Spring Festival 2025: 15 working days from Monday 2025-01-20 end on Friday 2025-02-14', () => {
      // Tue 1-21 … Fri 1-24 (1–4), Sat 1-25 off, Sun 1-26 make-up (5), Mon 1-27 (6),
      // Tue 1-28 … Tue 2-04 off, Wed 2-05 … Fri 2-07 (7–9), Sat 2-08 make-up (10),
      // Sun 2-09 off, Mon 2-10 … Fri 2-14 (11–15).
      expect(cal.addWorkingDays('2025-01-20', 15)).toBe('2025-02-14');
      expect(cal.workingDaysBetween('2025-01-20', '2025-02-14')).toBe(15);
    });

    it('spans National Day 2024 with 9-29 and 10-12 as working days', () => {
      expect(cal.isWorkingDay('2024-09-29')).toBe(true); // Sunday
      expect(cal.isWorkingDay('2024-10-07')).toBe(false); // Monday
      expect(cal.isWorkingDay('2024-10-12')).toBe(true); // Saturday
      // From Fri 9-27: Sun 9-29 (1), Mon 9-30 (2), 10-01 … 10-07 off, Tue 10-08 … Fri 10-11 (3–6), Sat 10-12 (7).
      expect(cal.addWorkingDays('2024-09-27', 7)).toBe('2024-10-12');
      expect(cal.addWorkingDays('2024-09-27', 8)).toBe('2024-10-14');
    });

    it('with n = 0 gives the start when it is a working day, else the next working day', () => {
      expect(cal.addWorkingDays('2024-03-11', 0)).toBe('2024-03-11');
      expect(cal.addWorkingDays('2024-02-10', 0)).toBe('2024-02-18'); // first day of Spring Festival → the make-up Sunday
      expect(cal.nextWorkingDay('2024-09-28')).toBe('2024-09-29');
    });

    it('refuses a negative or fractional number of working days', () => {
      expect(() => cal.addWorkingDays('2024-03-11', -1)).toThrow(RangeError);
      expect(() => cal.addWorkingDays('2024-03-11', 1.5)).toThrow(RangeError);
    });
  });

  describe('counting working days between two dates', () => {
    it('counts (a, b]: the end day counts, the start day does not', () => {
      expect(cal.workingDaysBetween('2024-03-11', '2024-03-11')).toBe(0);
      expect(cal.workingDaysBetween('2024-03-11', '2024-03-12')).toBe(1);
      expect(cal.workingDaysBetween('2024-03-08', '2024-03-10')).toBe(0); // Friday to Sunday
    });

    it('agrees with addWorkingDays and is antisymmetric', () => {
      const dates = fc.integer({ min: 0, max: 4 * 365 }).map((i) => addDays('2024-01-01', i));
      fc.assert(
        fc.property(dates, fc.integer({ min: 1, max: 60 }), (start, n) => {
          expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n))).toBe(n);
        }),
      );
      fc.assert(
        fc.property(dates, dates, (a, b) => {
          expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a)).toBe(0);
        }),
      );
    });
  });

  describe('dates and time zones', () => {
    it('reads an instant as a date in Beijing time, UTC+8 with no daylight saving', () => {
      expect(chinaDate(new Date('2024-02-09T23:30:00Z'))).toBe('2024-02-10'); // 07:30 next morning in Shanghai
      expect(chinaDate(new Date('2024-07-09T23:30:00Z'))).toBe('2024-07-10'); // same offset in summer
      expect(cal.isWorkingDay(new Date('2024-02-09T15:59:59Z'))).toBe(true); // Fri 23:59:59 in Beijing
      expect(cal.isWorkingDay(new Date('2024-02-09T16:00:00Z'))).toBe(false); // Sat 00:00, Spring Festival
    });

    it('counts from the Beijing date of an instant', () => {
      // Friday 2024-03-08 at 23:30 UTC is Saturday morning in Beijing: 1 working day later is Tuesday.
      expect(cal.addWorkingDays(new Date('2024-03-08T23:30:00Z'), 1)).toBe('2024-03-11');
      expect(cal.addWorkingDays(new Date('2024-03-08T15:30:00Z'), 1)).toBe('2024-03-11');
      expect(cal.addWorkingDays(new Date('2024-03-10T16:30:00Z'), 1)).toBe('2024-03-12'); // Mon 00:30 in Beijing
    });

    it('refuses strings that are not real calendar dates', () => {
      for (const bad of ['2024-02-30', '2024-2-3', '20240203', '2024-02-03T00:00:00Z', '']) {
        expect(() => cal.isWorkingDay(bad)).toThrow(InvalidDate);
      }
      expect(() => chinaDate(new Date('nonsense'))).toThrow(InvalidDate);
    });
  });

  describe('the data behind it', () => {
    it('says which years carry a schedule, and whether it is provisional', () => {
      expect(cal.covers(2024)).toBe(true);
      expect(cal.scheduleOf(2026)?.provisional).toBe(false);
      expect(cal.scheduleOf(2027)?.provisional).toBe(true);
      expect(cal.scheduleOf(2025)?.source).toContain('国办发明电〔2024〕12号');
    });

    it('falls back to plain Monday–Friday for a year without data', () => {
      expect(cal.covers(2030)).toBe(false);
      expect(cal.isWorkingDay('2030-01-01')).toBe(true); // a Tuesday; New Year's Day is unknown without data
      expect(cal.isWorkingDay('2030-01-05')).toBe(false); // Saturday
    });

    it('derives provisional 2027 holidays from 国务院令第795号, with weekend holidays made up on weekdays', () => {
      expect(cal.isWorkingDay('2027-02-05')).toBe(false); // New Year's Eve, Friday
      expect(cal.isWorkingDay('2027-02-10')).toBe(false); // makes up for 正月初一 on Saturday 2-06
      expect(cal.isWorkingDay('2027-02-11')).toBe(true);
      expect(cal.isWorkingDay('2027-05-04')).toBe(false); // makes up for Labour Day on Sunday 5-02
    });

    it('refuses a data file that contradicts itself', () => {
      const year = (over: Partial<CalendarYear>): CalendarYear => ({
        year: 2024,
        source: 'test',
        provisional: false,
        holidays: [],
        makeUpWorkdays: [],
        ...over,
      });
      expect(() => new WorkingDayCalendar([year({ makeUpWorkdays: ['2024-03-11'] })])).toThrow(
        'not a Saturday or Sunday',
      );
      expect(() => new WorkingDayCalendar([year({ holidays: ['2025-01-01'] })])).toThrow('not in 2024');
      expect(() => new WorkingDayCalendar([year({ source: ' ' })])).toThrow('a source notice is required');
      expect(() => new WorkingDayCalendar([year({}), year({})])).toThrow('given twice');
    });
  });
});
