import { addDays, chinaDate } from '@otr/kernel';
import { Complainant } from './vocabulary';
import { Category } from './vocabulary';

/** What pattern detection needs to know of an earlier complaint about the same subject. */
export interface EarlierComplaint {
  id: string;
  filedAt: string;
  category: Category;
  complainantHash?: string;
  /** Still open to take a repeat (not merged, closed or rated). */
  open: boolean;
  merged: boolean;
  /** Already counted in an earlier repeat flag. */
  flagged: boolean;
}

/** Whether an instant falls within the last `days` calendar days (Beijing dates) up to `at`. */
const withinDays = (filedAt: string, at: Date, days: number) =>
  chinaDate(new Date(filedAt)) > addDays(chinaDate(at), -days);

/**
 * 重复件: the same (identified) complainant about the same subject and category within the window,
 * while the first is still open, is a repeat of the earliest such complaint. Anonymous tips cannot
 * be matched to a person and are never merged automatically.
 */
export function duplicateOf(
  complaint: { complainant: Complainant; category: Category; at: Date },
  earlier: readonly EarlierComplaint[],
  windowDays: number,
): string | undefined {
  const c = complaint.complainant;
  if (c.anonymous) return undefined;
  return earlier
    .filter((e) => e.open && e.complainantHash === c.hash && e.category === complaint.category)
    .filter((e) => withinDays(e.filedAt, complaint.at, windowDays))
    .sort((a, b) => a.filedAt.localeCompare(b.filedAt))[0]?.id;
}

/**
 * 多次被投诉: `count` complaints about one institution within `withinDays` days flag it for
 * inspection. Merged repeats do not count, and a complaint counts towards one flag only, so each
 * new run of complaints flags once.
 */
export function repeatFlagDue(
  complaints: readonly EarlierComplaint[],
  rule: { count: number; withinDays: number },
  at: Date,
): string[] | undefined {
  const counted = complaints
    .filter((c) => !c.merged && !c.flagged && withinDays(c.filedAt, at, rule.withinDays))
    .sort((a, b) => a.filedAt.localeCompare(b.filedAt));
  return counted.length >= rule.count ? counted.map((c) => c.id) : undefined;
}
