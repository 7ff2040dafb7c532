import { chinaDate, loadChinaCalendar } from './working-day-calendar';

const cal = loadChinaCalendar();

describe('the mainland-China working-day calendar', () => {
  it('takes weekends off', () => {
    expect(cal.isWorkingDay('2024-03-09')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2024-03-11')).toBe(true); // Monday
  });

  it('counts make-up Sundays as working days (调休)', () => {
    expect(cal.isWorkingDay('2024-02-04')).toBe(true);
    expect(cal.isWorkingDay('2024-02-18')).toBe(true);
    expect(cal.isWorkingDay('2025-01-26')).toBe(true);
  });

  it('takes statutory holidays off even on weekdays', () => {
    expect(cal.isWorkingDay('2024-02-12')).toBe(false); // Monday in Spring Festival
    expect(cal.isWorkingDay('2025-10-08')).toBe(false);
  });

  it('spans Spring Festival 2025: 15 working days from Monday 2025-01-20', () => {
    // Working: Jan 21, 22, 23, 24 (4), Sun 26 make-up (5), Mon 27 (6); Jan 28–Feb 4 off;
    // Feb 5, 6, 7 (9), Sat 8 make-up (10), Feb 10–14 (15).
    expect(cal.addWorkingDays('2025-01-20', 15)).toBe('2025-02-14');
    expect(cal.workingDaysBetween('2025-01-20', '2025-02-14')).toBe(15);
  });

  it('spans Spring Festival 2024 with both make-up Sundays', () => {
    // From Fri 2024-02-02: Sun 4 (1), Feb 5–9 (6; New Year's Eve was a working day in 2024),
    // Feb 10–17 off, Sun 18 (7), Mon 19 (8).
    expect(cal.addWorkingDays('2024-02-02', 7)).toBe('2024-02-18');
    expect(cal.addWorkingDays('2024-02-02', 8)).toBe('2024-02-19');
  });

  it('spans National Day 2024 with 9-29 and 10-12 as working days', () => {
    // From Fri 9-27: Sun 9-29 (1), Mon 9-30 (2), Oct 1–7 off, Oct 8–11 (6), Sat 10-12 (7).
    expect(cal.addWorkingDays('2024-09-27', 7)).toBe('2024-10-12');
  });

  it('agrees with itself: between(a, add(a, n)) = n, and it is antisymmetric', () => {
    for (const n of [0, 1, 5, 15, 30, 120]) {
      const end = cal.addWorkingDays('2026-01-28', n);
      expect(cal.workingDaysBetween('2026-01-28', end)).toBe(n);
    }
    expect(cal.workingDaysBetween('2026-03-10', '2026-03-02')).toBe(-cal.workingDaysBetween('2026-03-02', '2026-03-10'));
  });

  it('reads an instant as a date in Beijing time', () => {
    expect(chinaDate(new Date('2024-02-09T23:30:00Z'))).toBe('2024-02-10');
    expect(cal.isWorkingDay(new Date('2024-02-09T15:59:59Z'))).toBe(true); // Fri 23:59:59 in Beijing
  });

  it('says which years carry an official schedule', () => {
    expect(cal.covers(2026)?.provisional).toBe(false);
    expect(cal.covers(2027)?.provisional).toBe(true);
    expect(cal.covers(2030)).toBeUndefined();
  });
});
