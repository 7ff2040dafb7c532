import cn2024 from './data/cn-2024.json';
import cn2025 from './data/cn-2025.json';
import cn2026 from './data/cn-2026.json';
import cn2027 from './data/cn-2027.json';

/** One year's official schedule: statutory holidays and make-up working days (调休), with its notice. */
export interface CalendarYear {
  year: number;
  source: string;
  provisional: boolean;
  holidays: string[];
  makeUpWorkdays: string[];
}

/** A calendar date 'YYYY-MM-DD', or an instant read as a date in China Standard Time (UTC+8, no DST). */
export type DateLike = string | Date;

const DAY = 86_400_000;
const CST_OFFSET = 8 * 3_600_000;

export function chinaDate(d: DateLike): string {
  if (typeof d === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) throw new Error(`not a date: ${d}`);
    return d;
  }
  return new Date(d.getTime() + CST_OFFSET).toISOString().slice(0, 10);
}

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * Working days on the mainland-China calendar: Monday to Friday, except statutory holidays,
 * plus the weekend days declared make-up working days. The calendar is data, one file a year.
 */
export class WorkingDayCalendar {
  private readonly holidays = new Set<string>();
  private readonly makeUp = new Set<string>();
  private readonly years = new Map<number, CalendarYear>();

  constructor(years: CalendarYear[]) {
    for (const y of years) {
      this.years.set(y.year, y);
      y.holidays.forEach((d) => this.holidays.add(d));
      y.makeUpWorkdays.forEach((d) => this.makeUp.add(d));
    }
  }

  /** Whether the year's official schedule is loaded (otherwise only weekends count as days off). */
  covers(year: number): CalendarYear | undefined {
    return this.years.get(year);
  }

  isWorkingDay(d: DateLike): boolean {
    const date = chinaDate(d);
    if (this.makeUp.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const w = weekday(date);
    return w !== 0 && w !== 6;
  }

  /** The date itself when it is a working day, else the next one. */
  nextWorkingDay(d: DateLike): string {
    let date = chinaDate(d);
    while (!this.isWorkingDay(date)) date = shift(date, 1);
    return date;
  }

  /**
   * The n-th working day after the start (the start day itself does not count, as a deadline of
   * "5 working days" from a Friday filing ends the next Friday). n = 0 gives nextWorkingDay(start).
   */
  addWorkingDays(start: DateLike, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0: ${n}`);
    let date = chinaDate(start);
    if (n === 0) return this.nextWorkingDay(date);
    for (let left = n; left > 0; ) {
      date = shift(date, 1);
      if (this.isWorkingDay(date)) left--;
    }
    return date;
  }

  /** Working days in (a, b]; negative when b is before a. addWorkingDays(a, k) is b ⇔ this is k. */
  workingDaysBetween(a: DateLike, b: DateLike): number {
    const from = chinaDate(a);
    const to = chinaDate(b);
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let date = shift(from, 1); date <= to; date = shift(date, 1)) if (this.isWorkingDay(date)) count++;
    return count;
  }
}

let bundled: WorkingDayCalendar | undefined;

/** The calendar with every bundled year (2024–2027; 2027 provisional until its notice is added). */
export function loadChinaCalendar(): WorkingDayCalendar {
  return (bundled ??= new WorkingDayCalendar([cn2024, cn2025, cn2026, cn2027]));
}
