import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Principal, PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, readyForApproval, serviceClient, TestDatabase } from '@otr/testing';
import { registrationService } from './registration.module';

jest.setTimeout(60_000);

const sports: Principal = {
  userId: 'approver.sports',
  name: '体育局审批员',
  roles: ['approver'],
  department: 'sports',
  jurisdiction: 'CN-ZJ-HZ-XH',
};
const operator: Principal = {
  userId: 'operator.swim',
  name: '举办者',
  roles: ['institution-operator'],
  jurisdiction: 'CN-ZJ-HZ-XH',
  institutionId: '7b0c3a52-4c57-4a57-9c0f-2a6f4b1d9e01',
};
const form = (name: string) => ({
  institutionName: name,
  legalForm: 'for-profit',
  category: 'sports',
  scopes: ['offline'],
  district: 'CN-ZJ-HZ-XH',
  address: '浙江省杭州市西湖区古墩路88号',
  venue: { area: 200, maxClassSize: 20, fireSafetyAccepted: true },
  legalRepresentative: '邵勇',
  ageGroups: ['primary'],
});
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const upload = (kind: string, bytes: Buffer, type: string, filename: string) => {
  const body = new FormData();
  body.set('kind', kind);
  body.set('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  return body;
};

describe('application materials and the site visit', () => {
  let db: TestDatabase;
  let service: RunningService;
  let call: ReturnType<typeof serviceClient>;

  beforeAll(async () => {
    process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), 'otr-blobs-'));
    db = await createTestDatabase();
    service = await startService(registrationService, {
      databaseUrl: db.url,
      transport: new InProcessTransport(),
      port: await freePort(),
    });
    call = serviceClient(service.port);
  });
  afterAll(async () => {
    await service.stop();
    await db.drop();
  });

  it('files a document by its hash; the approver downloads the same bytes; another institution cannot', async () => {
    const { body } = await call(
      operator,
      'POST',
      '/applications',
      form('杭州西湖区浪花游泳体育培训有限公司'),
    );
    const id = body.applicationId as string;
    const attached = await call(
      operator,
      'POST',
      `/applications/${id}/documents`,
      upload('venue-lease', pdf, 'application/pdf', '租赁合同.pdf'),
    );
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({
      kind: 'venue-lease',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    expect((await call(sports, 'GET', `/applications/${id}`)).body.documents).toHaveLength(1);
    const download = await fetch(
      `http://127.0.0.1:${service.port}/applications/${id}/documents/${attached.body.sha256}`,
      {
        headers: { [PRINCIPAL_HEADER]: await signPrincipal(sports, 'registration') },
      },
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    const stranger = { ...operator, institutionId: '00000000-0000-4000-8000-000000000001' };
    expect(
      (
        await call(
          stranger,
          'POST',
          `/applications/${id}/documents`,
          upload('other', pdf, 'application/pdf', 'x.pdf'),
        )
      ).status,
    ).toBe(403);
  });

  it('refuses a file whose bytes contradict its declared type, and a missing kind, naming the field', async () => {
    const { body } = await call(
      operator,
      'POST',
      '/applications',
      form('杭州西湖区飞鱼游泳体育培训有限公司'),
    );
    const id = body.applicationId as string;
    const fake = await call(
      operator,
      'POST',
      `/applications/${id}/documents`,
      upload('venue-lease', Buffer.from('not a png'), 'image/png', 'x.png'),
    );
    expect(fake.status).toBe(422);
    expect(fake.body).toMatchObject({ errors: [{ field: 'file' }] });
    const noKind = new FormData();
    noKind.set('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'x.pdf');
    const refused = await call(operator, 'POST', `/applications/${id}/documents`, noKind);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('kind');
  });

  it('a site visit finding the venue wanting blocks approval until a later visit finds it conforming', async () => {
    const { body } = await call(
      operator,
      'POST',
      '/applications',
      form('杭州西湖区蓝海游泳体育培训有限公司'),
    );
    const id = body.applicationId as string;
    const visit = (conforms: boolean, findings: string) =>
      call(sports, 'POST', `/applications/${id}/site-visits`, {
        visitedOn: '2026-11-27',
        conforms,
        findings,
      });
    expect((await visit(false, '')).status).toBe(422);
    expect((await visit(false, '泳池救生员配备不足')).status).toBe(200);
    const blocked = await call(sports, 'POST', `/applications/${id}/approve`);
    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ errors: [{ field: 'siteVisits' }] });
    expect((await visit(true, '已整改，配备两名持证救生员')).status).toBe(200);
    await readyForApproval(service.port, sports, id);
    expect((await call(sports, 'POST', `/applications/${id}/approve`)).status).toBe(200);
  });
});
