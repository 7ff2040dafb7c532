import { Pool } from 'pg';
import { Envelope } from '@otr/contracts';
import { PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { directoryService } from './directory.module';
import { eventsFor, message, PRIVATE, topicOf } from './directory-fixtures';

jest.setTimeout(60_000);

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Projections of every event type the directory publishes, under duplicate and out-of-order delivery. */
describe('the directory projections', () => {
  let db: TestDatabase;
  let service: RunningService;
  let transport: InProcessTransport;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    transport = new InProcessTransport();
    service = await startService(directoryService, {
      databaseUrl: db.url,
      transport,
      port: await freePort(),
    });
    pool = new Pool({ connectionString: db.url, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await service.stop();
    await db.drop();
  });

  /** Delivers events one by one in the order given (the in-process transport applies each before resolving). */
  const deliver = async (...events: Envelope[]) => {
    for (const e of events) await transport.publish(topicOf(e), [message(e)]);
  };
  const get = async (path: string) => {
    const res = await fetch(`http://127.0.0.1:${service.port}/public${path}`);
    return { status: res.status, text: await res.text() };
  };
  const json = async (path: string) => JSON.parse((await get(path)).text);
  const page = (n: number) => json(`/institutions/${id(n)}`);

  it('folds license, changes and status facts into one entry, whatever the delivery order and repetition', async () => {
    const history = (n: number) => {
      const e = eventsFor(id(n), '杭州博雅美术培训学校');
      return [
        e.issued(),
        e.changed(3, { institutionName: '杭州博雅艺术培训学校', legalRepresentative: '王某' }),
        e.changed(4, { address: '杭州市西湖区天目山路2号', location: { lat: 30.27, lng: 120.12 } }),
        e.suspended(5),
        e.reinstated(6),
        e.renewed(7, '2031-12-31'),
      ];
    };
    const inOrder = history(1);
    const shuffled = history(2);
    await deliver(...inOrder);
    await deliver(
      shuffled[5],
      shuffled[3],
      shuffled[1],
      shuffled[4],
      shuffled[0],
      shuffled[2],
      shuffled[3],
      shuffled[0],
    );

    const a = await page(1);
    expect(a).toMatchObject({
      name: '杭州博雅艺术培训学校',
      legalRepresentative: '王某',
      address: '杭州市西湖区天目山路2号',
      location: { lat: 30.27, lng: 120.12 },
      license: { status: 'active', validUntil: '2031-12-31' },
    });
    const b = await page(2);
    expect({ ...b, id: a.id, license: { ...b.license, number: a.license.number } }).toEqual(a);
    // Each duplicate was applied once: one journal row per fact.
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM directory.institution_fact WHERE institution_id = $1`,
      [id(2)],
    );
    expect(rows[0].n).toBe(6);
  });

  it('keeps no entry for facts about a license it has not seen issued, and adds it when the license arrives', async () => {
    const e = eventsFor(id(3), '杭州晨曦书法培训学校');
    await deliver(e.suspended(5));
    expect((await get(`/institutions/${id(3)}`)).status).toBe(404);
    await deliver(e.issued());
    expect((await page(3)).license.status).toBe('suspended');
  });

  it('shows closure with its date', async () => {
    const e = eventsFor(id(4), '杭州明德围棋培训学校');
    await deliver(e.closed(20), e.issued());
    expect((await page(4)).license).toMatchObject({ status: 'closed', closedOn: '2026-01-28' });
  });

  it('shows filed courses with grades and fees; a late, older re-filing does not replace a newer one', async () => {
    const e = eventsFor(id(5), '杭州童心美术培训学校');
    await deliver(e.issued(), e.course(9, 'c-5-b', 360_000), e.course(2, 'c-5-a', 480_000));
    await deliver(
      e.course(8, 'c-5-a', 500_000),
      e.course(3, 'c-5-a', 300_000),
      e.course(8, 'c-5-a', 500_000),
    );
    const { courses } = await page(5);
    expect(courses.map((c: { id: string; priceFen: number }) => [c.id, c.priceFen])).toEqual([
      ['c-5-a', 500_000],
      ['c-5-b', 360_000],
    ]);
    expect(courses[0]).toMatchObject({
      gradeLevels: ['小学一年级', '小学二年级'],
      totalHours: 48,
      subject: '美术',
    });
  });

  it('counts teachers and qualifications, honouring removals that arrive before or after the filing', async () => {
    const e = eventsFor(id(6), '杭州青藤艺术培训学校');
    await deliver(
      e.issued(),
      e.staffFiled(2, 's-6-1', '美术', true),
      e.staffFiled(2, 's-6-2', '美术', false),
      e.staffFiled(2, 's-6-3', '书法', true),
      e.staffRemoved(6, 's-6-4'), // removed (day 6) before its filing (day 3) is delivered
      e.staffFiled(3, 's-6-4', '书法', true),
      e.staffFiled(2, 's-6-5', '舞蹈', true),
      e.staffRemoved(4, 's-6-5'),
      e.staffRemoved(4, 's-6-5'),
    );
    expect((await page(6)).staff).toEqual({
      teachers: 3,
      certifiedTeachers: 2,
      otherStaff: 0,
      bySubject: [
        { subject: '美术', teachers: 2, certified: 1 },
        { subject: '书法', teachers: 1, certified: 1 },
      ],
    });
    // Re-filed after its removal: counted again.
    await deliver(e.staffFiled(9, 's-6-5', '舞蹈', false));
    expect((await page(6)).staff.teachers).toBe(4);
  });

  it('publishes penalties and the black list, with removals in any order', async () => {
    const e = eventsFor(id(7), '杭州致远科技培训学校');
    await deliver(e.issued(), e.penalty(10, 'p-7-001'), e.penalty(10, 'p-7-001'));
    await deliver(e.unlisted(15, 'b-7-001'), e.blacklisted(12, 'b-7-001')); // removed after it was listed
    await deliver(e.blacklisted(16, 'b-7-002'), e.unlisted(11, 'b-7-002')); // an old removal, then listed again
    const p = await page(7);
    expect(p.penalties).toEqual([
      {
        decisionNumber: '西教罚〔2026〕001号',
        penaltyType: 'fine',
        legalBasis: '教育部令第53号 第十九条',
        fineFen: 2_000_000,
        licenseAction: 'none',
        reasons: '超标准收费',
        decidedOn: '2026-01-10',
      },
    ]);
    const entry = {
      subjectName: '杭州致远科技培训学校',
      reason: '逾期未整改',
      decisionNumber: '西教黑〔2026〕002号',
      listedOn: '2026-01-16',
      removableOn: '2029-01-01',
    };
    expect(p.blacklist).toEqual([entry]);
    const list = await json('/blacklist?q=致远');
    expect(list).toEqual({ total: 1, page: 1, pageSize: 20, items: [{ institutionId: id(7), ...entry }] });
    const black = await json('/open-data/black.json');
    expect(black.rows).toContainEqual(entry);
    expect(black.asOf).toBe('2026-01-16T08:00:00.000Z');
    expect((await get('/open-data/black.csv')).text).toContain('西教黑〔2026〕002号');
  });

  it('finds institutions near a point, nearest first, within the radius only', async () => {
    const westLake = { lat: 30.2431, lng: 120.1497 };
    const places: [number, string, { lat: number; lng: number }][] = [
      [11, '杭州湖畔钢琴培训学校', { lat: 30.2441, lng: 120.1507 }], // ~150 m
      [12, '杭州之江钢琴培训学校', { lat: 30.2631, lng: 120.1497 }], // ~2.2 km
      [13, '杭州钱江钢琴培训学校', { lat: 30.2906, lng: 120.2126 }], // ~8 km
      [14, '宁波远航钢琴培训学校', { lat: 29.8683, lng: 121.544 }], // ~140 km
    ];
    for (const [n, name, location] of places) await deliver(eventsFor(id(n), name).issued(location));
    const near = await json(`/institutions?lat=${westLake.lat}&lng=${westLake.lng}&radiusKm=5&q=钢琴`);
    expect(near.items.map((i: { name: string }) => i.name)).toEqual([
      '杭州湖畔钢琴培训学校',
      '杭州之江钢琴培训学校',
    ]);
    expect(near.items[0].distanceM).toBeGreaterThan(100);
    expect(near.items[0].distanceM).toBeLessThan(200);
    expect(near.items[1].distanceM).toBeGreaterThan(2_100);
    expect(near.items[1].distanceM).toBeLessThan(2_300);
    const wider = await json(`/institutions?lat=${westLake.lat}&lng=${westLake.lng}&radiusKm=10&q=钢琴`);
    expect(wider.total).toBe(3);
    const noLng = await get(`/institutions?lat=30`);
    expect(noLng.status).toBe(400);
    expect(noLng.text).toContain('lng');
  });

  it('pages in a stable name order with exact totals, and filters by district, category, scope and status', async () => {
    const base = 100;
    for (let k = 0; k < 25; k++) {
      const e = eventsFor(
        id(base + k),
        k === 24 ? '杭州国画国学培训学校' : `杭州国画${String.fromCharCode(0x4e00 + ((k * 7) % 25))}培训学校`,
      );
      const issued = e.issued();
      const p = issued.payload as { district: string; scopes: string[] };
      if (k % 5 === 0) p.district = 'CN-ZJ-HZ-BJ';
      if (k % 2 === 0) p.scopes = ['offline', 'online'];
      await deliver(issued);
      if (k === 3) await deliver(e.suspended(4));
    }
    const pages = await Promise.all([1, 2, 3].map((p) => json(`/institutions?q=国画&pageSize=10&page=${p}`)));
    expect(pages.map((p) => [p.total, p.totalIsCapped, p.items.length])).toEqual([
      [25, false, 10],
      [25, false, 10],
      [25, false, 5],
    ]);
    const names = pages.flatMap((p) => p.items.map((i: { name: string }) => i.name));
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(25);
    expect((await json(`/institutions?q=国画&pageSize=10&page=4`)).total).toBe(25);
    expect((await json(`/institutions?q=国画&district=CN-ZJ-HZ-BJ`)).total).toBe(5);
    expect((await json(`/institutions?q=国画&scope=online`)).total).toBe(13);
    expect((await json(`/institutions?q=国画&district=CN-ZJ-HZ-BJ&scope=online`)).total).toBe(3);
    expect((await json(`/institutions?q=国画&category=sports`)).total).toBe(0);
    const suspended = await json(`/institutions?q=国画&status=suspended`);
    expect(suspended.items.map((i: { id: string }) => i.id)).toEqual([id(base + 3)]);
    // A three-character query must match the characters together, not only each of its bigrams.
    expect((await json(`/institutions?q=${encodeURIComponent('国画一')}`)).total).toBe(1);
    expect((await json(`/institutions?q=${encodeURIComponent('画国画')}`)).items).toEqual([]);
    expect((await json(`/institutions?q=${encodeURIComponent('画国学')}`)).total).toBe(1);
  });

  it('gives officials exact counts of active institutions within their jurisdiction, and the public none', async () => {
    const as = async (jurisdiction: string) =>
      fetch(`http://127.0.0.1:${service.port}/stats`, {
        headers: {
          [PRINCIPAL_HEADER]: await signPrincipal({
            userId: 'u1',
            name: '统计',
            roles: ['viewer'],
            jurisdiction,
          }),
        },
      });
    const bj = await (await as('CN-ZJ-HZ-BJ')).json();
    // The five 国画 schools in 滨江 of the paging test.
    expect(bj).toEqual({
      total: 5,
      byDistrict: [{ district: 'CN-ZJ-HZ-BJ', count: 5 }],
      byCategory: [{ category: 'arts', count: 5 }],
    });
    const city = await (await as('CN-ZJ-HZ')).json();
    const active = await pool.query(
      `SELECT count(*)::int AS n FROM directory.institution WHERE license_status = 'active'`,
    );
    expect(city.total).toBe(active.rows[0].n);
    expect(city.byDistrict.map((d: { district: string }) => d.district)).toEqual([
      'CN-ZJ-HZ-BJ',
      'CN-ZJ-HZ-XH',
    ]);
    expect((await as('CN-ZJ-NB')).status).toBe(200);
    expect((await (await as('CN-ZJ-NB')).json()).total).toBe(0);
    expect((await fetch(`http://127.0.0.1:${service.port}/stats`)).status).toBe(401);
  });

  it('lets no private field out of any public endpoint: staff names, certificates, legal representatives of black list entries, risk alerts', async () => {
    const e = eventsFor(id(20), '杭州弘毅编程培训学校');
    await deliver(
      e.issued(),
      e.staffFiled(2, 's-20-1', '编程', true),
      e.blacklisted(3, 'b-20-001'),
      e.riskAlert(4),
      e.penalty(5, 'p-20-001'),
    );
    // The events did arrive: the officials' timeline holds them.
    const { rows } = await pool.query(
      `SELECT payload::text AS p FROM directory.timeline_event WHERE institution_id = $1`,
      [id(20)],
    );
    const stored = rows.map((r) => r.p).join('\n');
    for (const secret of Object.values(PRIVATE)) expect(stored).toContain(secret);

    const paths = [
      `/institutions/${id(20)}`,
      `/institutions?q=弘毅`,
      `/institutions?q=hy`,
      `/institutions?pageSize=100`,
      `/blacklist?pageSize=100`,
      ...['white', 'revoked', 'black'].flatMap((l) => [`/open-data/${l}.json`, `/open-data/${l}.csv`]),
    ];
    for (const path of paths) {
      const { status, text } = await get(path);
      expect({ path, status }).toEqual({ path, status: 200 });
      for (const secret of Object.values(PRIVATE))
        expect({ path, leaked: text.includes(secret) }).toEqual({ path, leaked: false });
    }
    const pageOf20 = await page(20);
    expect(pageOf20.staff.certifiedTeachers).toBe(1);
    expect(JSON.stringify(pageOf20)).not.toMatch(/risk|alert/i);
  });
});
