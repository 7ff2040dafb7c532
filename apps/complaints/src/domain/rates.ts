import { chinaDate } from '@otr/kernel';
import { CLOSED_STATUSES, ComplaintState } from './complaint';

/**
 * The dashboard's three rates (响应率、解决率、满意率), each counted from the complaint's own
 * record (its action log, status and ratings):
 *
 * - response: of the sign deadlines that have come (a routing, or a reopening, starts one), how
 *   many were met: the work order signed (签收), or its transfer accepted, by the end of that day;
 * - resolution: of the complaints closed (办结) at least once, how many stand closed now without a
 *   "not satisfied" rating of their last handling;
 * - satisfaction: of the ratings given, how many said "satisfied".
 *
 * A rate with nothing to count is no rate (null), never 0 %.
 */
export interface Rate {
  count: number;
  of: number;
  rate: number | null;
}

export interface Rates {
  /** Complaints counted: routed to a department (merged repeats are counted in their first). */
  complaints: number;
  response: Rate;
  resolution: Rate;
  satisfaction: Rate;
}

/** What one complaint adds to each rate's count and denominator. */
export interface Tally {
  signedOnTime: number;
  signDeadlines: number;
  resolved: number;
  closed: number;
  satisfied: number;
  ratings: number;
}

/** The sign deadline of a routing at an instant, by the rules in force then (the SLA clock). */
export type SignDeadline = (routedAt: Date) => string;

const STARTS_SIGN_CLOCK = new Set(['ComplaintRouted', 'ComplaintReopened']);
const SIGNS = new Set(['WorkOrderSigned', 'TransferAccepted']);

/**
 * One complaint's part in the rates at an instant. A sign deadline still running and not yet
 * met counts for nothing yet: it may still be met.
 */
export function tallyOf(c: ComplaintState, at: Date, signDeadline: SignDeadline): Tally {
  let signedOnTime = 0;
  let signDeadlines = 0;
  let due: string | undefined;
  for (const a of c.actions) {
    if (STARTS_SIGN_CLOCK.has(a.action)) {
      due = signDeadline(new Date(a.at));
    } else if (due && SIGNS.has(a.action)) {
      signDeadlines++;
      if (chinaDate(new Date(a.at)) <= due) signedOnTime++;
      due = undefined;
    }
  }
  if (due && chinaDate(at) > due) signDeadlines++; // missed, and still unsigned
  const closed = c.actions.some((a) => a.action === 'ReplyApproved') ? 1 : 0;
  const unsatisfied = c.ratings.some((r) => r.round === c.round && !r.satisfied);
  return {
    signedOnTime,
    signDeadlines,
    closed,
    resolved: closed && CLOSED_STATUSES.includes(c.status) && !unsatisfied ? 1 : 0,
    satisfied: c.ratings.filter((r) => r.satisfied).length,
    ratings: c.ratings.length,
  };
}

const rate = (count: number, of: number): Rate => ({ count, of, rate: of > 0 ? count / of : null });

/** The rates of a set of complaints' tallies. */
export function ratesOf(tallies: readonly Tally[]): Rates {
  const sum = (k: keyof Tally) => tallies.reduce((n, t) => n + t[k], 0);
  return {
    complaints: tallies.length,
    response: rate(sum('signedOnTime'), sum('signDeadlines')),
    resolution: rate(sum('resolved'), sum('closed')),
    satisfaction: rate(sum('satisfied'), sum('ratings')),
  };
}

/** The rates per group (a department, a district), groups in the order of their keys. */
export function ratesBy<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  tally: (item: T) => Tally,
): ({ key: string } & Rates)[] {
  const groups = new Map<string, Tally[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), tally(item)]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, tallies]) => ({ key, ...ratesOf(tallies) }));
}
