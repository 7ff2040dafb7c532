import { DomainError } from '../domain-error';

export class InvalidDate extends DomainError {
  readonly code = 'kernel.InvalidDate';
}

/** A calendar date 'YYYY-MM-DD', or an instant read as a date in Asia/Shanghai. */
export type DateLike = string | Date;

const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year (no DST since 1991), so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Whether text is a real calendar date 'YYYY-MM-DD' (2024-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  const ms = utcMidnight(text);
  return ISO_DATE.test(text) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** The calendar date in China of a Date, or a checked 'YYYY-MM-DD' string. */
export function chinaDate(d: DateLike): string {
  if (typeof d === 'string') {
    if (!isCalendarDate(d)) throw new InvalidDate(`not a calendar date (YYYY-MM-DD): ${d}`);
    return d;
  }
  if (Number.isNaN(d.getTime())) throw new InvalidDate('not a valid instant');
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date `days` calendar days after (or before, if negative) a checked date. */
export const addDays = (date: string, days: number): string =>
  new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday. */
const weekdayOf = (date: string): number => new Date(utcMidnight(date)).getUTCDay();

export const isWeekend = (date: string): boolean => weekdayOf(date) === 0 || weekdayOf(date) === 6;
