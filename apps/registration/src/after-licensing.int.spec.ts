import { Pool } from 'pg';
import { Principal } from '@otr/auth';
import { BlacklistEntryAdded, createEvent, PenaltyDecided, SYSTEM_ACTOR, Topics } from '@otr/contracts';
import { FixedClock, residentIdCheckChar } from '@otr/kernel';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import {
  createTestDatabase,
  eventually,
  freePort,
  readyForApproval,
  serviceClient,
  TestDatabase,
} from '@otr/testing';
import { LicenseUpkeep } from './application/upkeep/license-upkeep';
import { registrationService } from './registration.module';

jest.setTimeout(60_000);

const approver: Principal = {
  userId: 'approver.xihu',
  name: '审批员',
  roles: ['approver'],
  department: 'education',
  jurisdiction: 'CN-ZJ-HZ-XH',
};
const admin: Principal = {
  userId: 'admin',
  name: '管理员',
  roles: ['administrator'],
  jurisdiction: 'CN-ZJ-HZ',
};
const teacher = {
  name: '李华',
  idNumber: '33010619900101123X',
  role: 'teacher',
  subject: '数学',
  certificate: { kind: 'teacher-qualification', number: '20103300000001', subject: '数学' },
};
const course = {
  name: '初中数学同步',
  subject: '数学',
  mode: 'offline',
  gradeLevels: ['junior-secondary'],
  outline: '代数、几何与函数，每周两次，每次一课时。',
  totalHours: 48,
  lessonMinutes: 45,
  maxClassSize: 20,
  priceFen: 288000,
};

describe('a license after issue: filings, roster, requests, penalties and upkeep', () => {
  let db: TestDatabase;
  let service: RunningService;
  let pool: Pool;
  const transport = new InProcessTransport();
  const clock = new FixedClock('2026-11-23T02:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 2 });
    service = await startService(registrationService, {
      databaseUrl: db.url,
      transport,
      port: await freePort(),
      clock,
    });
  });
  afterAll(async () => {
    await service.stop();
    await pool.end();
    await db.drop();
  });

  const call = (...args: Parameters<ReturnType<typeof serviceClient>>) =>
    serviceClient(service.port)(...args);
  const outbox = async (type: string) =>
    (
      await pool.query(`SELECT envelope FROM registration.outbox WHERE type = $1 ORDER BY seq`, [type])
    ).rows.map((r) => r.envelope);

  /** Licenses an arts institution in 西湖区 with one teacher and one course, through the HTTP API. */
  let licensedCount = 0;
  async function licensed(name: string) {
    // Each institution its own teacher: the roster test puts 李华 on the in-service roster.
    const first17 = `33010619850101${String(++licensedCount).padStart(3, '0')}`;
    const idNumber = first17 + residentIdCheckChar(first17);
    const operatorInstitution = crypto.randomUUID();
    const operator: Principal = {
      userId: `op-${name}`,
      name: '举办者',
      roles: ['institution-operator'],
      jurisdiction: 'CN-ZJ-HZ-XH',
      institutionId: operatorInstitution,
    };
    const arts: Principal = { ...approver, department: 'culture-tourism' };
    const submitted = await call(operator, 'POST', '/applications', {
      institutionName: name,
      legalForm: 'for-profit',
      category: 'arts',
      scopes: ['offline'],
      district: 'CN-ZJ-HZ-XH',
      address: '浙江省杭州市西湖区文三路100号',
      venue: { area: 120, maxClassSize: 20, fireSafetyAccepted: true },
      legalRepresentative: '王芳',
      ageGroups: ['primary'],
      staff: [
        {
          ...teacher,
          ...(licensedCount === 1 || name.includes('听松') ? {} : { idNumber }),
          subject: '美术',
          certificate: { kind: 'arts-professional', number: 'MS2026001' },
        },
      ],
      courses: [{ ...course, name: '少儿美术', subject: '美术' }],
    });
    expect(submitted.body).toMatchObject({ applicationId: expect.any(String) });
    await readyForApproval(service.port, arts, submitted.body.applicationId);
    const approved = await call(arts, 'POST', `/applications/${submitted.body.applicationId}/approve`);
    expect(approved.status).toBe(200);
    return { operator, approver: arts, licenseId: approved.body.licenseId as string };
  }

  it('files the application staff and courses on approval, with identity numbers only masked', async () => {
    const { approver: arts, licenseId } = await licensed('杭州西湖区墨香美术艺术培训有限公司');
    const file = await call(arts, 'GET', `/licenses/${licenseId}`);
    expect(file.body.courses).toHaveLength(1);
    expect(file.body.staff[0]).toMatchObject({ name: '李华', idNumberMasked: '330106********123X' });
    expect(JSON.stringify(file.body)).not.toContain('33010619900101123X');
    // no hash of the number either, in the staff list or the action log: mask + hash gave the number back
    expect(JSON.stringify(file.body)).not.toMatch(/idNumberHash|[0-9a-f]{64}/);
    expect(JSON.stringify(await outbox('registration.StaffFiled'))).not.toMatch(/idNumberHash|[0-9a-f]{64}/);
    expect((await outbox('registration.CourseFiled'))[0].payload).toMatchObject({
      licenseId,
      priceFen: 288000,
    });
    expect(JSON.stringify(await outbox('registration.StaffFiled'))).not.toContain('33010619900101123X');
  });

  it('refuses bad filings with the field and rule: a bad identity number (400), a class too large (422)', async () => {
    const { operator, licenseId } = await licensed('杭州西湖区青藤书法艺术培训有限公司');
    const bad = await call(operator, 'POST', `/licenses/${licenseId}/staff`, { ...teacher, idNumber: '123' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('idNumber');
    // all zeros, or a wrong check character (GB 11643-1999 MOD 11-2): refused, naming the field
    for (const idNumber of ['000000000000000000', '330106199001011234']) {
      const wrong = await call(operator, 'POST', `/licenses/${licenseId}/staff`, { ...teacher, idNumber });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toContainEqual(expect.objectContaining({ field: 'idNumber' }));
    }
    const big = await call(operator, 'POST', `/licenses/${licenseId}/courses`, {
      ...course,
      subject: '书法',
      maxClassSize: 21,
    });
    expect(big.status).toBe(422);
    expect(big.body).toMatchObject({ errors: [{ field: 'course.maxClassSize' }] });
    const other = { ...operator, institutionId: crypto.randomUUID() };
    expect((await call(other, 'POST', `/licenses/${licenseId}/courses`, course)).status).toBe(403);
  });

  it('reports a filed teacher once when a re-imported roster lists them, and refuses them at the next filing', async () => {
    const { operator, licenseId } = await licensed('杭州西湖区听松国画艺术培训有限公司');
    const roster = { teachers: [{ name: '李华', idNumber: '33010619900101123x', school: '杭州市文三中学' }] };
    expect((await call(admin, 'POST', '/in-service-roster', roster)).body).toMatchObject({ teachers: 1 });
    await call(admin, 'POST', '/in-service-roster', roster);
    const detected = (await outbox('registration.InServiceTeacherDetected')).filter(
      (e) => e.payload.licenseId === licenseId,
    );
    expect(detected).toHaveLength(1);
    expect(detected[0].payload).toMatchObject({ school: '杭州市文三中学', detectedAt: 'roster-import' });
    const again = await call(operator, 'POST', `/licenses/${licenseId}/staff`, {
      ...teacher,
      certificate: { kind: 'arts-professional', number: 'MS2026002' },
    });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].source).toContain('中办发〔2021〕40号');
  });

  it('changes the name on an approved request, and closes on an approved closure', async () => {
    const { operator, approver: arts, licenseId } = await licensed('杭州西湖区清音古筝艺术培训有限公司');
    const filed = await call(operator, 'POST', `/licenses/${licenseId}/requests`, {
      kind: 'change',
      changes: { institutionName: '杭州西湖区清音民乐艺术培训有限公司' },
    });
    expect(filed.status).toBe(201);
    expect(
      (await call(approver, 'POST', `/license-requests/${filed.body.requestId}/decision`, { approve: true }))
        .status,
    ).toBe(403);
    expect(
      (await call(arts, 'POST', `/license-requests/${filed.body.requestId}/decision`, { approve: true }))
        .status,
    ).toBe(200);
    const changed = (await outbox('registration.InstitutionChanged')).find(
      (e) => e.payload.licenseId === licenseId,
    );
    expect(changed.payload.changes).toEqual({ institutionName: '杭州西湖区清音民乐艺术培训有限公司' });
    // one name, one institution: another licensed institution's name is refused, naming the field
    const { operator: other, licenseId: otherLicense } = await licensed('杭州西湖区雅韵琵琶艺术培训有限公司');
    const taken = await call(other, 'POST', `/licenses/${otherLicense}/requests`, {
      kind: 'change',
      changes: { institutionName: '杭州西湖区清音民乐艺术培训有限公司' },
    });
    expect(taken).toMatchObject({ status: 422, body: { errors: [{ field: 'institutionName' }] } });

    const closure = await call(operator, 'POST', `/licenses/${licenseId}/requests`, {
      kind: 'closure',
      closesOn: '2026-12-31',
      reason: '经营调整，已妥善退费',
    });
    await call(arts, 'POST', `/license-requests/${closure.body.requestId}/decision`, { approve: true });
    expect((await call(arts, 'GET', `/licenses/${licenseId}`)).body.status).toBe('closed');
  });

  it('applies an inspection penalty decision once, even when delivered twice', async () => {
    const { approver: arts, licenseId } = await licensed('杭州西湖区拾光舞蹈艺术培训有限公司');
    const decided = createEvent(PenaltyDecided, {
      aggregateId: 'p-1',
      institutionId: crypto.randomUUID(),
      actor: { userId: 'head.enforcement', role: 'approver' },
      correlationId: 'spec',
      payload: {
        penaltyId: 'p-1',
        decisionNumber: '西教罚〔2026〕12号',
        licenseId,
        subjectName: '杭州西湖区拾光舞蹈艺术培训有限公司',
        penaltyType: 'stop-enrolling',
        legalBasis: '教育部令第53号 第十九条',
        licenseAction: 'stop-enrolling',
        reasons: '超标准收费',
        decidedOn: '2026-11-23',
      },
    });
    const message = { key: licenseId, value: JSON.stringify(decided) };
    await transport.publish(Topics.inspection, [message]);
    await transport.publish(Topics.inspection, [message]);
    await eventually(
      async () =>
        (await call(arts, 'GET', `/licenses/${licenseId}`)).body.status === 'suspended' ? true : undefined,
      5000,
    );
    const suspended = (await outbox('registration.LicenseSuspended')).filter(
      (e) => e.payload.licenseId === licenseId,
    );
    expect(suspended).toHaveLength(1);
    expect(suspended[0]).toMatchObject({
      causationId: decided.id,
      payload: { decision: '西教罚〔2026〕12号' },
    });
  });

  it('refuses an applicant on the black list, naming the rule', async () => {
    const listed = createEvent(BlacklistEntryAdded, {
      aggregateId: 'b-1',
      institutionId: crypto.randomUUID(),
      actor: SYSTEM_ACTOR,
      correlationId: 'spec',
      payload: {
        entryId: 'b-1',
        subjectName: '杭州西湖区失信艺术培训有限公司',
        legalRepresentative: '钱多多',
        reason: '逾期未整改',
        decisionNumber: '西教罚〔2026〕13号',
        listedOn: '2026-11-01',
        removableOn: '2029-11-01',
      },
    });
    await transport.publish(Topics.inspection, [{ key: 'b-1', value: JSON.stringify(listed) }]);
    const arts: Principal = { ...approver, department: 'culture-tourism' };
    await eventually(async () => {
      const r = await call(arts, 'POST', '/applications', {
        institutionName: '杭州西湖区新开艺术培训有限公司',
        legalForm: 'for-profit',
        category: 'arts',
        scopes: ['offline'],
        district: 'CN-ZJ-HZ-XH',
        address: '浙江省杭州市西湖区文三路1号',
        venue: { area: 120, maxClassSize: 20, fireSafetyAccepted: true },
        legalRepresentative: '钱多多',
        ageGroups: ['primary'],
      });
      return r.status === 422 ? r : undefined;
    }, 5000).then((r) => expect(r.body).toMatchObject({ errors: [{ field: 'legalRepresentative' }] }));
  });

  it('upkeep reminds at 90 and 30 days and expires the day after the last, each once however often it runs', async () => {
    const { licenseId } = await licensed('杭州西湖区知音钢琴艺术培训有限公司');
    const upkeep = service.app.get(LicenseUpkeep);
    const validUntil = (
      await pool.query(`SELECT valid_until::text AS d FROM registration.license WHERE id = $1`, [licenseId])
    ).rows[0].d;
    const daysBefore = (n: number) => new Date(Date.parse(`${validUntil}T04:00:00Z`) - n * 86_400_000);
    const reminders = async () =>
      (await outbox('registration.LicenseExpiryReminderDue'))
        .filter((e) => e.payload.licenseId === licenseId)
        .map((e) => e.payload.daysBefore);

    clock.set(daysBefore(91));
    await upkeep.run();
    expect(await reminders()).toEqual([]);
    clock.set(daysBefore(90));
    await upkeep.run();
    await upkeep.run();
    expect(await reminders()).toEqual([90]);
    clock.set(daysBefore(30));
    await upkeep.run();
    expect(await reminders()).toEqual([90, 30]);
    clock.set(daysBefore(-1));
    await upkeep.run();
    const expired = (await outbox('registration.LicenseExpired')).filter(
      (e) => e.payload.licenseId === licenseId,
    );
    expect(expired).toHaveLength(1);
    clock.set('2026-11-23T02:00:00Z');
  });

  it('reports an unanswered opinion overdue once, and the work queue and stats show it', async () => {
    const arts: Principal = { ...approver, department: 'culture-tourism' };
    // Filed on the applicant's behalf by another approver (代办): 职责分离 keeps the filer from deciding.
    const intake: Principal = { ...arts, userId: 'u-intake' };
    clock.set('2026-11-23T02:00:00Z');
    const submitted = await call(intake, 'POST', '/applications', {
      institutionName: '杭州西湖区晚晴摄影艺术培训有限公司',
      legalForm: 'for-profit',
      category: 'arts',
      scopes: ['offline'],
      district: 'CN-ZJ-HZ-XH',
      address: '浙江省杭州市西湖区文三路8号',
      venue: { area: 120, maxClassSize: 20, fireSafetyAccepted: true },
      legalRepresentative: '陆远',
      ageGroups: ['primary'],
    });
    const id = submitted.body.applicationId as string;
    expect((await call(arts, 'POST', `/applications/${id}/opinions`, { department: 'fire' })).status).toBe(
      200,
    );
    const upkeep = service.app.get(LicenseUpkeep);
    await upkeep.run();
    expect(await outbox('registration.ReviewStepOverdue')).toEqual([]);
    clock.set('2027-01-20T02:00:00Z');
    await upkeep.run();
    await upkeep.run();
    const overdue = (await outbox('registration.ReviewStepOverdue')).filter(
      (e) => e.payload.applicationId === id,
    );
    expect(overdue.map((e) => e.payload.step).sort()).toEqual(['decision', 'opinion']);
    const queue = await call(arts, 'GET', '/applications?status=submitted');
    const item = queue.body.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ pendingOpinions: ['fire'] });
    expect(item.overdueSteps.sort()).toEqual(['decision', 'opinion:fire']);
    const stats = await call(arts, 'GET', '/stats');
    expect(stats.body.overdue).toBeGreaterThanOrEqual(1);
    expect(stats.body.byDistrict).toContainEqual(expect.objectContaining({ district: 'CN-ZJ-HZ-XH' }));
    clock.set('2026-11-23T02:00:00Z');
  });
});
