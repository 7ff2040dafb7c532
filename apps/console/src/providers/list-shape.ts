/**
 * The pure half of the data provider: how list requests are written and list answers read.
 * No react-admin import, so jest loads it.
 */
import type { ResourceEndpoint } from './resources';

export interface ListParams {
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: string };
  filter?: Record<string, unknown>;
}

/**
 * Every list answers the envelope { items, total } (docs/integration.md, "Lists"); anything else is
 * a contract error, reported as such. A total the list does not count (null on a keyset page) is
 * the rows at hand.
 */
export function adaptList<T>(body: unknown): { data: T[]; total: number } {
  if (body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items)) {
    const { items, total } = body as { items: T[]; total?: unknown };
    return { data: items, total: typeof total === 'number' ? total : items.length };
  }
  throw new Error('unexpected list response: not the list envelope { items, total }');
}

/** A calendar day as the first or last instant of that day in Beijing time (UTC+8). */
export function dayBound(value: string, end: 'from' | 'to'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return end === 'from' ? `${value}T00:00:00+08:00` : `${value}T23:59:59.999+08:00`;
}

/** The query string filters of a list request: empty values left out, calendar days made instants. */
export function filterParams(
  endpoint: ResourceEndpoint,
  filter: Record<string, unknown> = {},
): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, raw] of Object.entries(filter)) {
    if (raw === undefined || raw === null || raw === '') continue;
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      let s = String(v);
      if (endpoint.dayFilters?.from?.includes(key)) s = dayBound(s, 'from');
      if (endpoint.dayFilters?.to?.includes(key)) s = dayBound(s, 'to');
      out.push([key, s]);
    }
  }
  return out;
}

/** True when the service would refuse the request for a missing filter (the list is then empty). */
export const missingRequiredFilter = (endpoint: ResourceEndpoint, filter: Record<string, unknown> = {}) =>
  (endpoint.requiredFilters ?? []).some((f) => filter[f] === undefined || filter[f] === '');

/**
 * The service pages to fetch for react-admin's page: one when it fits the service's largest page,
 * several when it does not (an export asks for 1000 rows), then `skip` rows dropped from the first.
 * A service that answers the whole list at once is asked once and paged here.
 */
export function pagePlan(page: number, perPage: number, maxPageSize: number, unpaged = false) {
  if (unpaged) return { pageSize: maxPageSize, pages: [1], skip: (page - 1) * perPage, take: perPage };
  if (perPage <= maxPageSize) return { pageSize: perPage, pages: [page], skip: 0, take: perPage };
  const offset = (page - 1) * perPage;
  const first = Math.floor(offset / maxPageSize) + 1;
  const last = Math.floor((offset + perPage - 1) / maxPageSize) + 1;
  const pages = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { pageSize: maxPageSize, pages, skip: offset - (first - 1) * maxPageSize, take: perPage };
}

/** The URL of one service page of a list request. */
export function listUrl(
  endpoint: ResourceEndpoint,
  params: ListParams,
  page: number,
  pageSize: number,
): string {
  const qs = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  for (const [k, v] of filterParams(endpoint, params.filter)) qs.append(k, v);
  if (params.sort?.field && params.sort.field !== 'id') {
    qs.set('sort', params.sort.field);
    qs.set('order', params.sort.order.toLowerCase() === 'desc' ? 'desc' : 'asc');
  }
  return `${endpoint.url}?${qs}`;
}
