/**
 * The fee-supervision screens' rules, without React: resource names, statuses, which command a
 * record offers, how lists are paged against the service, the chart's points.
 * Pure module: jest loads it.
 */
import { type Action, MENU, type MenuResource } from '../auth/permissions';
import { fenToYuanNumber } from './money';

/** The console resources of the fee-supervision service, in MENU order. */
export type FeeResource = Extract<MenuResource, `fee-${string}`>;
export const FEE_RESOURCES = MENU.filter((m): m is FeeResource => m.startsWith('fee-'));

export const ALERT_STATES = ['open', 'acknowledged', 'closed'] as const;
export const ORDER_STATUSES = ['awaiting-payment', 'paid', 'refunded', 'closed'] as const;
export const LESSON_STATUSES = ['pending', 'confirmed', 'released', 'disputed'] as const;
export const REFUND_STATUSES = ['awaiting-institution', 'agreed', 'disputed', 'paid'] as const;
export const RECONCILIATION_RESULTS = ['matched', 'mismatch'] as const;

/** Records keyed by institution rather than by an id of their own. */
const ID_FIELD: Partial<Record<FeeResource, string>> = {
  'fee-accounts': 'institutionId',
  'fee-closures': 'institutionId',
};

export const isFeeResource = (resource: string): resource is FeeResource =>
  (FEE_RESOURCES as readonly string[]).includes(resource);

/** The record with the `id` react-admin needs (accounts and closures are the institution's). */
export function withId<R extends Record<string, unknown>>(resource: string, record: R): R & { id: unknown } {
  const field = isFeeResource(resource) ? ID_FIELD[resource] : undefined;
  return { ...record, id: field ? record[field] : record.id };
}

/**
 * The service pages with limit/offset (at most `max` rows a request): react-admin's page as the
 * requests to send. An export of 2,000 rows becomes four requests of 500.
 */
export function limitOffsetChunks(page: number, perPage: number, max: number) {
  const start = (page - 1) * perPage;
  const chunks: { limit: number; offset: number }[] = [];
  for (let offset = start; offset < start + perPage; offset += max)
    chunks.push({ limit: Math.min(max, start + perPage - offset), offset });
  return chunks;
}

/**
 * The states in which a record offers each row command (the role's grant is checked separately).
 * The service decides again; this only keeps pointless buttons off the screen.
 */
const OFFERED_IN = {
  acknowledge: ['open'],
  closeAlert: ['open', 'acknowledged'],
  recordLesson: ['paid'],
  agreeRefund: ['awaiting-institution'],
  disputeRefund: ['awaiting-institution'],
  // The supervisor orders a refund the institution has not agreed to (ordering also pays it).
  orderRefund: ['awaiting-institution', 'disputed'],
  payRefund: ['agreed'],
  runRefunds: ['refunding'],
} as const satisfies Partial<Record<Action, readonly string[]>>;

export type FeeCommand = keyof typeof OFFERED_IN;

export const offered = (command: FeeCommand, status: string | undefined): boolean =>
  (OFFERED_IN[command] as readonly string[]).includes(status ?? '');

/** A calendar day in Beijing time (UTC+8), the service's calendar. */
export const beijingDay = (at: Date): string =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The day `days` before `day` (YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export interface EscrowDay {
  date: string;
  escrowFen: number;
  paidInFen: number;
  releasedFen: number;
  refundedFen: number;
}

/** The chart's points: the service's days with movements, amounts as yuan for the axis. */
export const chartPoints = (days: readonly EscrowDay[]) =>
  days.map((d) => ({
    date: d.date,
    escrowFen: d.escrowFen,
    escrow: fenToYuanNumber(d.escrowFen),
    paidIn: fenToYuanNumber(d.paidInFen),
    released: fenToYuanNumber(d.releasedFen),
    refunded: fenToYuanNumber(d.refundedFen),
  }));

/** Closure progress as a percentage of claims paid (100 when there is nothing to pay). */
export const closurePercent = (p: { claims: number; claimsPaid: number }): number =>
  p.claims === 0 ? 100 : Math.floor((p.claimsPaid * 100) / p.claims);

/** The request bodies the service expects, trimmed. */
export const noteBody = (v: Record<string, unknown>) => ({ note: String(v.note ?? '').trim() });
export const reasonBody = (v: Record<string, unknown>) => ({ reason: String(v.reason ?? '').trim() });
export const lessonBody = (orderId: string, v: Record<string, unknown>) => ({
  orderId,
  date: v.date,
  start: v.start,
  durationMinutes: Number(v.durationMinutes),
  mode: v.mode,
  hours: Number(v.hours),
  students: Number(v.students),
});
export const reconcileBody = (v: Record<string, unknown>) => ({
  date: v.date,
  ...(v.institutionId ? { institutionId: v.institutionId } : {}),
});
export const closureBody = (v: Record<string, unknown>) => ({
  institutionId: v.institutionId,
  reason: String(v.reason ?? '').trim(),
});
