import { addDays, chinaDate, DateLike, isWeekend } from './china-date';

/** One year's official schedule: days off for statutory holidays, and weekend days worked (调休). */
export interface CalendarYear {
  year: number;
  /** The State Council notice (name, number, date published), or why the year is provisional. */
  source: string;
  /** True until the year's notice is published and the file updated from it. */
  provisional: boolean;
  holidays: string[];
  makeUpWorkdays: string[];
}

function check(y: CalendarYear): void {
  const fail = (why: string) => {
    throw new Error(`calendar data for ${y.year}: ${why}`);
  };
  if (!Number.isInteger(y.year)) fail('year must be a whole number');
  if (!y.source?.trim()) fail('a source notice is required');
  for (const date of [...y.holidays, ...y.makeUpWorkdays]) {
    if (chinaDate(date).slice(0, 4) !== String(y.year)) fail(`${date} is not in ${y.year}`);
  }
  for (const date of y.makeUpWorkdays) {
    if (!isWeekend(date)) fail(`make-up working day ${date} is not a Saturday or Sunday`);
    if (y.holidays.includes(date)) fail(`${date} is both a holiday and a make-up working day`);
  }
}

/**
 * Working days on the mainland-China calendar: Monday to Friday, except statutory holidays,
 * plus the weekend days declared make-up working days. Years without data fall back to plain
 * Monday–Friday; `covers(year)` tells a caller whether that happened.
 */
export class WorkingDayCalendar {
  private readonly holidays = new Set<string>();
  private readonly makeUp = new Set<string>();
  private readonly years = new Map<number, CalendarYear>();

  /** Checks the data as it loads: a wrong file must fail at start, not skew a deadline later. */
  constructor(years: readonly CalendarYear[]) {
    for (const y of years) {
      check(y);
      if (this.years.has(y.year)) throw new Error(`calendar data for ${y.year}: given twice`);
      this.years.set(y.year, y);
      y.holidays.forEach((d) => this.holidays.add(d));
      y.makeUpWorkdays.forEach((d) => this.makeUp.add(d));
    }
  }

  /** Whether an official (or provisional) schedule is loaded for the year. */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  /** The year's schedule with its source and provisional flag, if loaded. */
  scheduleOf(year: number): CalendarYear | undefined {
    return this.years.get(year);
  }

  isWorkingDay(d: DateLike): boolean {
    const date = chinaDate(d);
    if (this.makeUp.has(date)) return true;
    return !this.holidays.has(date) && !isWeekend(date);
  }

  /** The date itself when it is a working day, else the next one. */
  nextWorkingDay(d: DateLike): string {
    let date = chinaDate(d);
    while (!this.isWorkingDay(date)) date = addDays(date, 1);
    return date;
  }

  /**
   * The n-th working day after start. The start day itself never counts (a filing on Friday with
   * 5 working days ends the next Friday), whatever the hour. n = 0 gives the start if it is a
   * working day, else the next working day: "due at once" still has to fall on a working day.
   */
  addWorkingDays(start: DateLike, n: number): string {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    let date = chinaDate(start);
    if (n === 0) return this.nextWorkingDay(date);
    for (let left = n; left > 0;) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) left--;
    }
    return date;
  }

  /**
   * Working days in (a, b], negative when b is before a. For n ≥ 1,
   * workingDaysBetween(a, addWorkingDays(a, n)) = n (for n = 0 too when a is a working day).
   */
  workingDaysBetween(a: DateLike, b: DateLike): number {
    const from = chinaDate(a);
    const to = chinaDate(b);
    if (to < from) return -this.workingDaysBetween(to, from) || 0; // never -0
    let count = 0;
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1))
      if (this.isWorkingDay(date)) count++;
    return count;
  }
}
