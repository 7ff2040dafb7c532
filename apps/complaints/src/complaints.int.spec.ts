import { createHash, randomBytes } from 'node:crypto';
import { Principal } from '@otr/auth';
import { createEvent, PenaltyDecided, SYSTEM_ACTOR } from '@otr/contracts';
import { FixedClock } from '@otr/kernel';
import { devHotlineKey, eventually } from '@otr/testing';
import { BlobStore } from '@otr/storage';
import { SlaSweep } from './application/sla-sweep/sla-sweep';
import { EVIDENCE } from './application/tokens';
import { ComplaintsHarness, official, startComplaints, XH } from './complaints.int-fixtures';

jest.setTimeout(60_000);

const INSTITUTION = '6f1c2a4e-7d0b-4c59-9a0e-3b7f5e2d1c01';
const OTHER = '6f1c2a4e-7d0b-4c59-9a0e-3b7f5e2d1c02';
const IN_BINJIANG = '6f1c2a4e-7d0b-4c59-9a0e-3b7f5e2d1c03';
const BJ = 'CN-ZJ-HZ-BJ';
const NAME = '王小明';
const PHONE = '13812341234';

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

// A tiny PNG and PDF: evidence is checked against its magic bytes.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8cfc0f01f0005000201e2ad8fa50000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A portal submission with files: the form as JSON in `complaint`, the files in `evidence`. */
function multipart(complaint: unknown, files: [bytes: Buffer, type: string, name: string][]) {
  const body = new FormData();
  body.set('complaint', JSON.stringify(complaint));
  for (const [bytes, type, name] of files)
    body.append('evidence', new Blob([new Uint8Array(bytes)], { type }), name);
  return body;
}

const form = (over: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  category: 'teaching-content-times',
  subject: { licenseId: 'lic-00001' },
  description: '周末仍在上数学超前课',
  contact: { name: NAME, phone: PHONE },
  ...over,
});

describe('complaints on the real PostgreSQL', () => {
  let h: ComplaintsHarness;
  // Tuesday 2026-09-29, 10:00 in Beijing, the eve of National Day.
  const clock = new FixedClock('2026-09-29T02:00:00Z');

  beforeAll(async () => {
    h = await startComplaints(clock, [
      { institutionId: INSTITUTION, licenseId: 'lic-00001', name: '杭州西湖区启明学科培训学校' },
      { institutionId: OTHER, licenseId: 'lic-00002', name: '杭州西湖区博雅艺术培训中心' },
      {
        institutionId: IN_BINJIANG,
        licenseId: 'lic-00003',
        name: '杭州滨江区星河学科培训学校',
        district: BJ,
      },
    ]);
  });
  afterAll(() => h.stop());

  const call: ComplaintsHarness['call'] = (...args) => h.call(...args);
  const fileComplaint = (body: unknown, key?: string) =>
    call(null, 'POST', '/public/complaints', body, key ? { 'Idempotency-Key': key } : {});
  const idOf = (trackingNumber: string) => h.idOf(trackingNumber);
  const published = (type?: string) => h.published(type);

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
    const rows = await h.pool.query(
      "SELECT count(*)::int AS n FROM complaints.complaint WHERE state->>'description' = $1",
      ['重复提交测试：退费不到账'],
    );
    expect(rows.rows[0].n).toBe(1);
    const reused = await fileComplaint(form({ description: '另一件事' }), 'key-double-1');
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('complaints.IdempotencyKeyReused');
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
      code: 'complaints.UnknownInstitution',
      errors: [{ field: 'subject.licenseId' }],
    });
    const bad = await fileComplaint(form({ category: 'gossip', description: '' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((i: { field: string }) => i.field)).toEqual(
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
    expect((await act(educationXihu, 'approve')).body.code).toBe('complaints.InvalidComplaintState');
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

  it('keeps the complainant’s name and phone out of events, the stored complaint, the institution’s view, the hotline’s answers and the rates', async () => {
    const { body: receipt } = await fileComplaint(
      multipart(form({ description: '隐私测试' }), [[PNG, 'image/png', `${NAME}${PHONE}.png`]]),
    );
    const id = await idOf(receipt.trackingNumber);
    await call(operator, 'POST', `/complaints/${id}/institution-reply`, { reply: '已调整课表' });
    // The same person calls 12345, which files a work order with their name and phone.
    const hotline = new URLSearchParams({
      api_key: devHotlineKey(),
      service_code: 'staff',
      description: '隐私测试：来电',
      last_name: NAME.slice(0, 1),
      first_name: NAME.slice(1),
      phone: PHONE,
      'attribute[license_id]': 'lic-00001',
    });
    const filedByHotline = await call(null, 'POST', '/open311/v2/requests.json', hotline);
    expect(filedByHotline.status).toBe(201);
    const hotlineId = filedByHotline.body[0].service_request_id;
    const key = `api_key=${devHotlineKey()}`;

    const forInstitution = [
      await call(operator, 'GET', `/complaints/${id}`),
      await call(operator, 'GET', '/complaints'),
    ];
    expect(forInstitution[0].body).toMatchObject({
      description: '隐私测试',
      institutionReplies: [{ reply: '已调整课表' }],
    });
    expect(forInstitution[0].body).not.toHaveProperty('evidence');
    expect(forInstitution[1].body.total).toBeGreaterThan(0);
    const forHotline = [
      filedByHotline,
      await call(null, 'GET', `/open311/v2/requests/${hotlineId}.json?${key}`),
      await call(null, 'GET', `/open311/v2/requests.json?${key}`),
    ];
    expect(forHotline[1].body[0]).toMatchObject({ service_request_id: hotlineId, status: 'open' });
    const rates = [
      await call(supervisor, 'GET', '/rates?by=district'),
      await call(educationXihu, 'GET', '/rates?by=department'),
    ];
    expect(rates[0].body.total.complaints).toBeGreaterThan(0);
    const forOfficials = await call(educationXihu, 'GET', `/complaints/${id}`);
    expect(forOfficials.body.evidence).toEqual([
      { sha256: sha(PNG), contentType: 'image/png', size: PNG.length },
    ]);
    const stored = await h.pool.query(
      'SELECT row_to_json(c)::text AS row FROM complaints.complaint c WHERE id = ANY($1)',
      [[id, await idOf(hotlineId)]],
    );
    const outbox = await h.pool.query('SELECT envelope::text AS e FROM complaints.outbox');
    const texts = [
      ...forInstitution.map((r) => r.text),
      ...forHotline.map((r) => r.text),
      ...rates.map((r) => r.text),
      forOfficials.text, // the file's name is not kept
      ...stored.rows.map((r) => r.row),
      ...outbox.rows.map((r) => r.e),
      ...(await published()).map((e) => JSON.stringify(e)),
    ];
    expect(stored.rows).toHaveLength(2);
    for (const text of texts) {
      expect(text).not.toContain(NAME);
      expect(text).not.toContain(PHONE);
    }
    const reveal = (as: Principal, reason = '回访核实退费诉求') =>
      call(as, 'GET', `/complaints/${id}/complainant?reason=${encodeURIComponent(reason)}`);
    expect((await reveal(operator)).status).toBe(403);
    expect((await reveal(marketXihu)).status).toBe(403);
    // above the district, fund supervisors included: not the handling officer nor their supervisor
    expect((await reveal(supervisor)).status).toBe(403);
    const cityFunds = official('funds.city', 'education', 'CN-ZJ-HZ', ['fund-supervisor']);
    expect((await reveal(cityFunds)).status).toBe(403);
    // another education officer of the district who did not sign the work order
    expect((await reveal(official('officer.edu', 'education', XH, ['task-force-officer']))).status).toBe(403);
    // the lead department's approver in the district, with a reason
    expect((await call(educationXihu, 'GET', `/complaints/${id}/complainant`)).status).toBe(400);
    const seen = await reveal(educationXihu);
    expect(seen.body).toEqual({ name: NAME, phone: PHONE });
    const audit = await h.pool.query(
      'SELECT viewer_id, reason, at FROM complaints.identity_access WHERE complaint_id = $1',
      [id],
    );
    expect(audit.rows).toEqual([
      { viewer_id: 'approver.xihu', reason: '回访核实退费诉求', at: expect.any(Date) },
    ]);
    const masked = await call(educationXihu, 'GET', `/complaints/${id}`);
    expect(masked.body.complainant).toEqual({ visibility: 'clear', name: '王**', phone: '138****1234' });
  });

  it('keeps evidence files by their SHA-256 for the officials over the district, never for the institution', async () => {
    const filed = await fileComplaint(
      multipart(form({ description: '证据测试', contact: undefined }), [
        [PNG, 'image/png', 'photo.png'],
        [PDF, 'application/pdf', '收据.pdf'],
      ]),
    );
    expect(filed.status).toBe(201);
    const id = await idOf(filed.body.trackingNumber);
    const details = await call(educationXihu, 'GET', `/complaints/${id}`);
    expect(details.body.evidence).toEqual([
      { sha256: sha(PNG), contentType: 'image/png', size: PNG.length },
      { sha256: sha(PDF), contentType: 'application/pdf', size: PDF.length },
    ]);
    const opened = await h.download(educationXihu, `/complaints/${id}/evidence/${sha(PDF)}`);
    expect(opened).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(sha(opened.bytes)).toBe(sha(PDF));

    const binjiang = official('approver.binjiang', 'education', 'CN-ZJ-HZ-BJ');
    expect((await h.download(operator, `/complaints/${id}/evidence/${sha(PNG)}`)).status).toBe(403);
    expect((await h.download(binjiang, `/complaints/${id}/evidence/${sha(PNG)}`)).status).toBe(403);
    expect(
      (await h.download(educationXihu, `/complaints/${id}/evidence/${sha(Buffer.from('x'))}`)).status,
    ).toBe(404);
    const forInstitution = await call(operator, 'GET', `/complaints/${id}`);
    expect(forInstitution.text).not.toContain(sha(PNG));
    const tracked = await call(null, 'GET', `/public/complaints/${filed.body.trackingNumber}`, undefined, {
      'x-access-code': filed.body.accessCode,
    });
    expect(tracked.body).toMatchObject({ evidenceFiles: 2 });
  });

  it('refuses evidence that is not a photo or a PDF, or more than five files, filing nothing', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    const disguised = await fileComplaint(
      multipart(form({ description: '证据拒收测试', contact: undefined }), [[exe, 'image/png', 'a.png']]),
    );
    expect(disguised.status).toBe(422);
    expect(disguised.body).toMatchObject({
      code: 'storage.BlobTypeNotAllowed',
      errors: [{ field: 'evidence' }],
    });
    // Six different PNGs: the same image with different trailing bytes.
    const six = [1, 2, 3, 4, 5, 6].map((n): [Buffer, string, string] => [
      Buffer.concat([PNG, Buffer.from([n])]),
      'image/png',
      `${n}.png`,
    ]);
    const tooMany = await fileComplaint(
      multipart(form({ description: '证据拒收测试', contact: undefined }), six),
    );
    expect(tooMany.status).toBe(422);
    // an anonymous tip carries what one complaint needs: three files, 10 MB in all
    expect(tooMany.body).toMatchObject({ errors: [{ field: 'evidence', rule: 'at most 3 files' }] });
    const sixNamed = await fileComplaint(multipart(form({ description: '证据拒收测试' }), six));
    expect(sixNamed.body).toMatchObject({ errors: [{ field: 'evidence', rule: 'at most 5 files' }] });
    const notJson = new FormData();
    notJson.set('complaint', '{');
    expect((await fileComplaint(notJson)).body.errors).toEqual([
      { field: 'complaint', rule: 'complaint 部分须为 JSON' }, // the catalogue's zh-CN, the default language
    ]);
    const { rows } = await h.pool.query(
      "SELECT count(*)::int AS n FROM complaints.complaint WHERE state->>'description' = '证据拒收测试'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('keeps no evidence of a refused complaint: the files its intake stored are deleted', async () => {
    const blobs = h.service.app.get<symbol, BlobStore>(EVIDENCE);
    const photo = Buffer.concat([PNG, randomBytes(16)]);
    const kept = Buffer.concat([PNG, randomBytes(16)]);
    await blobs.put(kept, { contentType: 'image/png' }); // already held for another record
    const refused = await fileComplaint(
      multipart(form({ description: '证据随拒收删除', subject: { licenseId: 'lic-99999' } }), [
        [photo, 'image/png', 'a.png'],
        [kept, 'image/png', 'b.png'],
      ]),
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(await blobs.has(sha(photo))).toBe(false);
    expect(await blobs.has(sha(kept))).toBe(true);
  });

  it('stops one client filling the disk: over its hourly share of uploads, 429 before anything is stored', async () => {
    const blobs = h.service.app.get<symbol, BlobStore>(EVIDENCE);
    const client = { 'x-otr-client': '203.0.113.7' };
    const upload = (n: number) => {
      const files = [1, 2, 3].map((i): [Buffer, string, string] => [
        Buffer.concat([PNG, Buffer.from(`quota-${n}-${i}`)]),
        'image/png',
        `${i}.png`,
      ]);
      return { files, body: multipart(form({ description: `配额测试 ${n}`, contact: undefined }), files) };
    };
    for (let n = 0; n < 16; n++) {
      const { body } = upload(n);
      expect((await call(null, 'POST', '/public/complaints', body, client)).status).toBe(201);
    }
    const over = upload(16);
    const refused = await call(null, 'POST', '/public/complaints', over.body, client);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      errors: [{ field: 'evidence' }],
      retryAfterSeconds: expect.any(Number),
    });
    expect(await blobs.has(sha(over.files[0][0]))).toBe(false);
    // another client still has its share
    const other = upload(17);
    expect(
      (await call(null, 'POST', '/public/complaints', other.body, { 'x-otr-client': '198.51.100.9' })).status,
    ).toBe(201);
  });

  it('rates response, resolution and satisfaction by district and by department from the complaints’ own record', async () => {
    const binjiang = official('approver.binjiang', 'education', BJ);
    const filedInBinjiang = async (description: string, phone: string) => {
      const { body } = await fileComplaint(
        form({ description, subject: { licenseId: 'lic-00003' }, contact: { name: '孙八', phone } }),
      );
      return { ...body, id: await idOf(body.trackingNumber) };
    };
    const closeAndRate = async (
      c: { id: string; trackingNumber: string; accessCode: string },
      satisfied: boolean,
    ) => {
      await call(binjiang, 'POST', `/complaints/${c.id}/sign`);
      await call(binjiang, 'POST', `/complaints/${c.id}/reply`, { reply: '已核查并责令整改' });
      await call(supervisor, 'POST', `/complaints/${c.id}/approve`);
      const rated = await call(
        null,
        'POST',
        `/public/complaints/${c.trackingNumber}/rating`,
        { satisfied },
        {
          'x-access-code': c.accessCode,
        },
      );
      expect(rated.status).toBe(200);
    };
    await closeAndRate(await filedInBinjiang('评价测试：满意', '13600001001'), true);
    await closeAndRate(await filedInBinjiang('评价测试：不满意', '13600001002'), false); // reopened
    await filedInBinjiang('评价测试：待签收', '13600001003'); // its sign deadline is still running

    const byDistrict = await call(supervisor, 'GET', '/rates?by=district');
    expect(byDistrict.body.groups.find((g: { key: string }) => g.key === BJ)).toEqual({
      key: BJ,
      complaints: 3,
      response: { count: 2, of: 2, rate: 1 },
      resolution: { count: 1, of: 2, rate: 0.5 },
      satisfaction: { count: 1, of: 2, rate: 0.5 },
    });
    const inBinjiang = await call(binjiang, 'GET', '/rates?by=department&from=2026-09-29&to=2026-09-29');
    expect(inBinjiang.body).toMatchObject({ by: 'department', from: '2026-09-29', to: '2026-09-29' });
    expect(inBinjiang.body.groups).toEqual([{ key: 'education', ...inBinjiang.body.total }]);
    expect(inBinjiang.body.total.complaints).toBe(3);

    const none = await call(supervisor, 'GET', '/rates?from=2027-01-01');
    expect(none.body.total).toEqual({
      complaints: 0,
      response: { count: 0, of: 0, rate: null },
      resolution: { count: 0, of: 0, rate: null },
      satisfaction: { count: 0, of: 0, rate: null },
    });
    expect(none.body.groups).toEqual([]);
    const backwards = await call(supervisor, 'GET', '/rates?from=2026-10-01&to=2026-09-01');
    expect(backwards.body.errors).toEqual([{ field: 'to', rule: 'from is not after to' }]);
    expect((await call(operator, 'GET', '/rates')).status).toBe(403);
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
    await h.transport.publish('otr.inspection', [{ key: INSTITUTION, value: JSON.stringify(penalty) }]);
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
    expect(future.body).toMatchObject({
      code: 'complaints.ComplaintRuleViolated',
      errors: [{ field: 'receivedAt' }],
    });
    expect((await call(operator, 'POST', '/complaints', form())).status).toBe(403);
  });

  it('refuses a work order received before any complaint rules were in force, naming receivedAt (a 500 before, issue #14)', async () => {
    const ancient = await call(marketXihu, 'POST', '/complaints', {
      ...form({ contact: undefined }),
      receivedAt: '0001-01-01T00:00:00Z',
    });
    expect(ancient).toMatchObject({ status: 422, body: { errors: [{ field: 'receivedAt' }] } });
  });

  it('names the period when the rates are asked for from before 1970 (a 500 before, issue #14)', async () => {
    const rates = await call(supervisor, 'GET', '/rates?from=0001-01-01');
    expect(rates).toMatchObject({ status: 400, body: { errors: [{ field: 'from' }] } });
  });

  it('names the body when a multipart complaint is cut off (issue #14: the 400 named no field)', async () => {
    const res = await fetch(`http://127.0.0.1:${h.service.port}/public/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="complaint"\r\n\r\n{}',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      { field: 'complaint', rule: expect.stringContaining('multipart') },
    ]);
  });

  it('keeps the action log append-only in the database', async () => {
    await expect(h.pool.query("UPDATE complaints.complaint_action SET type = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(h.pool.query('DELETE FROM complaints.complaint_action')).rejects.toThrow(/append-only/);
  });

  it('escalates a missed deadline exactly once when the SLA sweep runs at a controlled clock, and flags repeats once', async () => {
    const { body: receipt } = await fileComplaint(
      form({ description: 'SLA 测试', subject: { licenseId: 'lic-00002' }, contact: undefined }),
    );
    const id = await idOf(receipt.trackingNumber);
    const sweep = h.service.app.get(SlaSweep);
    clock.set('2026-09-30T15:00:00Z'); // 23:00 on the sign day in Beijing: still on time
    await sweep.run();
    expect((await published('complaints.SlaBreached')).filter((e) => e.aggregateId === id)).toEqual([]);
    clock.set('2026-10-08T01:00:00Z'); // first working day after National Day
    const queue = await call(educationXihu, 'GET', '/complaints?colour=red');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const stats = await call(educationXihu, 'GET', '/stats');
    expect(stats.body.open.red).toBe(queue.body.total);
    expect(stats.body.byDistrict).toContainEqual(expect.objectContaining({ district: 'CN-ZJ-HZ-XH' }));
    // A district's panel counts its own district only, on-time complaints included: the on-time
    // count's OR (deadline later, or none) once replaced the jurisdiction's OR in the same query.
    // (a 滨江区 complaint made green by a far deadline, as a long SLA would give it)
    await fileComplaint(
      form({ description: '滨江区的投诉', subject: { licenseId: 'lic-00003' }, contact: undefined }),
    );
    await h.pool.query(`UPDATE complaints.complaint SET deadline = '2027-06-30' WHERE district = $1`, [BJ]);
    const own = await call(educationXihu, 'GET', '/stats');
    expect(own.body.byDistrict.map((d: { district: string }) => d.district)).not.toContain(BJ);
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
