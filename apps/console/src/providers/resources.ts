/**
 * Where every console resource lives behind the gateway (same origin, prefix /api). A new
 * service adds its entries here, its screen in src/<feature>/index.tsx and src/resources.tsx,
 * and its grants in src/auth/permissions.ts. Pure module: jest loads it.
 */
export interface ResourceEndpoint {
  /** List, and <url>/<id> for one record. */
  url: string;
  /** The largest pageSize the service accepts; longer exports are fetched page by page. */
  maxPageSize: number;
  /** The service refuses a list without these filters: the console shows a prompt instead of asking. */
  requiredFilters?: string[];
  /** Filters holding a calendar day (YYYY-MM-DD) that the service wants as an ISO instant in Beijing time. */
  dayFilters?: { from?: string[]; to?: string[] };
  /** The service answers the whole list at once (at most maxPageSize rows); the console pages it. */
  unpaged?: boolean;
}

export const RESOURCES: Record<string, ResourceEndpoint> = {
  applications: { url: '/api/registration/applications', maxPageSize: 200 },
  licenses: { url: '/api/registration/licenses', maxPageSize: 200 },
  'license-requests': { url: '/api/registration/license-requests', maxPageSize: 500, unpaged: true },
  /** The complaint work queue, soonest deadline first (the service orders it). */
  complaints: { url: '/api/complaints/complaints', maxPageSize: 200 },
  inspections: { url: '/api/inspection/inspections', maxPageSize: 200 },
  violations: { url: '/api/inspection/violations', maxPageSize: 200 },
  rectifications: { url: '/api/inspection/rectifications', maxPageSize: 200 },
  penalties: { url: '/api/inspection/penalties', maxPageSize: 200 },
  blacklist: { url: '/api/inspection/blacklist', maxPageSize: 200 },
  'spot-checks': { url: '/api/inspection/spot-checks', maxPageSize: 200 },
  'annual-reports': { url: '/api/inspection/annual-reports', maxPageSize: 200 },
  'joint-cases': { url: '/api/inspection/joint-cases', maxPageSize: 200 },
  'fee-accounts': { url: '/api/fee-supervision/accounts', maxPageSize: 500 },
  'fee-alerts': { url: '/api/fee-supervision/alerts', maxPageSize: 500 },
  'fee-orders': { url: '/api/fee-supervision/orders', maxPageSize: 500 },
  'fee-lessons': { url: '/api/fee-supervision/lessons', maxPageSize: 500 },
  'fee-refunds': { url: '/api/fee-supervision/refunds', maxPageSize: 500 },
  'fee-reconciliations': { url: '/api/fee-supervision/reconciliation/runs', maxPageSize: 500 },
  'fee-closures': { url: '/api/fee-supervision/closures', maxPageSize: 500, unpaged: true },
  institutions: { url: '/api/public/institutions', maxPageSize: 100 },
  timeline: {
    url: '/api/directory/timeline',
    maxPageSize: 200,
    requiredFilters: ['institutionId'],
    dayFilters: { from: ['from'], to: ['to'] },
  },
  users: { url: '/api/admin/users', maxPageSize: 200 },
  audit: { url: '/api/admin/audit', maxPageSize: 200, dayFilters: { from: ['from'], to: ['to'] } },
  /** The in-service teacher roster: not a list, an upload (POST replaces the roster). */
  roster: { url: '/api/registration/in-service-roster', maxPageSize: 1 },
};

/** Statistics for the dashboards: GET /api/<service>/stats, one per service (see dashboard-provider.ts). */
export const STATS_URLS = {
  registration: '/api/registration/stats',
  inspection: '/api/inspection/stats',
  complaints: '/api/complaints/stats',
  fees: '/api/fee-supervision/stats',
  directory: '/api/directory/stats',
} as const;

/** The signed-in user's new work (polled by the bell in the app bar). */
export const NOTIFICATIONS_URL = '/api/me/notifications';

export function endpointOf(resource: string): ResourceEndpoint {
  const endpoint = RESOURCES[resource];
  if (!endpoint) throw new Error(`unknown resource ${resource}`);
  return endpoint;
}
