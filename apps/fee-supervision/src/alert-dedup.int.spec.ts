import { Principal } from '@otr/auth';
import { RiskMonitor } from './application/risk-monitor';
import { RiskReserve } from './application/risk-reserve';
import { createEvent, LicenseReinstated, LicenseSuspended, SYSTEM_ACTOR } from '@otr/contracts';
import {
  call,
  deliver,
  FeesHarness,
  institutionWithCourse,
  origin,
  paidOrder,
  startFees,
  supervisor,
} from './fees.int-fixtures';

jest.setTimeout(120_000);

const DAY = 24 * 3600 * 1000;

type AlertRow = {
  id: string;
  institutionId: string;
  code: string;
  severity: string;
  state: string;
  facts: Record<string, string | number>;
  raisedAt: string;
  lastSeenAt: string;
  clearedAt: string | null;
};

describe('risk alerts deduplicated, ranked and filtered (#23), and the reserve’s standing published', () => {
  let h: FeesHarness;
  let risk: RiskMonitor;
  const alerts = async (query = '', as: Principal = supervisor) =>
    (await call(h, as, 'GET', `/alerts?limit=500${query}`)).body as { items: AlertRow[]; total: number };
  const outbox = async (type: string) =>
    (await h.prisma.outboxMessage.findMany({ where: { type }, orderBy: { seq: 'asc' } })).map(
      (m) => m.envelope as { institutionId: string; payload: Record<string, unknown> },
    );

  beforeAll(async () => {
    h = await startFees('2026-09-01T02:00:00Z');
    risk = h.service.app.get(RiskMonitor);
  });
  afterAll(() => h.stop());

  it('keeps one alert per institution and rule across daily evaluations, refreshed, even once closed, until the condition clears', async () => {
    const inst = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-SC', category: 'arts' });
    // Day one: the reserve is empty, one alert raised, one event (one inspection lead).
    expect((await risk.evaluate(inst.institutionId, origin)).map((a) => a.code)).toEqual([
      'reserve-below-required',
    ]);
    const [first] = (await alerts(`&institutionId=${inst.institutionId}`)).items;
    // Day two: the condition holds; the same alert is refreshed, nothing raised.
    h.clock.advance(DAY);
    expect(await risk.evaluate(inst.institutionId, origin)).toEqual([]);
    let listed = (await alerts(`&institutionId=${inst.institutionId}`)).items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: first.id,
      state: 'open',
      raisedAt: first.raisedAt,
      clearedAt: null,
    });
    expect(new Date(listed[0].lastSeenAt).getTime()).toBe(new Date(first.raisedAt).getTime() + DAY);
    const raised = (await outbox('fees.RiskAlertRaised')).filter(
      (e) => e.institutionId === inst.institutionId,
    );
    expect(raised).toHaveLength(1);

    // Closed while still short: nothing new the next day either.
    await call(h, supervisor, 'POST', `/alerts/${first.id}/close`, { note: '已约谈，限期补足' });
    h.clock.advance(DAY);
    expect(await risk.evaluate(inst.institutionId, origin)).toEqual([]);
    // Topped up: the condition clears ...
    const reserve = h.service.app.get(RiskReserve);
    await reserve.deposit(
      inst.institutionId,
      { amountFen: 10_000_000, bankReference: 'rsv-dedup-1' },
      origin,
    );
    listed = (await alerts(`&institutionId=${inst.institutionId}`)).items;
    expect(listed).toHaveLength(1);
    expect(listed[0].clearedAt).not.toBeNull();
  });

  it('raises a new alert once the last was closed and its condition cleared and came back', async () => {
    const inst = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-XH' });
    await paidOrder(h, inst, '13700000091', 10);
    const fields = {
      aggregateId: inst.licenseId,
      institutionId: inst.institutionId,
      actor: SYSTEM_ACTOR,
      correlationId: 't',
    };
    const payload = { licenseId: inst.licenseId, licenseNumber: 'n', reason: '违规收费' };
    const suspend = () => deliver(h, createEvent(LicenseSuspended, { ...fields, payload }));
    const reinstate = () =>
      deliver(h, createEvent(LicenseReinstated, { ...fields, payload: { ...payload, reason: '整改完成' } }));
    const held = async () =>
      (await alerts(`&institutionId=${inst.institutionId}&rule=funds-while-license-suspended`)).items;

    await suspend();
    expect(await risk.evaluate(inst.institutionId, origin)).toHaveLength(1);
    const [first] = await held();
    // Reinstated: the condition clears; closing it then ends it.
    await reinstate();
    await risk.evaluate(inst.institutionId, origin);
    expect((await held())[0].clearedAt).not.toBeNull();
    await call(h, supervisor, 'POST', `/alerts/${first.id}/close`, { note: '已恢复办学' });
    // Suspended again: the condition recurs, a new alert (and a new lead for inspection).
    h.clock.advance(DAY);
    await suspend();
    expect(await risk.evaluate(inst.institutionId, origin)).toHaveLength(1);
    expect((await held()).map((a) => a.state).sort()).toEqual(['closed', 'open']);
    expect(
      (await outbox('fees.RiskAlertRaised')).filter(
        (e) => e.institutionId === inst.institutionId && e.payload.rule === 'funds-while-license-suspended',
      ),
    ).toHaveLength(2);
  });

  it('publishes the reserve’s standing on each change of state, once', async () => {
    const inst = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-SC', category: 'arts' });
    const reserve = h.service.app.get(RiskReserve);
    const standings = async () =>
      (await outbox('fees.ReserveStandingChanged'))
        .filter((e) => e.institutionId === inst.institutionId)
        .map((e) => e.payload);
    await risk.evaluate(inst.institutionId, origin);
    await risk.evaluate(inst.institutionId, origin);
    expect(await standings()).toEqual([
      { licenseId: inst.licenseId, requiredFen: 10_000_000, heldFen: 0, standing: 'unfunded' },
    ]);
    await reserve.deposit(inst.institutionId, { amountFen: 3_000_000, bankReference: 'rsv-1' }, origin);
    await reserve.deposit(inst.institutionId, { amountFen: 3_000_000, bankReference: 'rsv-2' }, origin);
    // The bank's repeated notice books nothing and announces nothing.
    expect(
      await reserve.deposit(inst.institutionId, { amountFen: 3_000_000, bankReference: 'rsv-2' }, origin),
    ).toBe(false);
    await reserve.deposit(inst.institutionId, { amountFen: 4_000_000, bankReference: 'rsv-3' }, origin);
    await risk.evaluate(inst.institutionId, origin);
    expect((await standings()).map((s) => [s.standing, s.heldFen])).toEqual([
      ['unfunded', 0],
      ['partly-funded', 3_000_000],
      ['funded', 10_000_000],
    ]);
    // A subject-type institution under full bank escrow has no reserve to announce.
    const escrow = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-SC', category: 'subject' });
    await risk.evaluate(escrow.institutionId, origin);
    expect(
      (await outbox('fees.ReserveStandingChanged')).some((e) => e.institutionId === escrow.institutionId),
    ).toBe(false);
  });

  it('ranks by severity then age, filters by rule, district and severity, and acknowledges in bulk', async () => {
    const sc = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-SC', category: 'arts' });
    const xh = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-XH', category: 'arts' });
    for (const i of [sc, xh]) await risk.evaluate(i.institutionId, origin);
    // A warning raised later must not outrank the critical shortfalls.
    await h.prisma.$executeRawUnsafe(
      `INSERT INTO fees.risk_alert (id, institution_id, code, severity, facts, dedupe_key, raised_at)
       VALUES (gen_random_uuid(), $1::uuid, 'refund-burst', 'warning', '{"requests": 10}'::jsonb, $2, now() - interval '30 days')`,
      sc.institutionId,
      `${sc.institutionId}:refund-burst`,
    );
    const all = (await alerts('&state=open')).items;
    const ranks = all.map((a) => ['critical', 'warning', 'info'].indexOf(a.severity));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    const critical = all.filter((a) => a.severity === 'critical');
    expect(critical.map((a) => a.raisedAt)).toEqual([...critical.map((a) => a.raisedAt)].sort());

    const burst = (await alerts('&rule=refund-burst')).items;
    expect(burst.map((a) => a.institutionId)).toEqual([sc.institutionId]);
    expect((await alerts('&severity=warning')).items.map((a) => a.code)).toEqual(['refund-burst']);
    const inXihu = (await alerts('&district=CN-ZJ-HZ-XH&rule=reserve-below-required')).items;
    expect(inXihu.map((a) => a.institutionId)).toEqual([xh.institutionId]);
    expect((await call(h, supervisor, 'GET', '/alerts?rule=not-a-rule')).status).toBe(400);

    // Bulk acknowledge: the open ones move, one already acknowledged is named as skipped.
    const ids = [burst[0].id, inXihu[0].id];
    await call(h, supervisor, 'POST', `/alerts/${inXihu[0].id}/acknowledge`);
    const bulk = await call(h, supervisor, 'POST', '/alerts/acknowledge', { ids });
    expect(bulk).toMatchObject({
      status: 200,
      body: { acknowledged: [burst[0].id], skipped: [inXihu[0].id] },
    });
    expect((await alerts('&state=acknowledged')).items.map((a) => a.id).sort()).toEqual([...ids].sort());
    // Outside the caller's jurisdiction nothing moves.
    const ningboOfficial: Principal = { ...supervisor, userId: 'nb', jurisdiction: 'CN-ZJ-NB' };
    const open = (await alerts('&state=open')).items[0];
    expect((await call(h, ningboOfficial, 'POST', '/alerts/acknowledge', { ids: [open.id] })).status).toBe(
      403,
    );
    expect((await alerts('&state=open')).items.map((a) => a.id)).toContain(open.id);
  });
});
