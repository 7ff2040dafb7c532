import { chinaDate } from '@otr/kernel';

const DAY_MS = 86_400_000;

/** Calendar days from a to b ('YYYY-MM-DD'), negative when b is earlier: 2026-08-02 → 2026-09-01 is 30. */
export const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${chinaDate(b)}T00:00:00Z`) - Date.parse(`${chinaDate(a)}T00:00:00Z`)) / DAY_MS);

/** Minutes after midnight of a wall-clock 'HH:mm'. */
export const minutesOfDay = (hhmm: string): number => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`not a time HH:mm: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
};
