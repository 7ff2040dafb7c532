import { Pool } from 'pg';
import { PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import { eventsFor, PRIVATE, STAFF_NAME, startTestDirectory, TestDirectory } from './directory-fixtures';

jest.setTimeout(60_000);

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Projections of every event type the directory consumes, under duplicate and out-of-order delivery. */
describe('the directory projections', () => {
  let directory: TestDirectory;
  let deliver: TestDirectory['deliver'];
  let get: TestDirectory['get'];
  let pool: Pool;

  beforeAll(async () => {
    directory = await startTestDirectory();
    ({ deliver, get } = directory);
    pool = new Pool({ connectionString: directory.db.url, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await directory.stop();
  });

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

  it('refuses a forged license under a number another institution holds: no second licensed institution, the event dead-lettered naming the clash', async () => {
    const real = eventsFor(id(30), '杭州真实培训学校');
    await deliver(real.issued());
    const forged = eventsFor(id(31), '冒名培训学校').issued();
    const reused = {
      ...forged,
      payload: {
        ...(forged.payload as object),
        licenseNumber: (real.issued().payload as { licenseNumber: string }).licenseNumber,
      },
    };
    await deliver(reused);
    expect((await get(`/institutions/${id(31)}`)).status).toBe(404);
    expect((await page(30)).name).toBe('杭州真实培训学校');
    const dead = directory.transport.messages('otr.registration.dlq');
    expect(dead.map((m) => m.headers['dlq-error'])).toContainEqual(
      expect.stringMatching(
        /LicenseNumberHeldByAnother: license number .* is held by institution .*30; refused for .*31/,
      ),
    );
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

  it('lists teachers by name and qualification and counts them, honouring removals that arrive before or after the filing', async () => {
    const e = eventsFor(id(6), '杭州青藤艺术培训学校');
    await deliver(
      e.issued(),
      e.staffFiled(2, 's-6-1', '美术', true, '陈静'),
      e.staffFiled(2, 's-6-2', '美术', false, '李华'),
      e.staffFiled(1, 's-6-3', '书法', false, '张伟'),
      e.staffFiled(2, 's-6-3', '书法', true, '张伟'), // re-filed with a certificate
      e.staffFiled(1, 's-6-3', '书法', false, '张伟'), // the older filing, delivered late
      e.staffRemoved(6, 's-6-4'), // removed (day 6) before its filing (day 3) is delivered
      e.staffFiled(3, 's-6-4', '书法', true, '赵敏'),
      e.staffFiled(2, 's-6-5', '舞蹈', true, '孙丽'),
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
      members: [
        {
          name: '陈静',
          role: 'teacher',
          subject: '美术',
          certified: true,
          certificateKind: 'teacher-qualification',
        },
        { name: '李华', role: 'teacher', subject: '美术', certified: false, certificateKind: null },
        {
          name: '张伟',
          role: 'teacher',
          subject: '书法',
          certified: true,
          certificateKind: 'teacher-qualification',
        },
      ],
    });
    // Re-filed after its removal: listed again.
    await deliver(e.staffFiled(9, 's-6-5', '舞蹈', false, '孙丽'));
    expect((await page(6)).staff.members.map((m: { name: string }) => m.name)).toContain('孙丽');
  });

  it('averages families’ ratings, one per order: a newer rating of an order replaces it, whatever arrives first', async () => {
    const e = eventsFor(id(8), '杭州晨光英语培训学校');
    const before = e.rated(3, 'o-8-1', 2);
    const edited = e.rated(5, 'o-8-1', 4);
    await deliver(e.rated(4, 'o-8-2', 5), edited, e.issued(), before, before, e.rated(4, 'o-8-3', 5));
    expect((await page(8)).rating).toEqual({ average: 4.7, count: 3 }); // 4 + 5 + 5
    // Edited again, and the edit delivered twice: one rating per order still.
    const again = e.rated(6, 'o-8-1', 1);
    await deliver(again, again);
    expect((await page(8)).rating).toEqual({ average: 3.7, count: 3 }); // 1 + 5 + 5
    const found = await json(`/institutions?q=${encodeURIComponent('晨光')}`);
    expect(found.items[0].rating).toEqual({ average: 3.7, count: 3 });
    expect((await page(6)).rating).toEqual({ average: null, count: 0 });
  });

  it('shows how fees are supervised, the annual grades newest first, and counts complaints and their resolution', async () => {
    const e = eventsFor(id(9), '杭州知行书法培训学校');
    await deliver(
      e.accountOpened(3, 'risk-reserve'),
      e.issued(),
      e.accountOpened(2, 'bank-escrow'), // an older opening delivered late
      e.graded(20, 'r-9-2025', 2025, 'pass', 82),
      e.graded(8, 'r-9-2024', 2024, 'basic-pass', 64),
      e.graded(21, 'r-9-2025', 2025, 'excellent', 91), // regraded
      e.graded(20, 'r-9-2025', 2025, 'pass', 82), // the first grading, delivered again
      // c1 resolved in the first round; c2 rated "not satisfied", reopened and resolved in the
      // second, its events out of order; c3 reopened and open again; c4 being handled; c5 merged
      // into c4; a consultation; c7 closed twice and not satisfied either time.
      e.complaintRated(7, 'c-9-2', false, 1),
      e.complaintClosed(5, 'c-9-1', 1),
      e.complaintFiled(2, 'c-9-1'),
      e.complaintClosed(12, 'c-9-2', 2),
      e.complaintReopened(8, 'c-9-2'),
      e.complaintFiled(2, 'c-9-2'),
      e.complaintClosed(6, 'c-9-2', 1),
      e.complaintFiled(3, 'c-9-3'),
      e.complaintClosed(6, 'c-9-3', 1),
      e.complaintReopened(8, 'c-9-3'),
      e.complaintFiled(4, 'c-9-4'),
      e.complaintMerged(5, 'c-9-5', 'c-9-4'),
      e.complaintFiled(5, 'c-9-5'),
      e.complaintFiled(5, 'c-9-6', 'consultation'),
      e.complaintClosed(5, 'c-9-1', 1),
      e.complaintFiled(3, 'c-9-7'),
      e.complaintRated(15, 'c-9-7', false, 2),
      e.complaintClosed(14, 'c-9-7', 2),
      e.complaintRated(7, 'c-9-7', false, 1),
      e.complaintClosed(6, 'c-9-7', 1),
      e.complaintReopened(7, 'c-9-7'),
    );
    const p = await page(9);
    expect(p.feeSupervision).toEqual({ mode: 'risk-reserve', reserve: null });
    expect(p.annualGrades).toEqual([
      { year: 2025, grade: 'excellent', total: 91 },
      { year: 2024, grade: 'basic-pass', total: 64 },
    ]);
    expect(p.complaints).toEqual({ total: 5, closed: 4, resolved: 2, resolutionRate: 50 });
    expect((await page(8)).feeSupervision).toBeNull();
  });

  it('states the risk reserve as fee supervision last published it, whatever the delivery order', async () => {
    const e = eventsFor(id(41), '杭州启明美术培训学校');
    // The reserve's standing arrives before the account's opening, out of order and twice.
    await deliver(
      e.issued(),
      e.reserveStanding(12, 'funded', 50_000_000),
      e.reserveStanding(3, 'unfunded', 0),
      e.accountOpened(2, 'risk-reserve'),
      e.reserveStanding(8, 'partly-funded', 20_000_000),
      e.reserveStanding(12, 'funded', 50_000_000),
    );
    expect((await page(41)).feeSupervision).toEqual({
      mode: 'risk-reserve',
      reserve: {
        standing: 'funded',
        requiredFen: 50_000_000,
        heldFen: 50_000_000,
        asOf: expect.stringMatching(/^2026-/),
      },
    });
    const late = eventsFor(id(42), '杭州晨曦舞蹈培训学校');
    await deliver(
      late.issued(),
      late.accountOpened(2, 'risk-reserve'),
      late.reserveStanding(3, 'unfunded', 0),
    );
    expect((await page(42)).feeSupervision?.reserve).toMatchObject({ standing: 'unfunded', heldFen: 0 });
  });

  it('publishes penalties for their publication period and the black list, with removals in any order', async () => {
    const e = eventsFor(id(7), '杭州致远科技培训学校');
    // The second fine's three years ran out on 2026-06-01: it is no longer shown.
    await deliver(
      e.issued(),
      e.penalty(10, 'p-7-001'),
      e.penalty(10, 'p-7-001'),
      e.penalty(11, 'p-7-000', '2023-06-01'),
    );
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
        publication: {
          until: '2029-01-10',
          earlyEndFrom: '2026-04-11',
          source: expect.stringContaining('国家发展改革委令2023年第58号'),
        },
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
    // The search says so too: its license still reads active, which the portal showed as 正常 (#23).
    const found = (await json(`/institutions?q=${encodeURIComponent('致远')}`)).items;
    expect(found).toContainEqual(
      expect.objectContaining({ id: id(7), licenseStatus: 'active', blacklisted: true }),
    );
    expect(
      (await json('/institutions?q=' + encodeURIComponent('杭州'))).items
        .filter((i: { blacklisted: boolean }) => i.blacklisted)
        .map((i: { id: string }) => i.id),
    ).toEqual([id(7)]);
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
    // Keyset pages: each `next` continues right after the last row shown, in the same order.
    const walked: string[] = [];
    let next: string | null = null;
    do {
      const p: { items: { name: string }[]; next: string | null; total: number | null } = await json(
        `/institutions?q=国画&pageSize=10${next ? `&after=${next}` : ''}`,
      );
      expect(p.total).toBe(next ? null : 25); // the first page counts, the next ones do not again
      walked.push(...p.items.map((i) => i.name));
      next = p.next;
    } while (next);
    expect(walked).toEqual(names);
    expect(pages.map((p) => p.next === null)).toEqual([false, false, true]);
    const refused = await get(`/institutions?q=国画&after=${pages[0].next}&page=2`);
    expect([refused.status, refused.text.includes('after')]).toEqual([400, true]);
    expect((await get(`/institutions?q=国画&after=not-a-cursor`)).status).toBe(400);
    expect((await get(`/institutions?q=国画&lat=30.2&lng=120.1&after=${pages[0].next}`)).status).toBe(400);
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
      fetch(`${directory.base}/stats`, {
        headers: {
          [PRINCIPAL_HEADER]: await signPrincipal(
            {
              userId: 'u1',
              name: '统计',
              roles: ['viewer'],
              jurisdiction,
            },
            'directory',
          ),
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
    expect((await fetch(`${directory.base}/stats`)).status).toBe(401);
  });

  it('lets no private field out of any public endpoint: certificates, legal representatives of black list entries, risk alerts, bank accounts, complaints', async () => {
    const e = eventsFor(id(20), '杭州弘毅编程培训学校');
    await deliver(
      e.issued(),
      e.staffFiled(2, 's-20-1', '编程', true),
      e.blacklisted(3, 'b-20-001'),
      e.riskAlert(4),
      e.penalty(5, 'p-20-001'),
      e.accountOpened(2, 'bank-escrow'),
      e.complaintFiled(6, 'c-20-1'),
      e.rated(7, 'o-20-1', 5),
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
    expect(pageOf20.staff.members).toEqual([
      {
        name: STAFF_NAME,
        role: 'teacher',
        subject: '编程',
        certified: true,
        certificateKind: 'teacher-qualification',
      },
    ]);
    expect(pageOf20.complaints.total).toBe(1);
    expect(JSON.stringify(pageOf20)).not.toMatch(/risk|alert/i);
  });
});
