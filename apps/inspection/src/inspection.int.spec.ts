import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Principal, PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import {
  createEvent,
  EventOrigin,
  FundsReleased,
  RefundPaid,
  RepeatComplaintsFlagged,
  UnlicensedOperatorReported,
  RiskAlertRaised,
  Topics,
} from '@otr/contracts';
import { FixedClock } from '@otr/kernel';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { registrationService } from '@otr/registration';
import {
  createTestDatabase,
  eventually,
  freePort,
  readyForApproval,
  serviceClient,
  TestDatabase,
} from '@otr/testing';
import { inspectionService } from './inspection.module';

jest.setTimeout(90_000);

const XH = 'CN-ZJ-HZ-XH';
const official = (
  userId: string,
  roles: Principal['roles'],
  department: Principal['department'],
  jurisdiction = XH,
): Principal => ({
  userId,
  name: userId,
  roles,
  department,
  jurisdiction,
});
const approver = official('approver.xihu', ['approver'], 'education');
const sportsApprover = official('approver.sports', ['approver'], 'sports');
const planner = official('planner', ['spot-check-planner'], 'education', 'CN-ZJ-HZ');
const inspectors = [
  official('inspector.xihu', ['inspector'], 'education'),
  official('inspector.market', ['inspector'], 'market-regulation'),
  official('inspector.fire', ['inspector'], 'fire'),
];
const outsider = official('inspector.binjiang', ['inspector'], 'education', 'CN-ZJ-HZ-BJ');
const fireOfficer = official('officer.fire', ['task-force-officer'], 'fire');
const marketOfficer = official('officer.market', ['task-force-officer'], 'market-regulation');
/** The smallest JPEG the storage's magic-byte check accepts. */
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
]);

describe('inspection on the real PostgreSQL (embedded transport)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let transport: InProcessTransport;
  let registration: RunningService;
  let inspection: RunningService;
  const clock = new FixedClock('2026-11-23T02:00:00Z');
  const licensed: { institutionId: string; licenseId: string; name: string }[] = [];

  const call = (port: number, as: Principal, method: string, path: string, body?: unknown) =>
    serviceClient(port)(as, method, path, body);
  const api = (as: Principal, method: string, path: string, body?: unknown) =>
    call(inspection.port, as, method, path, body);
  const published = () => transport.messages(Topics.inspection).map((m) => JSON.parse(m.value));
  const operatorOf = (institutionId: string): Principal => ({
    userId: `operator-${institutionId}`,
    name: '经办人',
    roles: ['institution-operator'],
    jurisdiction: XH,
    institutionId,
  });
  const upload = async (as: Principal) => {
    const res = await fetch(`http://127.0.0.1:${inspection.port}/evidence`, {
      method: 'POST',
      headers: {
        'content-type': 'image/jpeg',
        'x-filename': 'site.jpg',
        [PRINCIPAL_HEADER]: await signPrincipal(as, 'inspection'),
      },
      body: JPEG,
    });
    expect(res.status).toBe(201);
    const { sha256 } = (await res.json()) as { sha256: string };
    return {
      sha256,
      contentType: 'image/jpeg',
      takenAt: '2026-11-23T01:30:00Z',
      place: { address: '西湖区文三路90号', lat: 30.28, lng: 120.13 },
    };
  };

  beforeAll(async () => {
    process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), 'otr-evidence-'));
    process.env.OUTBOX_POLL_MS = '100';
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    transport = new InProcessTransport();
    registration = await startService(registrationService, {
      databaseUrl: db.url,
      transport,
      port: await freePort(),
      clock,
    });
    inspection = await startService(inspectionService, {
      databaseUrl: db.url,
      transport,
      port: await freePort(),
      clock,
    });
    for (const [i, category] of (['arts', 'arts', 'arts', 'arts', 'sports', 'sports'] as const).entries()) {
      const name = `杭州西湖区第${i + 1}艺体培训有限公司`;
      const by =
        category === 'sports'
          ? sportsApprover
          : official('approver.culture', ['approver'], 'culture-tourism');
      // Filed on the applicant's behalf by another user (代办): 职责分离 keeps the filer from deciding.
      const { body } = await call(
        registration.port,
        { ...by, userId: `${by.userId}.intake` },
        'POST',
        '/applications',
        {
          institutionName: name,
          legalForm: 'for-profit',
          category,
          scopes: ['offline'],
          district: XH,
          address: `浙江省杭州市西湖区文三路${90 + i}号`,
          venue: { area: 400, maxClassSize: 20, fireSafetyAccepted: true },
          legalRepresentative: '王芳',
          ageGroups: ['primary'],
        },
      );
      await readyForApproval(registration.port, by, body.applicationId);
      const approved = await call(
        registration.port,
        by,
        'POST',
        `/applications/${body.applicationId}/approve`,
      );
      licensed.push({ institutionId: body.institutionId, licenseId: approved.body.licenseId, name });
    }
    for (const [i, p] of [...inspectors, outsider].entries())
      await api(planner, 'PUT', `/roster/${p.userId}`, {
        name: p.name,
        department: p.department,
        jurisdiction: p.userId === outsider.userId ? 'CN-ZJ-HZ-BJ' : XH,
        conflicts: i === 0 ? [licensed[5].institutionId] : [],
      });
    await eventually(
      async () => ((await api(planner, 'GET', '/pool')).body.total === 6 ? true : undefined),
      10_000,
    );
  });
  afterAll(async () => {
    await inspection?.stop();
    await registration?.stop();
    await pool?.end();
    await db?.drop();
  });

  it('grades an annual report on the rulebook sheet: basic pass orders rectification with a working-day deadline', async () => {
    const [first] = licensed;
    const operator = operatorOf(first.institutionId);
    const content = {
      teaching: { courses: 3, students: 80, lessonsDelivered: 600 },
      staff: { teachers: 5, qualifiedTeachers: 5 },
      finances: { incomeFen: 50_000_000, refundsFen: 200_000, escrowBalanceFen: 10_000_000 },
      safety: { fireInspectionPassed: true, incidents: 0 },
      complaintsReceived: 2,
    };
    const submitted = await api(operator, 'POST', '/annual-reports', { year: 2025, content });
    expect(submitted.status).toBe(201);
    expect((await api(operator, 'POST', '/annual-reports', { year: 2025, content })).status).toBe(409);
    expect(
      (
        await api(operator, 'POST', '/annual-reports', {
          year: 2025,
          content: { ...content, complaintsReceived: -1 },
        })
      ).body.errors[0].field,
    ).toBe('content.complaintsReceived');

    const sheet = (await api(approver, 'GET', '/annual-reports/score-sheet')).body;
    const scores = Object.fromEntries(
      sheet.sheet.indicators.map((i: { key: string; maxPoints: number }) => [i.key, i.maxPoints * 0.65]),
    );
    expect(
      (await api(outsider, 'POST', `/annual-reports/${submitted.body.id}/grade`, { scores })).status,
    ).toBe(403);
    const outOfRange = await api(approver, 'POST', `/annual-reports/${submitted.body.id}/grade`, {
      scores: { ...scores, qualification: 99 },
    });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body).toMatchObject({
      code: 'inspection.RuleViolated',
      errors: [{ field: 'scores.qualification', source: expect.stringContaining('年检评分表') }],
    });
    const graded = await api(approver, 'POST', `/annual-reports/${submitted.body.id}/grade`, { scores });
    expect(graded.body.grading).toMatchObject({ grade: 'basic-pass', total: 65, rectification: true });

    const orders = await api(operator, 'GET', '/rectifications');
    expect(orders.body.items).toHaveLength(1);
    // 20 working days from Monday 2026-11-23 on the Chinese calendar.
    expect(orders.body.items[0]).toMatchObject({
      status: 'ordered',
      dueBy: '2026-12-21',
      basis: { kind: 'annual-report' },
    });
    await eventually(async () => {
      const types = published().map((e) => e.type);
      return types.includes('inspection.AnnualReportGraded') &&
        types.includes('inspection.RectificationOrdered')
        ? true
        : undefined;
    }, 5000);
    const log = await pool.query(
      'SELECT type FROM inspection.action_log WHERE aggregate_id = $1 ORDER BY seq',
      [submitted.body.id],
    );
    expect(log.rows.map((r) => r.type)).toEqual(['AnnualReportSubmitted', 'AnnualReportGraded']);
    await expect(pool.query('DELETE FROM inspection.action_log')).rejects.toThrow(/append-only/);
  });

  it('draws a reproducible spot check, inspects with evidence, and publishes the results', async () => {
    const draw = {
      name: '2026年第四季度双随机抽查',
      jurisdiction: XH,
      seed: 'hz-2026-q4',
      count: 2,
      scheduledFor: '2026-11-25',
    };
    const drawn = await api(planner, 'POST', '/spot-checks', draw);
    expect(drawn.status).toBe(201);
    expect(drawn.body.draw).toMatchObject({
      seed: 'hz-2026-q4',
      algorithm: expect.stringContaining('mulberry32'),
    });
    expect((await api(planner, 'GET', `/spot-checks/${drawn.body.id}/replay`)).body.matches).toBe(true);
    const again = await api(planner, 'POST', '/spot-checks', { ...draw, name: '复核' });
    expect(again.body.draw.picks).toEqual(drawn.body.draw.picks);
    for (const pick of drawn.body.draw.picks) {
      expect(new Set(pick.inspectors.map((i: { department: string }) => i.department)).size).toBe(2);
      if (pick.institutionId === licensed[5].institutionId)
        expect(pick.inspectors.map((i: { userId: string }) => i.userId)).not.toContain('inspector.xihu');
    }

    const [pick] = drawn.body.draw.picks;
    const inspectionId = drawn.body.inspections.find(
      (i: { institutionId: string }) => i.institutionId === pick.institutionId,
    ).inspectionId;
    const assigned = inspectors.find((i) => i.userId === pick.inspectors[0].userId)!;
    const mine = await api(assigned, 'GET', '/inspections?assigned=me&status=scheduled');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(inspectionId);
    const notAssigned = inspectors.find(
      (i) => !pick.inspectors.some((x: { userId: string }) => x.userId === i.userId),
    )!;
    expect(
      (
        await api(notAssigned, 'PUT', `/inspections/${inspectionId}/checklist`, {
          items: [{ item: '证照公示', ok: true }],
        })
      ).status,
    ).toBe(403);

    expect(
      (
        await api(assigned, 'PUT', `/inspections/${inspectionId}/checklist`, {
          items: [
            { item: '证照公示', ok: true },
            { item: '生均面积', ok: false },
          ],
        })
      ).status,
    ).toBe(200);
    const unknownFile = {
      sha256: 'c'.repeat(64),
      contentType: 'image/jpeg',
      takenAt: '2026-11-23T01:00:00Z',
      place: { address: '现场' },
    };
    const notUploaded = await api(assigned, 'POST', `/inspections/${inspectionId}/violations`, {
      code: 'overcrowding',
      severity: 'serious',
      description: '超员',
      evidence: [unknownFile],
    });
    expect(notUploaded).toMatchObject({ status: 422, body: { errors: [{ field: 'evidence.0.sha256' }] } });
    const badCode = await api(assigned, 'POST', `/inspections/${inspectionId}/violations`, {
      code: 'rudeness',
      severity: 'serious',
      description: '超员',
      evidence: [unknownFile],
    });
    expect(badCode.status).toBe(400);
    const violation = await api(assigned, 'POST', `/inspections/${inspectionId}/violations`, {
      code: 'overcrowding',
      severity: 'serious',
      description: '60平方米教室同时段35人',
      evidence: [await upload(assigned)],
    });
    expect(violation.status).toBe(201);

    expect((await api(planner, 'POST', `/spot-checks/${drawn.body.id}/publish`)).status).toBe(409);
    expect(
      (await api(assigned, 'POST', `/inspections/${inspectionId}/close`, { findings: '超员' })).body.result,
    ).toBe('violations-found');
    const other = drawn.body.inspections.find(
      (i: { inspectionId: string }) => i.inspectionId !== inspectionId,
    );
    const otherPick = drawn.body.draw.picks.find(
      (p: { institutionId: string }) => p.institutionId === other.institutionId,
    );
    const otherInspector = inspectors.find((i) => i.userId === otherPick.inspectors[0].userId)!;
    await api(otherInspector, 'PUT', `/inspections/${other.inspectionId}/checklist`, {
      items: [{ item: '消防通道', ok: true }],
    });
    await api(otherInspector, 'POST', `/inspections/${other.inspectionId}/close`, { findings: '未发现问题' });
    const publishedCheck = await api(planner, 'POST', `/spot-checks/${drawn.body.id}/publish`);
    expect(publishedCheck.body.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ institutionId: pick.institutionId, result: 'violations-found' }),
      ]),
    );
    await eventually(
      async () => (published().some((e) => e.type === 'inspection.SpotCheckPublished') ? true : undefined),
      5000,
    );
  });

  it('proposes a penalty in the legal range and lets only another official decide it (two-person rule)', async () => {
    const target = licensed[1];
    const inspector = inspectors[0];
    const violation = await api(inspector, 'POST', '/violations', {
      institutionId: target.institutionId,
      code: 'disguised-subject-training',
      severity: 'serious',
      description: '以美术名义开展数学培训',
      evidence: [await upload(inspector)],
    });
    const proposal = {
      violationIds: [violation.body.id],
      type: 'fine',
      reasons: '变相开展学科类培训',
      fineBasis: { kind: 'disguised-subject-training', especiallySerious: false },
    };
    const tooHigh = await api(inspector, 'POST', '/penalties', { ...proposal, fineFen: 6_000_000 });
    expect(tooHigh).toMatchObject({
      status: 422,
      body: { errors: [{ field: 'fineFen', source: expect.stringContaining('第十八条') }] },
    });
    const proposed = await api(inspector, 'POST', '/penalties', { ...proposal, fineFen: 3_000_000 });
    expect(proposed.body).toMatchObject({
      status: 'proposed',
      legalBasis: expect.stringContaining('第五条第（二）项'),
    });

    const selfDecision = await api(
      { ...approver, userId: inspector.userId, roles: ['approver', 'inspector'] },
      'POST',
      `/penalties/${proposed.body.id}/decide`,
    );
    expect(selfDecision).toMatchObject({ status: 403, body: { code: 'inspection.TwoPersonRule' } });
    const decided = await api(approver, 'POST', `/penalties/${proposed.body.id}/decide`);
    expect(decided.body.decision.number).toBe('XH教罚〔2026〕1号');

    const listed = await api(approver, 'POST', '/blacklist', {
      penaltyId: proposed.body.id,
      reason: '变相开展学科类培训，情节严重',
    });
    expect(listed.body).toMatchObject({
      status: 'listed',
      decisionNumber: 'XH教罚〔2026〕1号',
      removableOn: '2029-11-23',
    });
    expect(
      (await api(approver, 'POST', `/blacklist/${listed.body.id}/remove`, { reason: '信用修复' })).status,
    ).toBe(422);
    await eventually(async () => {
      const decidedEvent = published().find((e) => e.type === 'inspection.PenaltyDecided');
      return decidedEvent && published().some((e) => e.type === 'inspection.BlacklistEntryAdded')
        ? decidedEvent
        : undefined;
    }, 5000).then((e) =>
      expect(e.payload).toMatchObject({
        fineFen: 3_000_000,
        licenseAction: 'none',
        licenseId: target.licenseId,
      }),
    );
  });

  it('escalates a rectification not reported by its deadline: black list and training ban', async () => {
    const target = licensed[2];
    const inspector = inspectors[1];
    const violation = await api(inspector, 'POST', '/violations', {
      institutionId: target.institutionId,
      code: 'fire-hazard',
      severity: 'serious',
      description: '安全出口堵塞',
      evidence: [await upload(inspector)],
    });
    const order = await api(inspector, 'POST', '/rectifications', {
      violationIds: [violation.body.id],
      requirements: '清理安全出口',
      workingDays: 3,
    });
    expect(order.body.dueBy).toBe('2026-11-26');
    const operator = operatorOf(target.institutionId);
    expect(
      (
        await api(operatorOf(licensed[3].institutionId), 'POST', `/rectifications/${order.body.id}/report`, {
          description: '已清理',
          evidence: [await upload(operator)],
        })
      ).status,
    ).toBe(403);

    clock.set('2026-11-27T02:00:00Z');
    try {
      const swept = await api(approver, 'POST', '/rectifications/sweep-overdue');
      expect(swept.body.overdue).toContain(order.body.id);
      expect((await api(inspector, 'GET', `/rectifications/${order.body.id}`)).body.status).toBe('overdue');
      const entries = await api(approver, 'GET', `/blacklist?institutionId=${target.institutionId}`);
      expect(entries.body.items[0]).toMatchObject({
        trainingBan: true,
        source: { kind: 'rectification-overdue' },
        decisionNumber: 'XH教信〔2026〕1号',
      });
      const overdue = await eventually(
        async () => published().find((e) => e.type === 'inspection.RectificationOverdue'),
        5000,
      );
      expect(overdue.payload).toMatchObject({
        licenseAction: 'suspend',
        trainingBan: true,
        licenseId: target.licenseId,
      });
    } finally {
      clock.set('2026-11-23T02:00:00Z');
    }
  });

  it('serves its reference lists beside the records, not as a record id', async () => {
    const codes = await api(inspectors[0], 'GET', '/violations/codes');
    expect(codes.status).toBe(200);
    expect(codes.body).toContainEqual(expect.objectContaining({ code: 'unlicensed-operation' }));
    const types = await api(approver, 'GET', '/penalties/types');
    expect(types.body).toContainEqual(
      expect.objectContaining({
        type: 'revoke-license',
        article: expect.stringContaining('第五条第（五）项'),
      }),
    );
    expect((await api(approver, 'GET', '/penalties/not-a-uuid')).status).toBe(400);
  });

  it('names the hash when an evidence file is asked for by something else (issue #14: the answer named no field)', async () => {
    const res = await api(inspectors[0], 'GET', '/evidence/not-a-hash');
    expect(res).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'sha256', rule: '64 lowercase hex characters' }] },
    });
  });

  it('gives the dashboard its rectification figures, in the caller’s jurisdiction, to the roles whose dashboard shows them', async () => {
    const target = licensed[4];
    const inspector = inspectors[0];
    const violation = await api(inspector, 'POST', '/violations', {
      institutionId: target.institutionId,
      code: 'fire-hazard',
      severity: 'minor',
      description: '灭火器过期',
      evidence: [await upload(inspector)],
    });
    const order = await api(inspector, 'POST', '/rectifications', {
      violationIds: [violation.body.id],
      requirements: '更换灭火器',
      workingDays: 1,
    });
    expect(order.body.dueBy).toBe('2026-11-24');
    // The day after its deadline, not yet swept: still 'ordered', yet counted overdue.
    clock.set('2026-11-25T02:00:00Z');
    try {
      const { body: listed } = await api(approver, 'GET', '/rectifications?pageSize=200');
      const open = listed.items.filter((r: { status: string }) => r.status !== 'verified');
      const overdue = open.filter(
        (r: { status: string; dueBy: string }) =>
          r.status === 'overdue' || (r.status === 'ordered' && r.dueBy < '2026-11-25'),
      );
      expect(overdue).toContainEqual(expect.objectContaining({ id: order.body.id, status: 'ordered' }));
      const expected = {
        rectificationsOpen: open.length,
        rectificationsOverdue: overdue.length,
        byDistrict: [{ district: XH, open: open.length, overdue: overdue.length }],
      };
      const viewer = official('viewer.city', ['viewer'], undefined, 'CN-ZJ-HZ');
      for (const as of [approver, inspector, planner, viewer])
        expect(await api(as, 'GET', '/stats')).toEqual({ status: 200, body: expected });
      expect((await api(outsider, 'GET', '/stats')).body).toEqual({
        rectificationsOpen: 0,
        rectificationsOverdue: 0,
        byDistrict: [],
      });
      for (const as of [operatorOf(target.institutionId), fireOfficer])
        expect((await api(as, 'GET', '/stats')).status).toBe(403);
    } finally {
      clock.set('2026-11-23T02:00:00Z');
    }
  });

  it('turns a fee-supervision risk alert into one inspection to schedule, and schedules it with two inspectors', async () => {
    const target = licensed[3];
    const origin: EventOrigin = { actor: { userId: 'system', role: 'system' }, correlationId: 'test' };
    const alert = (alertId: string) =>
      createEvent(RiskAlertRaised, {
        aggregateId: alertId,
        institutionId: target.institutionId,
        ...origin,
        payload: {
          alertId,
          licenseId: target.licenseId,
          rule: 'fees.alert.refundBurst',
          detail: '7日内12笔退费申请',
          severity: 'high',
        },
      });
    for (const a of [alert('a-1'), alert('a-2')])
      await transport.publish(Topics.fees, [{ key: target.institutionId, value: JSON.stringify(a) }]);
    const leads = await eventually(async () => {
      const r = await api(
        approver,
        'GET',
        `/inspections?status=to-schedule&institutionId=${target.institutionId}`,
      );
      return r.body.total > 0 ? r.body : undefined;
    }, 5000);
    expect(leads.total).toBe(1);
    expect(leads.items[0].trigger).toMatchObject({ kind: 'risk-alert', alertId: 'a-1' });
    const one = await api(approver, 'POST', `/inspections/${leads.items[0].id}/schedule`, {
      inspectorIds: ['inspector.xihu'],
      scheduledFor: '2026-11-24',
    });
    expect(one).toMatchObject({
      status: 422,
      body: { errors: [{ source: expect.stringContaining('第四十二条') }] },
    });
    const two = await api(approver, 'POST', `/inspections/${leads.items[0].id}/schedule`, {
      inspectorIds: ['inspector.xihu', 'inspector.fire'],
      scheduledFor: '2026-11-24',
    });
    expect(two.body.status).toBe('scheduled');
  });

  it('runs a joint case with a task per department; each department completes only its own', async () => {
    const opened = await api(marketOfficer, 'POST', '/joint-cases', {
      subject: { name: '某小区无证托管班', address: '西湖区翠苑三区12幢', district: XH },
      summary: '群众举报无证办学',
      tasks: [
        { department: 'market-regulation', legalBasis: '《无证无照经营查处办法》第五条', workingDays: 5 },
        { department: 'fire', legalBasis: '《中华人民共和国消防法》第五十四条', dueBy: '2026-11-30' },
      ],
    });
    expect(opened.status).toBe(201);
    const fireTask = opened.body.tasks.find((t: { department: string }) => t.department === 'fire');
    expect(
      (
        await api(marketOfficer, 'POST', `/joint-cases/${opened.body.id}/tasks/${fireTask.id}/complete`, {
          findings: 'x',
        })
      ).status,
    ).toBe(403);
    expect(
      (await api(marketOfficer, 'POST', `/joint-cases/${opened.body.id}/close`, { conclusion: '取缔' }))
        .status,
    ).toBe(409);
    for (const t of opened.body.tasks)
      await api(
        t.department === 'fire' ? fireOfficer : marketOfficer,
        'POST',
        `/joint-cases/${opened.body.id}/tasks/${t.id}/complete`,
        { findings: '已查实' },
      );
    const closed = await api(marketOfficer, 'POST', `/joint-cases/${opened.body.id}/close`, {
      conclusion: '责令停止举办',
    });
    expect(closed.body.status).toBe('closed');
    await eventually(
      async () => (published().some((e) => e.type === 'inspection.JointCaseClosed') ? true : undefined),
      5000,
    );
  });

  it('bases illegal income on the fee ledger (released less refunds) and takes a revoked license out of the pool', async () => {
    const target = licensed[4];
    const origin: EventOrigin = { actor: { userId: 'system', role: 'system' }, correlationId: 'test' };
    const released = createEvent(FundsReleased, {
      aggregateId: 'o-1',
      institutionId: target.institutionId,
      ...origin,
      payload: {
        orderId: 'o-1',
        licenseId: target.licenseId,
        lessonId: 'l-1',
        amountFen: 1_000_000,
        releasedOn: '2026-11-20',
      },
    });
    const refunded = createEvent(RefundPaid, {
      aggregateId: 'r-1',
      institutionId: target.institutionId,
      ...origin,
      payload: {
        refundId: 'r-1',
        orderId: 'o-1',
        licenseId: target.licenseId,
        amountFen: 250_000,
        paidOn: '2026-11-21',
      },
    });
    await transport.publish(
      Topics.fees,
      [released, refunded].map((e) => ({ key: target.institutionId, value: JSON.stringify(e) })),
    );
    const answer = await eventually(async () => {
      const r = await api(inspectors[0], 'POST', '/penalties/fine-range', {
        basis: { kind: 'unlicensed-operation' },
        licenseId: target.licenseId,
        declaredIllegalIncomeFen: 1,
      });
      return r.body.illegalIncome?.fen === 750_000 ? r.body : undefined;
    }, 5000);
    expect(answer).toMatchObject({
      illegalIncome: { fen: 750_000, source: 'fee-ledger' },
      range: { minFen: 750_000, maxFen: 3_750_000, source: expect.stringContaining('第十七条') },
    });

    const before = (await api(planner, 'GET', '/pool')).body.total;
    expect(
      (
        await call(registration.port, sportsApprover, 'POST', `/licenses/${target.licenseId}/revoke`, {
          reason: '吊销',
        })
      ).status,
    ).toBe(200);
    await eventually(
      async () => ((await api(planner, 'GET', '/pool')).body.total === before - 1 ? true : undefined),
      5000,
    );
  });

  it('turns repeated complaints about an unlicensed operator into an inspection lead naming it', async () => {
    const flagged = createEvent(RepeatComplaintsFlagged, {
      aggregateId: 'tip-1',
      institutionId: 'unlicensed-tip-1',
      actor: { userId: 'system', role: 'system' },
      correlationId: 'test',
      payload: {
        subjectName: '古荡新村家庭作坊补习班',
        district: XH,
        count: 3,
        withinDays: 30,
        complaintIds: ['c1', 'c2', 'c3'],
      },
    });
    await transport.publish(Topics.complaints, [{ key: 'unlicensed-tip-1', value: JSON.stringify(flagged) }]);
    const lead = await eventually(async () => {
      const r = await api(approver, 'GET', '/inspections?status=to-schedule&institutionId=unlicensed-tip-1');
      return r.body.items[0];
    }, 5000);
    expect(lead).toMatchObject({
      subject: { name: '古荡新村家庭作坊补习班' },
      trigger: { kind: 'repeat-complaints' },
    });
  });

  it('turns one tip about an unlicensed operator into a lead at the reported address, and a second tip into none', async () => {
    const tip = (complaintId: string) =>
      createEvent(UnlicensedOperatorReported, {
        aggregateId: complaintId,
        institutionId: 'unlicensed-tip-2',
        actor: { userId: 'system', role: 'system' },
        correlationId: 'test',
        payload: {
          complaintId,
          trackingNumber: `TS-${complaintId}`,
          operatorName: '文三路无名书法班',
          address: '西湖区文三路 88 号 3 楼',
          activity: '周末小学语文数学补课',
          district: XH,
        },
      });
    // The flag after the two tips shares their key, so it is consumed after them: once its lead is
    // there, both tips have been handled.
    const marker = createEvent(RepeatComplaintsFlagged, {
      aggregateId: 'tip-marker',
      institutionId: 'unlicensed-tip-2',
      actor: { userId: 'system', role: 'system' },
      correlationId: 'test',
      payload: {
        subjectName: '文三路无名书法班',
        district: XH,
        count: 3,
        withinDays: 30,
        complaintIds: ['t1', 't2', 't3'],
      },
    });
    await transport.publish(
      Topics.complaints,
      [tip('t1'), tip('t2'), marker].map((e) => ({ key: 'unlicensed-tip-2', value: JSON.stringify(e) })),
    );
    const leads = await eventually(async () => {
      const r = await api(approver, 'GET', '/inspections?status=to-schedule&institutionId=unlicensed-tip-2');
      const items = r.body.items as { trigger: { kind: string } }[];
      return items.some((i) => i.trigger.kind === 'repeat-complaints') ? items : undefined;
    }, 5000);
    const tips = leads.filter((l) => l.trigger.kind === 'unlicensed-tip');
    expect(tips).toHaveLength(1);
    expect(tips[0]).toMatchObject({
      subject: { name: '文三路无名书法班', address: '西湖区文三路 88 号 3 楼', district: XH },
      trigger: { kind: 'unlicensed-tip', complaintId: 't1' },
    });
  });
});
