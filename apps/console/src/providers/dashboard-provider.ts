/**
 * The dashboards' numbers, one panel per service, from GET /api/<service>/stats. A service that
 * is not there yet (404, 501, 502, 503, 504) gives an honest "no data yet", never a made-up number.
 * Where the figure can be computed exactly from an existing list (its total), that is done and
 * marked as such. Pure module: the fetch function is passed in, so jest can drive it.
 *
 * The stats contract the console reads (services implement these shapes; extra fields are ignored):
 *   registration  { waiting, overdue, byDistrict?: [{ district, waiting, overdue }], trend?: [{ period, submitted, decided }] }
 *   inspection    { rectificationsOpen, rectificationsOverdue, byDistrict?: [{ district, overdue }] }
 *   complaints    { open: { green, amber, red }, byDistrict?: [{ district, green, amber, red }] }
 *   fee-supervision { openAlerts, byRule?: [{ rule, count }], byDistrict?: [{ district, openAlerts }] }
 *   directory     { byDistrict: [{ district, count }], byCategory?: [{ category, count }] }
 * `district` is a jurisdiction code (CN-ZJ-HZ-XH), `period` a month (YYYY-MM) or a day.
 */
import { RESOURCES, STATS_URLS } from './resources';

export type Fetcher = (url: string) => Promise<Response>;

export type PanelData<T> =
  /** `derived`: computed from list totals because the stats endpoint answered `statsStatus`. */
  | { state: 'ok'; data: T; source: 'stats' | 'derived'; statsStatus?: number }
  /** The service is not deployed or not answering: nothing to show, and we say so. */
  | { state: 'unavailable'; status: number }
  | { state: 'forbidden' }
  | { state: 'error'; message: string };

export interface RegistrationStats {
  waiting: number;
  /** Unknown (null) when only the list total could be read. */
  overdue: number | null;
  byDistrict?: { district: string; waiting: number; overdue?: number }[];
  trend?: { period: string; submitted: number; decided: number }[];
}
export interface InspectionStats {
  rectificationsOpen: number;
  rectificationsOverdue: number;
  byDistrict?: { district: string; overdue: number }[];
}
export interface ComplaintStats {
  open: { green: number; amber: number; red: number };
  byDistrict?: { district: string; green: number; amber: number; red: number }[];
}
export interface FeeStats {
  openAlerts: number;
  byRule?: { rule: string; count: number }[];
  byDistrict?: { district: string; openAlerts: number }[];
}
export interface InstitutionStats {
  total: number;
  /** The directory counts up to a cap and then says "more than": the total is then a lower bound. */
  totalIsCapped?: boolean;
  byDistrict: { district: string; count: number }[];
  byCategory?: { category: string; count: number }[];
}
export interface AuditStats {
  recent: {
    id: string;
    at: string;
    userId?: string;
    role?: string;
    method: string;
    path: string;
    status: number;
  }[];
  total: number;
}

const ABSENT = new Set([404, 405, 501, 502, 503, 504]);

/** What an HTTP answer means for a panel when it is not a success. */
export function failure(status: number, message = ''): PanelData<never> {
  if (ABSENT.has(status)) return { state: 'unavailable', status };
  if (status === 401 || status === 403) return { state: 'forbidden' };
  return { state: 'error', message: message || `HTTP ${status}` };
}

async function getJson(
  fetcher: Fetcher,
  url: string,
): Promise<{ ok: true; body: unknown } | { ok: false; panel: PanelData<never> }> {
  let res: Response;
  try {
    res = await fetcher(url);
  } catch {
    return { ok: false, panel: { state: 'unavailable', status: 0 } };
  }
  if (!res.ok) return { ok: false, panel: failure(res.status, res.statusText) };
  try {
    return { ok: true, body: await res.json() };
  } catch {
    return { ok: false, panel: { state: 'error', message: 'not JSON' } };
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The total of a list answer (the envelope { items, total }), or null. */
export function listTotal(body: unknown): number | null {
  const total = (body as { total?: unknown } | null)?.total;
  return isCount(total) ? total : null;
}

/** A stats body that lacks the fields a panel needs is a contract error, not a zero. */
function checked<T>(body: unknown, valid: (b: T) => boolean): PanelData<T> {
  return body && typeof body === 'object' && valid(body as T)
    ? { state: 'ok', data: body as T, source: 'stats' }
    : { state: 'error', message: 'stats response does not match the contract' };
}

async function stats<T>(fetcher: Fetcher, url: string, valid: (b: T) => boolean): Promise<PanelData<T>> {
  const r = await getJson(fetcher, url);
  return r.ok ? checked<T>(r.body, valid) : r.panel;
}

export interface DashboardProvider {
  registration(): Promise<PanelData<RegistrationStats>>;
  inspection(): Promise<PanelData<InspectionStats>>;
  complaints(): Promise<PanelData<ComplaintStats>>;
  fees(): Promise<PanelData<FeeStats>>;
  institutions(
    districts: readonly string[],
    categories: readonly string[],
  ): Promise<PanelData<InstitutionStats>>;
  audit(): Promise<PanelData<AuditStats>>;
}

export function createDashboardProvider(fetcher: Fetcher): DashboardProvider {
  const capped = new Set<string>();
  const total = async (url: string): Promise<number | PanelData<never>> => {
    const r = await getJson(fetcher, url);
    if (!r.ok) return r.panel;
    const n = listTotal(r.body);
    if ((r.body as { totalIsCapped?: unknown } | null)?.totalIsCapped === true) capped.add(url);
    return n === null ? { state: 'error', message: 'list without a total' } : n;
  };

  return {
    async registration() {
      const s = await stats<RegistrationStats>(
        fetcher,
        STATS_URLS.registration,
        (b) => isCount(b.waiting) && (b.overdue === null || isCount(b.overdue)),
      );
      if (s.state !== 'unavailable') return s;
      // No stats endpoint yet: the waiting count is the work queue's total; overdue stays unknown.
      const waiting = await total(`${RESOURCES.applications.url}?status=submitted&page=1&pageSize=1`);
      return typeof waiting === 'number'
        ? { state: 'ok', source: 'derived', statsStatus: s.status, data: { waiting, overdue: null } }
        : waiting;
    },
    inspection: () =>
      stats<InspectionStats>(fetcher, STATS_URLS.inspection, (b) => isCount(b.rectificationsOverdue)),
    complaints: () =>
      stats<ComplaintStats>(
        fetcher,
        STATS_URLS.complaints,
        (b) => !!b.open && isCount(b.open.green) && isCount(b.open.amber) && isCount(b.open.red),
      ),
    fees: () => stats<FeeStats>(fetcher, STATS_URLS.fees, (b) => isCount(b.openAlerts)),
    async institutions(districts, categories) {
      const s = await stats<InstitutionStats>(fetcher, STATS_URLS.directory, (b) =>
        Array.isArray(b.byDistrict),
      );
      if (s.state === 'ok') {
        const data = s.data;
        return {
          ...s,
          data: { ...data, total: data.total ?? data.byDistrict.reduce((a, d) => a + d.count, 0) },
        };
      }
      // Computed exactly from the public directory's totals, one query per district and category.
      const url = RESOURCES.institutions.url;
      const allUrl = `${url}?status=active&page=1&pageSize=1`;
      const [all, ...rest] = await Promise.all([
        total(allUrl),
        ...districts.map((d) =>
          total(`${url}?status=active&district=${encodeURIComponent(d)}&page=1&pageSize=1`),
        ),
        ...categories.map((c) =>
          total(`${url}?status=active&category=${encodeURIComponent(c)}&page=1&pageSize=1`),
        ),
      ]);
      const failed = [all, ...rest].find((x) => typeof x !== 'number');
      if (failed) return failed as PanelData<never>;
      const counts = rest as number[];
      return {
        state: 'ok',
        source: 'derived',
        data: {
          total: all as number,
          ...(capped.has(allUrl) ? { totalIsCapped: true } : {}),
          byDistrict: districts.map((district, i) => ({ district, count: counts[i] })),
          byCategory: categories.map((category, i) => ({ category, count: counts[districts.length + i] })),
        },
      };
    },
    async audit() {
      const r = await getJson(fetcher, `${RESOURCES.audit.url}?page=1&pageSize=8`);
      if (!r.ok) return r.panel;
      const n = listTotal(r.body);
      const recent = ((r.body as { items?: unknown[] } | null)?.items ?? []) as AuditStats['recent'];
      return { state: 'ok', source: 'derived', data: { recent, total: n ?? recent.length } };
    },
  };
}
