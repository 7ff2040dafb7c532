/**
 * The dead letters of each service with consumers, behind the gateway (administrators only):
 * GET /api/<service>/dead-letters, POST …/<id>/redrive and …/redrive with the ids shown.
 * Pure module: jest loads it.
 */
import type { ApiAnswer } from '@otr/contracts/browser';

export const CONSUMING_SERVICES = [
  'registration',
  'inspection',
  'fee-supervision',
  'complaints',
  'directory',
] as const;
export type ConsumingService = (typeof CONSUMING_SERVICES)[number];

/** The answers as the services document them (generated from their zod schemas). */
export type DeadLetterPage = ApiAnswer<'/api/v1/registration/dead-letters'>;
export type DeadLetter = DeadLetterPage['items'][number];
export type RedriveResult = ApiAnswer<'/api/v1/registration/dead-letters/{id}/redrive', 'post'>;
export type RedriveOutcome = RedriveResult['outcome'];
export type RedriveSummary = ApiAnswer<'/api/v1/registration/dead-letters/redrive', 'post'>;

export const PAGE_SIZE = 50;

export function listUrl(
  service: ConsumingService,
  opts: { openOnly: boolean; after?: string | null },
): string {
  const query = new URLSearchParams({ pageSize: String(PAGE_SIZE) });
  if (opts.openOnly) query.set('open', 'true');
  if (opts.after) query.set('after', opts.after);
  return `/api/${service}/dead-letters?${query}`;
}

export const redriveUrl = (service: ConsumingService, id?: string) =>
  id
    ? `/api/${service}/dead-letters/${encodeURIComponent(id)}/redrive`
    : `/api/${service}/dead-letters/redrive`;

export function countsOf(results: RedriveResult[]): Record<RedriveOutcome, number> {
  const counts = { applied: 0, duplicate: 0, ignored: 0, refused: 0 };
  for (const r of results) counts[r.outcome]++;
  return counts;
}

/** Open: never redriven, or refused again; the rest are settled. */
export const isOpen = (d: DeadLetter) => d.redriveOutcome === null || d.redriveOutcome === 'refused';

/** The payload as an operator reads it: indented JSON, or the raw text when it is not JSON. */
export function readablePayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
