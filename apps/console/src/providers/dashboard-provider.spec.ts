import { createDashboardProvider, Fetcher, listTotal } from './dashboard-provider';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A fake gateway: a table of path prefixes (before the query string) to answers. */
function gateway(routes: Record<string, (url: URL) => Response>): Fetcher & { calls: string[] } {
  const calls: string[] = [];
  const f = async (raw: string) => {
    calls.push(raw);
    const url = new URL(raw, 'http://console.test');
    const handler = routes[url.pathname];
    return handler ? handler(url) : json(404, { message: 'Cannot GET' });
  };
  return Object.assign(f, { calls });
}

describe('the dashboard provider', () => {
  it('says "not connected" for a service that is not there, never a number', async () => {
    const provider = createDashboardProvider(
      gateway({ '/api/inspection/stats': () => json(502, { message: 'the service is not answering' }) }),
    );
    expect(await provider.inspection()).toEqual({ state: 'unavailable', status: 502 });
    expect(await provider.complaints()).toEqual({ state: 'unavailable', status: 404 });
    expect(await provider.fees()).toEqual({ state: 'unavailable', status: 404 });
  });

  it('treats a network failure as unavailable and a refusal as forbidden', async () => {
    const down = createDashboardProvider(async () => {
      throw new TypeError('fetch failed');
    });
    expect(await down.fees()).toEqual({ state: 'unavailable', status: 0 });
    const refused = createDashboardProvider(gateway({ '/api/fee-supervision/stats': () => json(403, {}) }));
    expect(await refused.fees()).toEqual({ state: 'forbidden' });
  });

  it('passes a service’s statistics through when they match the contract', async () => {
    const provider = createDashboardProvider(
      gateway({
        '/api/complaints/stats': () => json(200, { open: { green: 12, amber: 3, red: 1 } }),
        '/api/fee-supervision/stats': () => json(200, { openAlerts: 'many' }),
      }),
    );
    expect(await provider.complaints()).toEqual({
      state: 'ok',
      source: 'stats',
      data: { open: { green: 12, amber: 3, red: 1 } },
    });
    expect(await provider.fees()).toMatchObject({ state: 'error' });
  });

  it('counts applications waiting from the work queue while registration has no stats, leaving overdue unknown', async () => {
    const f = gateway({
      '/api/registration/applications': (url) =>
        url.searchParams.get('status') === 'submitted'
          ? json(200, { items: [{ id: 'a' }], total: 12 })
          : json(400, {}),
    });
    expect(await createDashboardProvider(f).registration()).toEqual({
      state: 'ok',
      source: 'derived',
      statsStatus: 404,
      data: { waiting: 12, overdue: null },
    });
    expect(f.calls[0]).toBe('/api/registration/stats');
  });

  it('counts institutions per district and category from the public directory totals', async () => {
    const counts: Record<string, number> = { 'CN-ZJ-HZ-XH': 7, 'CN-ZJ-HZ-BJ': 2, arts: 4, sports: 5 };
    const f = gateway({
      '/api/public/institutions': (url) =>
        json(200, {
          items: [],
          total: counts[url.searchParams.get('district') ?? url.searchParams.get('category') ?? ''] ?? 9,
        }),
    });
    const panel = await createDashboardProvider(f).institutions(
      ['CN-ZJ-HZ-XH', 'CN-ZJ-HZ-BJ'],
      ['arts', 'sports'],
    );
    expect(panel).toEqual({
      state: 'ok',
      source: 'derived',
      data: {
        total: 9,
        byDistrict: [
          { district: 'CN-ZJ-HZ-XH', count: 7 },
          { district: 'CN-ZJ-HZ-BJ', count: 2 },
        ],
        byCategory: [
          { category: 'arts', count: 4 },
          { category: 'sports', count: 5 },
        ],
      },
    });
    expect(f.calls.slice(1).every((c) => c.includes('status=active'))).toBe(true);
  });

  it('marks a directory total that reached the count cap as a lower bound', async () => {
    const f = gateway({
      '/api/public/institutions': () => json(200, { items: [], total: 10000, totalIsCapped: true }),
    });
    const panel = await createDashboardProvider(f).institutions([], []);
    expect(panel).toMatchObject({ state: 'ok', data: { total: 10000, totalIsCapped: true } });
  });

  it('shows nothing when one of the directory counts fails, rather than a partial chart', async () => {
    const f = gateway({
      '/api/public/institutions': (url) =>
        url.searchParams.get('district') === 'CN-ZJ-HZ-BJ'
          ? json(503, {})
          : json(200, { items: [], total: 1 }),
    });
    expect(await createDashboardProvider(f).institutions(['CN-ZJ-HZ-XH', 'CN-ZJ-HZ-BJ'], [])).toEqual({
      state: 'unavailable',
      status: 503,
    });
  });

  it('reads list totals from the envelope only', () => {
    expect(listTotal({ items: [], total: 3 })).toBe(3);
    expect(listTotal({ items: [] })).toBeNull();
    expect(listTotal([{}, {}])).toBeNull();
  });
});
