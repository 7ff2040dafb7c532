import { loginError } from './auth-provider';
import { BOM, csvCell, exportFileName, toCsv } from './csv';
import { adaptList, dayBound, listUrl, missingRequiredFilter, pagePlan } from './list-shape';
import { adaptNotifications, consoleRoute } from './notifications';
import { RESOURCES } from './resources';

describe('the data provider', () => {
  it('reads the one list shape, the envelope { items, total }', () => {
    expect(adaptList({ items: [{ id: 'a' }], total: 40 })).toEqual({ data: [{ id: 'a' }], total: 40 });
    expect(adaptList({ items: [{ id: 'a' }], total: 40, nextCursor: 'x' })).toEqual({
      data: [{ id: 'a' }],
      total: 40,
    });
  });

  it('falls back to the length of the page when the total is not counted, and rejects other shapes', () => {
    expect(adaptList({ items: [{ id: 'a' }] }).total).toBe(1);
    expect(adaptList({ items: [{ id: 'a' }, { id: 'b' }], total: null }).total).toBe(2);
    // A bare array (the gateway's lists with X-Total-Count before #16) is no longer a list answer.
    expect(() => adaptList([{ id: 'b' }])).toThrow(/unexpected list response/);
    expect(() => adaptList({ data: [] })).toThrow(/unexpected list response/);
    expect(() => adaptList(null)).toThrow();
  });

  it('writes page, pageSize, sort, order and the filters the services expect', () => {
    const url = listUrl(
      RESOURCES.institutions,
      {
        pagination: { page: 2, perPage: 25 },
        sort: { field: 'name', order: 'DESC' },
        filter: { q: '美术', district: 'CN-ZJ-HZ-XH', category: '' },
      },
      2,
      25,
    );
    const [path, qs] = url.split('?');
    expect(path).toBe('/api/public/institutions');
    expect(Object.fromEntries(new URLSearchParams(qs))).toEqual({
      page: '2',
      pageSize: '25',
      q: '美术',
      district: 'CN-ZJ-HZ-XH',
      sort: 'name',
      order: 'desc',
    });
  });

  it('sends calendar-day filters as Beijing-time instants', () => {
    expect(dayBound('2026-03-01', 'from')).toBe('2026-03-01T00:00:00+08:00');
    expect(dayBound('2026-03-31', 'to')).toBe('2026-03-31T23:59:59.999+08:00');
    const qs = new URLSearchParams(
      listUrl(
        RESOURCES.timeline,
        { filter: { institutionId: 'i-1', from: '2026-03-01', to: '2026-03-31' } },
        1,
        50,
      ).split('?')[1],
    );
    expect(qs.get('from')).toBe('2026-03-01T00:00:00+08:00');
    expect(qs.get('to')).toBe('2026-03-31T23:59:59.999+08:00');
  });

  it('does not ask for a timeline without an institution', () => {
    expect(missingRequiredFilter(RESOURCES.timeline, {})).toBe(true);
    expect(missingRequiredFilter(RESOURCES.timeline, { institutionId: '' })).toBe(true);
    expect(missingRequiredFilter(RESOURCES.timeline, { institutionId: 'x' })).toBe(false);
    expect(missingRequiredFilter(RESOURCES.institutions, {})).toBe(false);
  });

  it('fetches an export longer than the service page in several pages', () => {
    expect(pagePlan(3, 25, 100)).toEqual({ pageSize: 25, pages: [3], skip: 0, take: 25 });
    expect(pagePlan(1, 1000, 100)).toEqual({
      pageSize: 100,
      pages: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      skip: 0,
      take: 1000,
    });
    expect(pagePlan(2, 150, 100)).toEqual({ pageSize: 100, pages: [2, 3], skip: 50, take: 150 });
  });

  it('asks a service that answers whole lists once, and pages its answer in the console', () => {
    expect(RESOURCES['license-requests'].unpaged).toBe(true);
    expect(pagePlan(3, 25, 500, true)).toEqual({ pageSize: 500, pages: [1], skip: 50, take: 25 });
  });

  it('tells a bad password from a locked account, without repeating the server', () => {
    expect(loginError(401)).toBe('otr.login.invalid');
    expect(loginError(423)).toBe('otr.login.locked');
    expect(loginError(429)).toBe('otr.login.locked');
    expect(loginError(502)).toBe('otr.login.unavailable');
  });
});

describe('the CSV exporter', () => {
  it('starts with a UTF-8 byte-order mark, so Excel reads Chinese correctly', () => {
    const csv = toCsv([{ name: '杭州启航编程', total: 3 }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe('name,total\r\n杭州启航编程,3\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv([{ name: '杭州"启航",编程', note: '第一行\n第二行' }]).slice(1)).toBe(
      'name,note\r\n"杭州""启航"",编程","第一行\n第二行"\r\n',
    );
  });

  it('uses translated headers and readable values when given columns', () => {
    const rows = [{ username: 'approver.xihu', roles: ['approver', 'viewer'] }];
    const csv = toCsv(rows, [
      { header: '用户名', value: (r) => r.username },
      { header: '角色', value: (r) => r.roles.map((x) => ({ approver: '审批员', viewer: '查看员' })[x]) },
    ]);
    expect(csv.slice(1)).toBe('用户名,角色\r\napprover.xihu,审批员、查看员\r\n');
  });

  it('makes text that Excel would run as a formula inert', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+86 571')).toBe("'+86 571");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });

  it('names the file after the list and the day in Beijing', () => {
    expect(exportFileName('机构名录', new Date('2026-03-01T17:00:00Z'))).toBe('机构名录-2026-03-02');
  });
});

describe('the notification feed', () => {
  it('reads the items and counts the unread ones', () => {
    const feed = adaptNotifications(200, {
      items: [
        {
          id: 'n1',
          title: '新分派：征求消防意见',
          link: '#/applications/a1/show',
          createdAt: '2026-03-01T08:00:00Z',
        },
        { id: 'n2', title: '已读', read: true },
        { id: 'n3' },
      ],
    });
    expect(feed).toEqual({
      state: 'ok',
      unread: 1,
      items: [
        {
          id: 'n1',
          title: '新分派：征求消防意见',
          link: '#/applications/a1/show',
          createdAt: '2026-03-01T08:00:00Z',
          read: false,
          body: undefined,
        },
        { id: 'n2', title: '已读', read: true, body: undefined, link: undefined, createdAt: undefined },
      ],
    });
    expect(adaptNotifications(200, [{ id: 1, message: 'x' }])).toMatchObject({ state: 'ok', unread: 1 });
  });

  it('says the service is absent rather than "nothing new" when it does not answer', () => {
    expect(adaptNotifications(404, null)).toEqual({ state: 'unavailable' });
    expect(adaptNotifications(502, null)).toEqual({ state: 'unavailable' });
    expect(adaptNotifications(500, null)).toEqual({ state: 'error' });
    expect(adaptNotifications(200, { unexpected: true })).toEqual({ state: 'error' });
  });

  it('follows only links inside the console', () => {
    expect(consoleRoute('#/applications/a1/show')).toBe('/applications/a1/show');
    expect(consoleRoute('/console/#/timeline')).toBe('/timeline');
    expect(consoleRoute('https://evil.example/')).toBeNull();
    expect(consoleRoute('//evil.example/')).toBeNull();
    expect(consoleRoute(undefined)).toBeNull();
  });
});
