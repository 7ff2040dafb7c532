import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { Principal } from '@otr/auth';
import { FixedClock } from '@otr/kernel';
import { ComplaintsHarness, official, startComplaints, XH } from './complaints.int-fixtures';

jest.setTimeout(60_000);

const INSTITUTION = '6f1c2a4e-7d0b-4c59-9a0e-3b7f5e2d1c11';
const OTHER = '6f1c2a4e-7d0b-4c59-9a0e-3b7f5e2d1c12';
const BJ = 'CN-ZJ-HZ-BJ';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8cfc0f01f0005000201e2ad8fa50000000049454e44ae426082',
  'hex',
);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const educationXihu = official('approver.xihu', 'education');
const educationBinjiang = official('approver.binjiang', 'education', BJ);
const viewerBinjiang = official('viewer.binjiang', undefined, BJ, ['viewer']);
const operator = (
  institutionId?: string,
  roles: Principal['roles'] = ['institution-operator'],
): Principal => ({
  userId: `operator.${institutionId ?? 'new'}`,
  name: '经办人',
  roles,
  jurisdiction: XH,
  ...(institutionId ? { institutionId } : {}),
});

describe('complaints: object-level access (IDOR) on the real PostgreSQL', () => {
  let h: ComplaintsHarness;
  let id: string;
  const clock = new FixedClock('2026-11-24T02:00:00Z');

  beforeAll(async () => {
    h = await startComplaints(clock, [
      { institutionId: INSTITUTION, licenseId: 'lic-10001', name: '杭州西湖区启明学科培训学校' },
      { institutionId: OTHER, licenseId: 'lic-10002', name: '杭州西湖区博雅艺术培训中心' },
    ]);
    const body = new FormData();
    body.set(
      'complaint',
      JSON.stringify({
        kind: 'complaint',
        category: 'teaching-content-times',
        subject: { licenseId: 'lic-10001' },
        description: '周末仍在上数学超前课',
        contact: { name: '王小明', phone: '13812341234' },
      }),
    );
    body.append('evidence', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png');
    const filed = await h.call(null, 'POST', '/public/complaints', body, { 'Idempotency-Key': randomUUID() });
    expect(filed.status).toBe(201);
    id = await h.idOf(filed.body.trackingNumber);
  });
  afterAll(() => h?.stop());

  it('the officials of its district read a complaint and its evidence', async () => {
    expect((await h.call(educationXihu, 'GET', `/complaints/${id}`)).status).toBe(200);
    expect((await h.download(educationXihu, `/complaints/${id}/evidence/${sha(PNG)}`)).status).toBe(200);
  });

  it('another district, another institution and an unlinked operator get nothing of it', async () => {
    for (const caller of [educationBinjiang, viewerBinjiang, operator(OTHER), operator()]) {
      const read = await h.call(caller, 'GET', `/complaints/${id}`);
      expect([caller.userId, read.status]).toEqual([caller.userId, 403]);
      expect((await h.download(caller, `/complaints/${id}/evidence/${sha(PNG)}`)).status).toBe(403);
      const queue = await h.call(caller, 'GET', '/complaints');
      expect(JSON.stringify(queue.body)).not.toContain(id);
    }
  });

  it('the institution complained about reads its own view, never the evidence, even holding an official role', async () => {
    const own = await h.call(operator(INSTITUTION), 'GET', `/complaints/${id}`);
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('evidence');
    const both = operator(INSTITUTION, ['institution-operator', 'approver']);
    expect((await h.call(both, 'GET', `/complaints/${id}`)).body).not.toHaveProperty('evidence');
    expect((await h.download(both, `/complaints/${id}/evidence/${sha(PNG)}`)).status).toBe(403);
  });
});
