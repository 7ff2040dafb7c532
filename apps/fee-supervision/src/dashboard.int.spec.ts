import { Principal } from '@otr/auth';
import { createEvent, LicenseSuspended, SYSTEM_ACTOR } from '@otr/contracts';
import { RiskMonitor } from './application/risk-monitor';
import {
  call,
  deliver,
  FeesHarness,
  institutionWithCourse,
  operatorOf,
  origin,
  paidOrder,
  startFees,
  supervisor,
} from './fees.int-fixtures';

jest.setTimeout(120_000);

/** Read-only oversight of Shangcheng district (上城区). */
const viewer: Principal = {
  userId: 'viewer-1',
  name: '督导',
  roles: ['viewer'],
  jurisdiction: 'CN-ZJ-HZ-SC',
};

describe('the console dashboard’s fund alerts and the viewer’s read access', () => {
  let h: FeesHarness;
  const alertsOf = async (institutionId: string) =>
    (await call(h, supervisor, 'GET', `/alerts?institutionId=${institutionId}`)).body.items as {
      id: string;
      code: string;
    }[];
  let phones = 0;
  const suspendedWithFunds = async (district: string, category: 'subject' | 'arts' = 'subject') => {
    const inst = await institutionWithCourse(h, { district, category });
    await paidOrder(h, inst, `1350000000${++phones}`, 10);
    await deliver(
      h,
      createEvent(LicenseSuspended, {
        aggregateId: inst.licenseId,
        institutionId: inst.institutionId,
        actor: SYSTEM_ACTOR,
        correlationId: 't',
        payload: { licenseId: inst.licenseId, licenseNumber: 'n', reason: '违规收费' },
      }),
    );
    return inst;
  };

  // Given: in Xihu a suspended institution still holding families' money (1 open alert) and a
  // non-subject one whose reserve alert was closed; in Shangcheng two non-subject institutions
  // short of their risk reserve (one alert open, one acknowledged); in Ningbo, outside Hangzhou
  // (no guided prices there, so a non-subject one), a suspended one holding money.
  let xihu: Awaited<ReturnType<typeof suspendedWithFunds>>;
  let shangcheng: Awaited<ReturnType<typeof institutionWithCourse>>;
  let ningbo: Awaited<ReturnType<typeof suspendedWithFunds>>;

  beforeAll(async () => {
    h = await startFees('2026-09-01T02:00:00Z');
    const risk = h.service.app.get(RiskMonitor);
    xihu = await suspendedWithFunds('CN-ZJ-HZ-XH');
    ningbo = await suspendedWithFunds('CN-ZJ-NB-YZ', 'arts');
    const closedXihu = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-XH', category: 'arts' });
    shangcheng = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-SC', category: 'arts' });
    const acknowledgedSc = await institutionWithCourse(h, { district: 'CN-ZJ-HZ-SC', category: 'arts' });
    for (const i of [xihu, ningbo, closedXihu, shangcheng, acknowledgedSc])
      await risk.evaluate(i.institutionId, origin);
    const [closed] = await alertsOf(closedXihu.institutionId);
    await call(h, supervisor, 'POST', `/alerts/${closed.id}/close`, { note: '已补足风险保证金' });
    const [acknowledged] = await alertsOf(acknowledgedSc.institutionId);
    await call(h, supervisor, 'POST', `/alerts/${acknowledged.id}/acknowledge`);
  });
  afterAll(() => h.stop());

  it('counts the alerts not yet closed in the supervisor’s jurisdiction, by rule and by district', async () => {
    expect((await alertsOf(xihu.institutionId)).map((a) => a.code)).toEqual([
      'funds-while-license-suspended',
    ]);
    const stats = await call(h, supervisor, 'GET', '/stats');
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({
      openAlerts: 3,
      byRule: [
        { rule: 'funds-while-license-suspended', count: 1 },
        { rule: 'reserve-below-required', count: 2 },
      ],
      byDistrict: [
        { district: 'CN-ZJ-HZ-SC', openAlerts: 2 },
        { district: 'CN-ZJ-HZ-XH', openAlerts: 1 },
      ],
    });
  });

  it('gives a district viewer its district only, and no one else the figures', async () => {
    expect((await call(h, viewer, 'GET', '/stats')).body).toEqual({
      openAlerts: 2,
      byRule: [{ rule: 'reserve-below-required', count: 2 }],
      byDistrict: [{ district: 'CN-ZJ-HZ-SC', openAlerts: 2 }],
    });
    // Ningbo's official sees Ningbo's alert, which Hangzhou's figures leave out.
    const ningboSupervisor = { ...supervisor, jurisdiction: 'CN-ZJ-NB' };
    expect((await call(h, ningboSupervisor, 'GET', '/stats')).body).toMatchObject({
      openAlerts: 1,
      byDistrict: [{ district: 'CN-ZJ-NB-YZ', openAlerts: 1 }],
    });
    const theirs = (await call(h, ningboSupervisor, 'GET', '/alerts')).body.items as {
      institutionId: string;
    }[];
    expect(theirs.map((a) => a.institutionId)).toEqual([ningbo.institutionId]);
    expect((await call(h, operatorOf(xihu.institutionId), 'GET', '/stats')).status).toBe(403);
    expect((await call(h, { ...supervisor, roles: ['approver'] }, 'GET', '/stats')).status).toBe(403);
    expect((await call(h, null, 'GET', '/stats')).status).toBe(401);
  });

  it('lets the viewer read the fee screens of its jurisdiction, and act on nothing', async () => {
    const id = shangcheng.institutionId;
    for (const path of [
      '/accounts',
      `/accounts/${id}`,
      `/accounts/${id}/balances`,
      '/alerts',
      '/orders',
      '/lessons',
      '/refunds',
      '/reconciliation/runs',
      '/closures',
    ]) {
      expect({ path, status: (await call(h, viewer, 'GET', path)).status }).toEqual({ path, status: 200 });
    }
    const accounts = (await call(h, viewer, 'GET', '/accounts')).body.items as { institutionId: string }[];
    expect(accounts.map((a) => a.institutionId).sort()).toHaveLength(2);
    expect(accounts.map((a) => a.institutionId)).toContain(id);
    expect((await call(h, viewer, 'GET', `/accounts/${xihu.institutionId}`)).status).toBe(403);
    // A chart range PostgreSQL cannot hold is the caller's 400 naming the field (a 500 before, found by the API fuzz).
    for (const [query, field] of [
      ['to=0001-01-01', 'to'],
      ['from=2026-12-01&to=2026-11-01', 'from'],
    ]) {
      const refused = await call(h, viewer, 'GET', `/accounts/${id}/balances?${query}`);
      expect({
        query,
        status: refused.status,
        fields: refused.body.errors.map((e: { field: string }) => e.field),
      }).toEqual({
        query,
        status: 400,
        fields: [field],
      });
    }

    const [alert] = (await call(h, viewer, 'GET', `/alerts?institutionId=${id}`)).body.items as {
      id: string;
    }[];
    expect((await call(h, viewer, 'POST', `/alerts/${alert.id}/acknowledge`)).status).toBe(403);
    expect((await call(h, viewer, 'POST', '/alerts/evaluate', { institutionId: id })).status).toBe(403);
    expect((await call(h, viewer, 'POST', '/reconciliation/runs', { date: '2026-09-01' })).status).toBe(403);
    expect((await call(h, viewer, 'POST', '/closures', { institutionId: id, reason: '审计' })).status).toBe(
      403,
    );
    expect(
      (await call(h, supervisor, 'GET', `/alerts?institutionId=${id}`)).body.items as { state: string }[],
    ).toEqual([expect.objectContaining({ state: 'open' })]);
  });
});
