import { Pool } from 'pg';
import { Principal, PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import { createEvent, LicenseIssued, PenaltyDecided, SYSTEM_ACTOR } from '@otr/contracts';
import { FixedClock } from '@otr/kernel';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, eventually, freePort, TestDatabase } from '@otr/testing';
import { SlaSweep } from './application/sla-sweep/sla-sweep';
import { complaintsService } from './complaints.module';

jest.setTimeout(60_000);

const XH = 'CN-ZJ-HZ-XH';
const INSTITUTION = '6f1c2a4e-7d0b-4c59-9a0e-3b7f5e2d1c01';
const OTHER = '6f1c2a4e-7d0b-4c59-9a0e-3b7f5e2d1c02';
const NAME = '王小明';
const PHONE = '13812341234';

const official = (
  userId: string,
  department: Principal['department'],
  jurisdiction = XH,
  roles: Principal['roles'] = ['approver'],
): Principal => ({
  userId,
  name: userId,
  roles,
  department,
  jurisdiction,
});
const educationXihu = official('approver.xihu', 'education');
const supervisor = official('approver.city', 'education', 'CN-ZJ-HZ');
const marketXihu = official('officer.market', 'market-regulation', XH, ['task-force-officer']);
const operator: Principal = {
  userId: 'operator.demo',
  name: '经办人',
  roles: ['institution-operator'],
  jurisdiction: XH,
  institutionId: INSTITUTION,
};

const licenseIssued = (institutionId: string, licenseId: string, name: string) =>
  createEvent(LicenseIssued, {
    aggregateId: licenseId,
    institutionId,
    actor: SYSTEM_ACTOR,
    correlationId: 'test',
    payload: {
      licenseId,
      licenseNumber: `教民XH2026${licenseId.slice(-5)}号`,
      institutionName: name,
      legalForm: 'non-profit',
      category: 'subject',
      scopes: ['offline'],
      district: XH,
      address: '浙江省杭州市西湖区文三路1号',
      validFrom: '2026-01-01',
      validUntil: '2029-12-31',
    },
  });

const form = (over: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  category: 'teaching-content-times',
  subject: { licenseId: 'lic-00001' },
  description: '周末仍在上数学超前课',
  contact: { name: NAME, phone: PHONE },
  ...over,
});

describe('complaints on the real PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let service: RunningService;
  let transport: InProcessTransport;
  // Tuesday 2026-09-29, 10:00 in Beijing, the eve of National Day.
  const clock = new FixedClock('2026-09-29T02:00:00Z');

  beforeAll(async () => {
    process.env.COMPLAINTS_SLA_SWEEP_MS = '0';
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    transport = new InProcessTransport();
    service = await startService(complaintsService, {
      databaseUrl: db.url,
      transport,
      port: await freePort(),
      clock,
    });
    await transport.publish('otr.registration', [
      {
        key: INSTITUTION,
        value: JSON.stringify(licenseIssued(INSTITUTION, 'lic-00001', '杭州西湖区启明学科培训学校')),
      },
      { key: OTHER, value: JSON.stringify(licenseIssued(OTHER, 'lic-00002', '杭州西湖区博雅艺术培训中心')) },
    ]);
    await eventually(
      async () =>
        (await pool.query('SELECT count(*)::int AS n FROM complaints.institution')).rows[0].n === 2
          ? true
          : undefined,
      10_000,
    );
  });
  afterAll(async () => {
    await service.stop();
    await pool.end();
    await db.drop();
  });

  const url = (path: string) => `http://127.0.0.1:${service.port}${path}`;
  const call = async (
    as: Principal | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(url(path), {
      method,
      headers: {
        'content-type': 'application/json',
        ...(as ? { [PRINCIPAL_HEADER]: await signPrincipal(as) } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
  };
  const fileComplaint = (body: unknown, key?: string) =>
    call(null, 'POST', '/public/complaints', body, key ? { 'Idempotency-Key': key } : {});
  const idOf = async (trackingNumber: string): Promise<string> =>
    (await pool.query('SELECT id FROM complaints.complaint WHERE tracking_number = $1', [trackingNumber]))
      .rows[0].id;
  const published = async (type?: string) => {
    await new Promise((r) => setTimeout(r, 300)); // the relay publishes on NOTIFY
    return transport
      .messages('otr.complaints')
      .map((m) => JSON.parse(m.value))
      .filter((e) => !type || e.type === type);
  };

  it('files a double submit with the same Idempotency-Key once, and refuses the key for another complaint', async () => {
    const body = form({
      description: '重复提交测试：退费不到账',
      category: 'fees-refunds',
      contact: { name: '李四', phone: '13900001111' },
    });
    const [first, second] = await Promise.all([
      fileComplaint(body, 'key-double-1'),
      fileComplaint(body, 'key-double-1'),
    ]);
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(first.body.trackingNumber).toMatch(/^TS20260929-/);
    const rows = await pool.query(
      "SELECT count(*)::int AS n FROM complaints.complaint WHERE state->>'description' = $1",
      ['重复提交测试：退费不到账'],
    );
    expect(rows.rows[0].n).toBe(1);
    const reused = await fileComplaint(form({ description: '另一件事' }), 'key-double-1');
    expect(reused.status).toBe(409);
    expect(reused.body.error).toBe('complaints.IdempotencyKeyReused');
  });

  it('lets only the holder of the access code follow a complaint, and locks a number after five wrong codes', async () => {
    const { body: receipt } = await fileComplaint(
      form({ contact: undefined, description: '匿名举报：超前培训' }),
      'key-access-1',
    );
    const path = `/public/complaints/${receipt.trackingNumber}`;
    expect((await call(null, 'GET', path)).status).toBe(403);
    expect((await call(null, 'GET', path, undefined, { 'x-access-code': 'ZZZZZZZZ' })).status).toBe(403);
    const view = await call(null, 'GET', path, undefined, {
      'x-access-code': receipt.accessCode.toLowerCase(),
    });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      status: 'routed',
      lead: 'education',
      answerBy: '2026-10-26',
      canRate: false,
    });
    expect(view.body.timeline.map((t: { step: string }) => t.step)).toEqual(['accepted', 'routed']);
    expect(view.text).not.toMatch(/complainant|accessCodeHash|scrypt/);
    for (let i = 0; i < 5; i++) await call(null, 'GET', path, undefined, { 'x-access-code': 'WRONG000' });
    expect((await call(null, 'GET', path, undefined, { 'x-access-code': receipt.accessCode })).status).toBe(
      403,
    );
  });

  it('refuses an unknown licenseId with 422 naming the field, and malformed input with 400', async () => {
    const unknown = await fileComplaint(form({ subject: { licenseId: 'nope' } }));
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      error: 'complaints.UnknownInstitution',
      field: 'subject.licenseId',
    });
    const bad = await fileComplaint(form({ category: 'gossip', description: '' }));
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['category', 'description']),
    );
  });

  it('runs the closed loop: sign, reply, supervisor close, rating "not satisfied" reopens once', async () => {
    const { body: receipt } = await fileComplaint(
      form({ description: '闭环测试', contact: { name: '赵六', phone: '13700002222' } }),
    );
    const id = await idOf(receipt.trackingNumber);
    const act = (as: Principal, name: string, body: unknown = {}) =>
      call(as, 'POST', `/complaints/${id}/${name}`, body);
    expect((await act(marketXihu, 'sign')).status).toBe(403);
    expect((await act(educationXihu, 'sign')).body).toEqual({ id, status: 'signed' });
    expect((await act(educationXihu, 'approve')).body.error).toBe('complaints.InvalidComplaintState');
    expect((await act(educationXihu, 'reply', { reply: '已约谈机构，停止超前培训' })).body.status).toBe(
      'replied',
    );
    expect((await act(educationXihu, 'approve')).status).toBe(403); // the handler does not close its own work
    expect((await act(supervisor, 'approve')).body.status).toBe('closed');

    const track = { 'x-access-code': receipt.accessCode };
    const closed = await call(null, 'GET', `/public/complaints/${receipt.trackingNumber}`, undefined, track);
    expect(closed.body).toMatchObject({ status: 'closed', reply: '已约谈机构，停止超前培训', canRate: true });
    const rated = await call(
      null,
      'POST',
      `/public/complaints/${receipt.trackingNumber}/rating`,
      { satisfied: false },
      track,
    );
    expect(rated.body).toEqual({ status: 'routed' });

    await act(educationXihu, 'sign');
    await act(educationXihu, 'reply', { reply: '已复查' });
    await act(supervisor, 'approve');
    expect((await act(educationXihu, 'call-back', { reached: true, note: '已告知' })).body.status).toBe(
      'called-back',
    );
    const final = await call(
      null,
      'POST',
      `/public/complaints/${receipt.trackingNumber}/rating`,
      { satisfied: false },
      track,
    );
    expect(final.body).toEqual({ status: 'rated' });

    const mine = (await published()).filter((e) => e.aggregateId === id).map((e) => e.type);
    expect(mine).toEqual([
      'complaints.ComplaintFiled',
      'complaints.ComplaintRouted',
      'complaints.ComplaintSigned',
      'complaints.ComplaintAnswered',
      'complaints.ComplaintClosed',
      'complaints.ComplaintRated',
      'complaints.ComplaintReopened',
      'complaints.ComplaintSigned',
      'complaints.ComplaintAnswered',
      'complaints.ComplaintClosed',
      'complaints.ComplaintRated',
    ]);
  });

  it('transfers only when the receiving department accepts', async () => {
    const { body: receipt } = await fileComplaint(
      form({ category: 'other', description: '转办测试：虚假宣传', contact: undefined }),
    );
    const id = await idOf(receipt.trackingNumber);
    await call(educationXihu, 'POST', `/complaints/${id}/transfer`, {
      to: { department: 'market-regulation' },
      reason: '系虚假广告',
    });
    const marketQueue = await call(marketXihu, 'GET', '/complaints?department=market-regulation');
    expect(marketQueue.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      lead: 'education',
      transferTo: 'market-regulation',
    });
    await call(marketXihu, 'POST', `/complaints/${id}/refuse-transfer`, { reason: '需先核实' });
    expect((await call(educationXihu, 'GET', `/complaints/${id}`)).body.responsibility.lead).toEqual({
      department: 'education',
    });
    await call(educationXihu, 'POST', `/complaints/${id}/transfer`, {
      to: { department: 'market-regulation' },
      reason: '系虚假广告',
    });
    expect((await call(marketXihu, 'POST', `/complaints/${id}/accept-transfer`)).body.status).toBe('signed');
    expect((await call(educationXihu, 'POST', `/complaints/${id}/reply`, { reply: 'x' })).status).toBe(403);
    expect(
      (await published('complaints.ComplaintTransferred')).filter((e) => e.aggregateId === id),
    ).toHaveLength(1);
  });

  it('keeps the complainant’s name and phone out of events, the stored complaint and the institution’s view', async () => {
    const { body: receipt } = await fileComplaint(form({ description: '隐私测试' }));
    const id = await idOf(receipt.trackingNumber);
    await call(operator, 'POST', `/complaints/${id}/institution-reply`, { reply: '已调整课表' });

    const forInstitution = [
      await call(operator, 'GET', `/complaints/${id}`),
      await call(operator, 'GET', '/complaints'),
    ];
    expect(forInstitution[0].body).toMatchObject({
      description: '隐私测试',
      institutionReplies: [{ reply: '已调整课表' }],
    });
    expect(forInstitution[1].body.total).toBeGreaterThan(0);
    const stored = await pool.query(
      'SELECT row_to_json(c)::text AS row FROM complaints.complaint c WHERE id = $1',
      [id],
    );
    const outbox = await pool.query('SELECT envelope::text AS e FROM complaints.outbox');
    const texts = [
      ...forInstitution.map((r) => r.text),
      stored.rows[0].row,
      ...outbox.rows.map((r) => r.e),
      ...(await published()).map((e) => JSON.stringify(e)),
    ];
    for (const text of texts) {
      expect(text).not.toContain(NAME);
      expect(text).not.toContain(PHONE);
    }
    expect((await call(operator, 'GET', `/complaints/${id}/complainant`)).status).toBe(403);
    expect((await call(marketXihu, 'GET', `/complaints/${id}/complainant`)).status).toBe(403);
    const seen = await call(educationXihu, 'GET', `/complaints/${id}/complainant`);
    expect(seen.body).toEqual({ name: NAME, phone: PHONE });
    const audit = await pool.query(
      'SELECT viewer_id FROM complaints.identity_access WHERE complaint_id = $1',
      [id],
    );
    expect(audit.rows).toEqual([{ viewer_id: 'approver.xihu' }]);
    const masked = await call(educationXihu, 'GET', `/complaints/${id}`);
    expect(masked.body.complainant).toEqual({ visibility: 'clear', name: '王**', phone: '138****1234' });
  });

  it('merges a repeat by the same complainant about the same institution and category into the open complaint', async () => {
    const first = await fileComplaint(
      form({ description: '第一次：拖堂到晚上九点', contact: { name: '钱七', phone: '13500003333' } }),
    );
    const again = await fileComplaint(
      form({ description: '第二次：又拖堂', contact: { name: '钱七', phone: '135 0000 3333' } }),
    );
    expect(again.body.merged).toBe(true);
    const firstId = await idOf(first.body.trackingNumber);
    const details = await call(educationXihu, 'GET', `/complaints/${firstId}`);
    expect(details.body.duplicates).toEqual([await idOf(again.body.trackingNumber)]);
  });

  it('links an inspection penalty to the complaints about that license filed before it', async () => {
    const { body: receipt } = await fileComplaint(form({ description: '处罚关联测试', contact: undefined }));
    const penalty = createEvent(PenaltyDecided, {
      aggregateId: 'penalty-1',
      institutionId: INSTITUTION,
      actor: SYSTEM_ACTOR,
      correlationId: 'test',
      payload: {
        penaltyId: 'penalty-1',
        decisionNumber: '西教罚〔2026〕1号',
        licenseId: 'lic-00001',
        subjectName: '杭州西湖区启明学科培训学校',
        penaltyType: 'warning',
        legalBasis: '教育部令第53号 第十九条',
        licenseAction: 'none',
        reasons: '违规收费',
        decidedOn: '2026-09-30',
      },
    });
    await transport.publish('otr.inspection', [{ key: INSTITUTION, value: JSON.stringify(penalty) }]);
    const id = await idOf(receipt.trackingNumber);
    const details = await eventually(async () => {
      const d = await call(educationXihu, 'GET', `/complaints/${id}`);
      return d.body.outcomes.length ? d.body : undefined;
    }, 10_000);
    expect(details.outcomes).toEqual([
      {
        penaltyId: 'penalty-1',
        decisionNumber: '西教罚〔2026〕1号',
        penaltyType: 'warning',
        decidedOn: '2026-09-30',
      },
    ]);
  });

  it('lets an official record a hotline work order received earlier, but not one from the future', async () => {
    const recorded = await call(marketXihu, 'POST', '/complaints', {
      ...form({ category: 'advertising', description: '12345 转来：虚假宣传', contact: undefined }),
      channel: 'hotline-12345',
      receivedAt: '2026-09-28T09:00:00+08:00',
    });
    expect(recorded.status).toBe(201);
    const details = await call(marketXihu, 'GET', `/complaints/${recorded.body.complaintId}`);
    expect(details.body).toMatchObject({
      channel: 'hotline-12345',
      answerBy: '2026-10-23',
      responsibility: { lead: { department: 'market-regulation' } },
    });
    const future = await call(marketXihu, 'POST', '/complaints', {
      ...form({ contact: undefined }),
      receivedAt: '2026-12-01T09:00:00+08:00',
    });
    expect(future.body).toMatchObject({ error: 'complaints.ComplaintRuleViolated', field: 'receivedAt' });
    expect((await call(operator, 'POST', '/complaints', form())).status).toBe(403);
  });

  it('keeps the action log append-only in the database', async () => {
    await expect(pool.query("UPDATE complaints.complaint_action SET type = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(pool.query('DELETE FROM complaints.complaint_action')).rejects.toThrow(/append-only/);
  });

  it('escalates a missed deadline exactly once when the SLA sweep runs at a controlled clock, and flags repeats once', async () => {
    const { body: receipt } = await fileComplaint(
      form({ description: 'SLA 测试', subject: { licenseId: 'lic-00002' }, contact: undefined }),
    );
    const id = await idOf(receipt.trackingNumber);
    const sweep = service.app.get(SlaSweep);
    clock.set('2026-09-30T15:00:00Z'); // 23:00 on the sign day in Beijing: still on time
    await sweep.run();
    expect((await published('complaints.SlaBreached')).filter((e) => e.aggregateId === id)).toEqual([]);
    clock.set('2026-10-08T01:00:00Z'); // first working day after National Day
    const queue = await call(educationXihu, 'GET', '/complaints?colour=red');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const stats = await call(educationXihu, 'GET', '/stats');
    expect(stats.body.open.red).toBe(queue.body.total);
    expect(stats.body.byDistrict).toContainEqual(expect.objectContaining({ district: 'CN-ZJ-HZ-XH' }));
    await sweep.run();
    await sweep.run();
    const breached = (await published('complaints.SlaBreached')).filter((e) => e.aggregateId === id);
    const escalated = (await published('complaints.ComplaintEscalated')).filter((e) => e.aggregateId === id);
    expect(breached.map((e) => e.payload)).toEqual([
      expect.objectContaining({ stage: 'sign', deadline: '2026-09-30' }),
    ]);
    expect(escalated.map((e) => e.payload.to)).toEqual(['CN-ZJ-HZ']);

    // Two more complaints against the same institution by other people reach the rulebook's three.
    clock.set('2026-10-08T02:00:00Z');
    await fileComplaint(
      form({
        description: '收费过高',
        category: 'fees-refunds',
        subject: { licenseId: 'lic-00002' },
        contact: { name: '甲', phone: '13600000001' },
      }),
    );
    await fileComplaint(
      form({
        description: '教室消防通道堵塞',
        category: 'safety',
        subject: { licenseId: 'lic-00002' },
        contact: { name: '乙', phone: '13600000002' },
      }),
    );
    await sweep.run();
    await sweep.run();
    const flags = (await published('complaints.RepeatComplaintsFlagged')).filter(
      (e) => e.institutionId === OTHER,
    );
    expect(flags).toHaveLength(1);
    expect(flags[0].payload).toMatchObject({
      subjectName: '杭州西湖区博雅艺术培训中心',
      licenseId: 'lic-00002',
      count: 3,
      withinDays: 30,
    });
  });
});
