import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Principal } from '@otr/auth';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, readyForApproval, serviceClient, TestDatabase } from '@otr/testing';
import { registrationService } from './registration.module';

jest.setTimeout(120_000);

const XH = 'CN-ZJ-HZ-XH';
const BJ = 'CN-ZJ-HZ-BJ';
const INSTITUTION_A = '00000000-0000-4000-8000-00000000000a';
const INSTITUTION_B = '00000000-0000-4000-8000-00000000000b';
const who = (
  userId: string,
  roles: Principal['roles'],
  jurisdiction: string,
  extra: Partial<Principal> = {},
) => ({ userId, name: userId, roles, jurisdiction, ...extra }) as Principal;

const culture = who('approver.culture', ['approver'], XH, { department: 'culture-tourism' });
const cultureBJ = who('approver.culture.bj', ['approver'], BJ, { department: 'culture-tourism' });
const viewerBJ = who('viewer.bj', ['viewer'], BJ);
const fireXH = who('officer.fire', ['task-force-officer'], XH, { department: 'fire' });
const fireBJ = who('officer.fire.bj', ['task-force-officer'], BJ, { department: 'fire' });
const operatorA = who('operator.a', ['institution-operator'], XH, { institutionId: INSTITUTION_A });
const operatorB = who('operator.b', ['institution-operator'], XH, { institutionId: INSTITUTION_B });
/** An operator account not yet linked to an institution. */
const unlinked = who('operator.new', ['institution-operator'], XH);
/** One account holding operator (of A) and approver of the competent department. */
const operatorApprover = who('operator.approver', ['institution-operator', 'approver'], XH, {
  department: 'culture-tourism',
  institutionId: INSTITUTION_A,
});

const form = (name: string) => ({
  institutionName: name,
  legalForm: 'for-profit',
  category: 'arts',
  scopes: ['offline'],
  district: XH,
  address: '浙江省杭州市西湖区文三路100号',
  venue: { area: 200, maxClassSize: 20, fireSafetyAccepted: true },
  legalRepresentative: '王芳',
  ageGroups: ['primary'],
});
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('registration: object-level access (IDOR) and separation of duties on the real PostgreSQL', () => {
  let db: TestDatabase;
  let service: RunningService;
  let call: ReturnType<typeof serviceClient>;
  let applicationId: string;
  let sha256: string;

  beforeAll(async () => {
    process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), 'otr-blobs-'));
    db = await createTestDatabase();
    service = await startService(registrationService, {
      databaseUrl: db.url,
      transport: new InProcessTransport(),
      port: await freePort(),
    });
    call = serviceClient(service.port);
    const filed = await call(operatorA, 'POST', '/applications', form('杭州西湖区甲艺术培训有限公司'));
    expect(filed.status).toBe(201);
    applicationId = filed.body.applicationId;
    const body = new FormData();
    body.set('kind', 'venue-lease');
    body.set('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'lease.pdf');
    const attached = await call(operatorA, 'POST', `/applications/${applicationId}/documents`, body);
    expect(attached.status).toBe(201);
    sha256 = attached.body.sha256;
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  const outsiders = [cultureBJ, viewerBJ, operatorB, unlinked];

  it('an application and its documents are refused to another district, institution, or an unlinked operator', async () => {
    expect((await call(culture, 'GET', `/applications/${applicationId}`)).status).toBe(200);
    expect((await call(operatorA, 'GET', `/applications/${applicationId}`)).status).toBe(200);
    expect((await call(operatorA, 'GET', `/applications/${applicationId}/documents/${sha256}`)).status).toBe(
      200,
    );
    for (const caller of outsiders) {
      expect([caller.userId, (await call(caller, 'GET', `/applications/${applicationId}`)).status]).toEqual([
        caller.userId,
        403,
      ]);
      expect([
        caller.userId,
        (await call(caller, 'GET', `/applications/${applicationId}/documents/${sha256}`)).status,
      ]).toEqual([caller.userId, 403]);
      const listed = await call(caller, 'GET', '/applications');
      expect(listed.body.items.map((a: { id: string }) => a.id)).not.toContain(applicationId);
    }
  });

  it('an opinion is answered only by the asked department over the application’s district', async () => {
    expect(
      (await call(culture, 'POST', `/applications/${applicationId}/opinions`, { department: 'fire' })).status,
    ).toBe(200);
    const opinion = { agrees: true, reasons: '消防验收合格' };
    expect((await call(fireBJ, 'POST', `/applications/${applicationId}/opinions/fire`, opinion)).status).toBe(
      403,
    );
    const market = { ...fireXH, userId: 'officer.market', department: 'market-regulation' as const };
    expect((await call(market, 'POST', `/applications/${applicationId}/opinions/fire`, opinion)).status).toBe(
      403,
    );
    expect((await call(fireXH, 'POST', `/applications/${applicationId}/opinions/fire`, opinion)).status).toBe(
      200,
    );
  });

  it('an approver of another department decides nothing on it, nor visits the site', async () => {
    const sports = { ...culture, userId: 'approver.sports', department: 'sports' as const };
    const visit = { visitedOn: '2026-11-20', conforms: true, findings: '' };
    expect((await call(sports, 'POST', `/applications/${applicationId}/site-visits`, visit)).status).toBe(
      403,
    );
    expect((await call(sports, 'POST', `/applications/${applicationId}/approve`)).status).toBe(403);
    expect(
      (await call(sports, 'POST', `/applications/${applicationId}/reject`, { reasons: '不符合条件' })).status,
    ).toBe(403);
  });

  it('an application answers with what its caller may do with it now (actions): role, competence, 职责分离', async () => {
    const actionsOf = async (caller: typeof culture, path: string) =>
      (await call(caller, 'GET', path)).body.actions;
    const path = `/applications/${applicationId}`;
    expect(await actionsOf(culture, path)).toEqual([
      'approve',
      'reject',
      'return',
      'requestOpinion',
      'recordSiteVisit',
      'attachDocument',
    ]);
    expect(await actionsOf(operatorA, path)).toEqual(['attachDocument']);
    // The applicant's own account decides nothing on it, whatever other role it holds.
    expect(await actionsOf(operatorApprover, path)).toEqual(['attachDocument']);
    expect(await actionsOf(fireXH, path)).toEqual([]); // its opinion is given already
    const own = await call(culture, 'POST', '/applications', form('杭州西湖区丙艺术培训有限公司'));
    expect(await actionsOf(culture, `/applications/${own.body.applicationId}`)).toEqual(['attachDocument']);
  });

  it('the approver who filed an application cannot decide it alone (职责分离)', async () => {
    const own = await call(culture, 'POST', '/applications', form('杭州西湖区乙艺术培训有限公司'));
    expect(own.status).toBe(201);
    const approved = await call(culture, 'POST', `/applications/${own.body.applicationId}/approve`);
    expect(approved).toMatchObject({ status: 403, body: { errors: [{ field: 'filedBy' }] } });
    expect(
      (
        await call(culture, 'POST', `/applications/${own.body.applicationId}/reject`, {
          reasons: '不符合条件',
        })
      ).status,
    ).toBe(403);
    // An account of the applicant institution never decides it, whatever other role it holds.
    expect((await call(operatorApprover, 'POST', `/applications/${applicationId}/approve`)).status).toBe(403);
  });

  it('a license file and its requests are refused outside their scope; its filer never decides a change', async () => {
    await readyForApproval(service.port, culture, applicationId);
    const approved = await call(culture, 'POST', `/applications/${applicationId}/approve`);
    expect(approved.status).toBe(200);
    const licenseId = approved.body.licenseId as string;
    expect((await call(operatorA, 'GET', `/licenses/${licenseId}`)).status).toBe(200);
    for (const caller of outsiders) {
      expect([caller.userId, (await call(caller, 'GET', `/licenses/${licenseId}`)).status]).toEqual([
        caller.userId,
        404,
      ]);
      const licenses = await call(caller, 'GET', '/licenses');
      expect(licenses.body.items.map((l: { id: string }) => l.id)).not.toContain(licenseId);
    }

    const filed = await call(operatorApprover, 'POST', `/licenses/${licenseId}/requests`, {
      kind: 'change',
      changes: { address: '浙江省杭州市西湖区文二路8号' },
    });
    expect(filed.status).toBe(201);
    const requestId = filed.body.requestId as string;
    for (const caller of outsiders) {
      const requests = await call(caller, 'GET', '/license-requests');
      expect(JSON.stringify(requests.body)).not.toContain(requestId);
    }
    expect(
      (await call(operatorApprover, 'POST', `/license-requests/${requestId}/decision`, { approve: true }))
        .status,
    ).toBe(403);
    // Nor does it change its own license (suspend, renew …) as the approving authority.
    for (const [change, body] of [
      ['suspend', { reason: '自行暂停' }],
      ['renew', { validUntil: '2035-12-31' }],
    ] as const)
      expect((await call(operatorApprover, 'POST', `/licenses/${licenseId}/${change}`, body)).status).toBe(
        403,
      );
    // The answers offer the same: the approver decides, the operator files and requests.
    const licenseActions = async (caller: typeof culture) =>
      (await call(caller, 'GET', `/licenses/${licenseId}`)).body.actions;
    const operatorCommands = ['fileCourse', 'fileStaff', 'requestChange', 'requestClosure'];
    expect(await licenseActions(culture)).toEqual(['suspend', 'revoke', 'renew']);
    expect(await licenseActions(operatorA)).toEqual(operatorCommands);
    expect(await licenseActions(operatorApprover)).toEqual(operatorCommands);
    const listed = (await call(culture, 'GET', '/licenses')).body.items.find(
      (l: { id: string }) => l.id === licenseId,
    );
    expect(listed.actions).toEqual(['suspend', 'revoke', 'renew']);
    const requestActions = async (caller: typeof culture) =>
      (await call(caller, 'GET', '/license-requests')).body.items.find(
        (r: { id: string }) => r.id === requestId,
      )?.actions;
    expect(await requestActions(culture)).toEqual(['approve', 'reject']);
    expect(await requestActions(operatorApprover)).toEqual([]);
    expect(
      (await call(culture, 'POST', `/license-requests/${requestId}/decision`, { approve: true })).status,
    ).toBe(200);
    expect(await requestActions(culture)).toEqual([]);
  });
});
