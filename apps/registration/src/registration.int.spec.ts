import { Pool } from 'pg';
import { Principal, PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, readyForApproval, TestDatabase } from '@otr/testing';
import { registrationService } from './registration.module';

jest.setTimeout(60_000);

const approver: Principal = {
  userId: 'u-approver',
  name: '审批员',
  roles: ['approver'],
  department: 'sports',
  jurisdiction: 'CN-ZJ-HZ-XH',
};
const fireOfficer: Principal = {
  userId: 'u-fire',
  name: '消防',
  roles: ['task-force-officer'],
  department: 'fire',
  jurisdiction: 'CN-ZJ-HZ-XH',
};
const outsider: Principal = { ...approver, userId: 'u-bj', jurisdiction: 'CN-ZJ-HZ-BJ' };
/** Files applications on the applicant's behalf (代办); 职责分离 leaves the decisions to `approver`. */
const intake: Principal = { ...approver, userId: 'u-intake' };

const form = {
  institutionName: '杭州西湖区卓越游泳体育培训有限公司',
  legalForm: 'for-profit',
  category: 'sports',
  scopes: ['offline'],
  district: 'CN-ZJ-HZ-XH',
  address: '浙江省杭州市西湖区古墩路88号',
  venue: { area: 400, maxClassSize: 20, fireSafetyAccepted: true },
  legalRepresentative: '赵强',
  ageGroups: ['primary', 'junior-secondary'],
};

describe('registration on the real PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let service: RunningService;
  let transport: InProcessTransport;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    transport = new InProcessTransport();
    service = await startService(registrationService, {
      databaseUrl: db.url,
      transport,
      port: await freePort(),
    });
  });
  afterAll(async () => {
    await service.stop();
    await pool.end();
    await db.drop();
  });

  const call = async (as: Principal, method: string, path: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${service.port}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        [PRINCIPAL_HEADER]: await signPrincipal(as, 'registration'),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const published = () => transport.messages('otr.registration').map((m) => JSON.parse(m.value).type);

  it('takes an application through joint review to a license, publishing each step once', async () => {
    const { body: created } = await call(intake, 'POST', '/applications', form);
    const id = created.applicationId;
    expect(
      (await call(approver, 'POST', `/applications/${id}/opinions`, { department: 'fire' })).status,
    ).toBe(200);
    expect((await call(approver, 'POST', `/applications/${id}/approve`)).body.code).toBe(
      'registration.InvalidApplicationState',
    );
    expect(
      (
        await call(fireOfficer, 'POST', `/applications/${id}/opinions/fire`, {
          agrees: true,
          reasons: '合格',
        })
      ).status,
    ).toBe(200);
    await readyForApproval(service.port, approver, id);
    const approved = await call(approver, 'POST', `/applications/${id}/approve`);
    expect(approved.body.licenseNumber).toMatch(/^教民XH\d{4}\d{5}号$/);

    const license = await pool.query(
      'SELECT status, number FROM registration.license WHERE institution_id = $1',
      [created.institutionId],
    );
    expect(license.rows).toEqual([{ status: 'active', number: approved.body.licenseNumber }]);
    await new Promise((r) => setTimeout(r, 300)); // the relay publishes on NOTIFY
    expect(published()).toEqual([
      'registration.ApplicationSubmitted',
      'registration.OpinionRequested',
      'registration.OpinionGiven',
      // The materials and the site visit the rulebook asks for (licensing.approvalRequirements).
      'registration.DocumentAttached',
      'registration.DocumentAttached',
      'registration.DocumentAttached',
      'registration.SiteVisitRecorded',
      'registration.ApplicationApproved',
      'registration.LicenseIssued',
    ]);
  });

  it('refuses a bad form with 400 naming each field, and a broken rule with 422 citing its source', async () => {
    const bad = await call(intake, 'POST', '/applications', { ...form, district: 'Hangzhou', scopes: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((i: { field: string }) => i.field)).toEqual(['scopes', 'district']);
    const small = await call(intake, 'POST', '/applications', {
      ...form,
      venue: { ...form.venue, area: 50 },
    });
    expect(small.status).toBe(422);
    expect(small.body).toMatchObject({
      errors: [{ field: 'venue.area', source: expect.stringContaining('国办发〔2018〕80号') }],
    });
    // what the white list would publish wrong: an RTL override, a 1e300 m² venue, (0,0), an unknown district
    const wrong = await call(intake, 'POST', '/applications', {
      ...form,
      institutionName: '杭州\u202e司公限有训培泳游',
      venue: { ...form.venue, area: 1e300 },
      location: { lat: 0, lng: 0 },
      district: 'CN-ZJ-HZ-ZZ',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['institutionName', 'venue.area', 'location.lat', 'district']),
    );
    // the name of the institution licensed above is taken (one name, one institution)
    const twin = await call(intake, 'POST', '/applications', {
      ...form,
      institutionName: ` ${form.institutionName} `,
    });
    expect(twin).toMatchObject({ status: 422, body: { errors: [{ field: 'institutionName' }] } });
  });

  it('returns an application with reasons per item, which its operator corrects and resubmits', async () => {
    const teacher = {
      name: '钱教练',
      idNumber: '33010619900101123X',
      role: 'teacher',
      subject: '游泳',
      certificate: { kind: 'sports-coach', number: 'TY-2026-001' },
    };
    const applied = await call(intake, 'POST', '/applications', {
      ...form,
      institutionName: '杭州西湖区碧波游泳体育培训有限公司',
      staff: [teacher],
    });
    const id = applied.body.applicationId;
    const operator: Principal = {
      userId: 'u-operator',
      name: '经办人',
      roles: ['institution-operator'],
      jurisdiction: 'CN-ZJ-HZ-XH',
      institutionId: applied.body.institutionId,
    };
    const items = [
      { field: 'venue.area', reason: '平面图面积与租赁合同不符' },
      { field: 'staff.0.certificate', reason: '证书编号无法核验' },
    ];
    expect((await call(approver, 'POST', `/applications/${id}/return`, { items })).status).toBe(200);

    const returned = await call(operator, 'GET', `/applications/${id}`);
    expect(returned.body).toMatchObject({ status: 'returned', corrections: items });
    const [filed] = returned.body.form.staff;
    expect(filed).not.toHaveProperty('idNumber');
    // Only the mask is shown: no hash from which the number could be recovered, anywhere in the answer.
    expect(filed).not.toHaveProperty('idNumberHash');
    expect(filed.idNumberMasked).toBe('330106********123X');
    expect(JSON.stringify(returned.body)).not.toMatch(/idNumberHash|[0-9a-f]{64}/);
    // The operator corrects the items named, keeping the teacher by the masked number shown.
    const kept = filed;
    const corrected = {
      ...returned.body.form,
      venue: { ...form.venue, area: 420 },
      staff: [{ ...kept, certificate: { kind: 'sports-coach', number: 'TY-2026-101' } }],
    };
    const stranger = {
      ...operator,
      userId: 'u-other',
      institutionId: '00000000-0000-4000-8000-000000000001',
    };
    expect((await call(stranger, 'PUT', `/applications/${id}`, corrected)).status).toBe(403);
    const unknown = await call(operator, 'PUT', `/applications/${id}`, {
      ...corrected,
      staff: [{ ...corrected.staff[0], idNumberMasked: '110101********0000' }],
    });
    expect(unknown).toMatchObject({ status: 422, body: { errors: [{ field: 'staff.0.idNumber' }] } });
    const missing = await call(operator, 'PUT', `/applications/${id}`, {
      ...corrected,
      staff: [{ ...teacher, idNumber: undefined }],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: 'staff.0.idNumber' }));

    const resubmitted = await call(operator, 'PUT', `/applications/${id}`, corrected);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'submitted', corrections: [] });
    expect(resubmitted.body.form.venue.area).toBe(420);
    expect(resubmitted.body.form.staff).toEqual([
      { ...filed, certificate: { kind: 'sports-coach', number: 'TY-2026-101' } },
    ]);
    const actions = await pool.query(
      'SELECT type FROM registration.application_action WHERE application_id = $1 ORDER BY seq',
      [id],
    );
    expect(actions.rows.map((r) => r.type)).toEqual([
      'ApplicationSubmitted',
      'ApplicationReturned',
      'ApplicationSubmitted',
    ]);
    expect((await call(operator, 'PUT', `/applications/${id}`, corrected)).body.code).toBe(
      'registration.InvalidApplicationState',
    );
  });

  it('keeps applications outside the caller’s jurisdiction out of reach', async () => {
    const { body } = await call(intake, 'POST', '/applications', {
      ...form,
      institutionName: '杭州西湖区明德篮球体育培训有限公司',
    });
    expect((await call(outsider, 'GET', `/applications/${body.applicationId}`)).status).toBe(403);
    expect((await call(outsider, 'POST', `/applications/${body.applicationId}/approve`)).status).toBe(403);
    const queue = await call(outsider, 'GET', '/applications');
    expect(queue.body.total).toBe(0);
  });

  it('rejects a request without a principal signed by the gateway', async () => {
    const res = await fetch(`http://127.0.0.1:${service.port}/applications`, {
      headers: { [PRINCIPAL_HEADER]: 'forged' },
    });
    expect(res.status).toBe(401);
  });
});
