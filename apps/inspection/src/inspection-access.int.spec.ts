import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Principal } from '@otr/auth';
import { InProcessTransport } from '@otr/messaging';
import { createLogger, RunningService, startService } from '@otr/runtime';
import { registrationService } from '@otr/registration';
import { createBlobStore } from '@otr/storage';
import { createTestDatabase, freePort, readyForApproval, serviceClient, TestDatabase } from '@otr/testing';
import { inspectionService } from './inspection.module';
import { seedInspectionDemo } from './demo/seed-demo';

jest.setTimeout(180_000);

const XH = 'CN-ZJ-HZ-XH';
const BJ = 'CN-ZJ-HZ-BJ';
const person = (
  userId: string,
  roles: Principal['roles'],
  jurisdiction: string,
  extra: Partial<Principal> = {},
) => ({ userId, name: userId, roles, jurisdiction, department: 'education', ...extra }) as Principal;

const xihu = person('inspector.xihu', ['inspector'], XH);
const binjiang = person('inspector.binjiang', ['inspector'], BJ);
const binjiangApprover = person('approver.binjiang', ['approver'], BJ);
const binjiangPlanner = person('planner.binjiang', ['spot-check-planner'], BJ);
const culture = person('approver.culture', ['approver'], XH, { department: 'culture-tourism' });
const operatorOf = (institutionId: string) =>
  person(`operator-${institutionId}`, ['institution-operator'], XH, { institutionId, department: undefined });
const unlinkedOperator = person('operator.new', ['institution-operator'], XH, { department: undefined });

/** The smallest JPEG the storage's magic-byte check accepts, with a marker so its hash is its own. */
const jpeg = (marker: number) =>
  Buffer.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0,
    0x10,
    0x4a,
    0x46,
    0x49,
    0x46,
    0,
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    marker,
    0xff,
    0xd9,
  ]);

describe('inspection: object-level access (IDOR) on the real PostgreSQL', () => {
  let db: TestDatabase;
  let services: RunningService[];
  let api: ReturnType<typeof serviceClient>;

  beforeAll(async () => {
    process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), 'otr-evidence-'));
    db = await createTestDatabase();
    const transport = new InProcessTransport();
    services = [
      await startService(registrationService, { databaseUrl: db.url, transport, port: await freePort() }),
      await startService(inspectionService, { databaseUrl: db.url, transport, port: await freePort() }),
    ];
    const registration = serviceClient(services[0].port);
    for (let i = 0; i < 9; i++) {
      // Filed by another user (代办): 职责分离 keeps the filer from deciding.
      const { body } = await registration({ ...culture, userId: 'intake' }, 'POST', '/applications', {
        institutionName: `杭州西湖区第${i + 1}号美术培训有限公司`,
        legalForm: 'for-profit',
        category: 'arts',
        scopes: ['offline'],
        district: XH,
        address: `浙江省杭州市西湖区教工路${i + 1}号`,
        venue: { area: 300, maxClassSize: 20, fireSafetyAccepted: true },
        legalRepresentative: '陈静',
        ageGroups: ['primary'],
      });
      await readyForApproval(services[0].port, culture, body.applicationId);
      await registration(culture, 'POST', `/applications/${body.applicationId}/approve`);
    }
    await seedInspectionDemo(services[1].app, { log: createLogger('inspection-access-test') });
    api = serviceClient(services[1].port);
  });
  afterAll(async () => {
    for (const s of services.reverse()) await s.stop();
    await db.drop();
  });

  const first = async (path: string) => {
    const { body } = await api(
      person('approver.city', ['approver'], 'CN-ZJ-HZ'),
      'GET',
      `${path}?pageSize=1`,
    );
    expect(body.total).toBeGreaterThan(0);
    return body.items[0] as { id: string; subject?: { institutionId: string } };
  };

  const kinds = [
    'annual-reports',
    'inspections',
    'violations',
    'rectifications',
    'penalties',
    'blacklist',
    'spot-checks',
    'joint-cases',
  ];

  it.each(kinds)('a 西湖区 %s is refused to officials of 滨江区 and to another institution', async (path) => {
    const record = await first(`/${path}`);
    expect((await api(xihu, 'GET', `/${path}/${record.id}`)).status).toBe(200);
    for (const caller of [binjiang, binjiangApprover, binjiangPlanner])
      expect([403, 404]).toContain((await api(caller, 'GET', `/${path}/${record.id}`)).status);
    const other = operatorOf('00000000-0000-4000-8000-00000000beef');
    for (const caller of [other, unlinkedOperator])
      expect([403, 404]).toContain((await api(caller, 'GET', `/${path}/${record.id}`)).status);
    // …and not in their lists either.
    const listed = await api(binjiang, 'GET', `/${path}`);
    expect(listed.body.items.map((r: { id: string }) => r.id)).not.toContain(record.id);
  });

  it.each(['violations', 'penalties', 'inspections'])(
    'pages %s by keyset: nextCursor continues where a page ended, null on the last',
    async (path) => {
      const city = person('approver.city', ['approver'], 'CN-ZJ-HZ');
      const all = (await api(city, 'GET', `/${path}?pageSize=200`)).body as {
        items: { id: string }[];
        total: number;
        nextCursor: string | null;
      };
      expect(all.total).toBeGreaterThan(1);
      expect(all.nextCursor).toBeNull();
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const { status, body } = await api(
          city,
          'GET',
          `/${path}?pageSize=1${after ? `&after=${after}` : ''}`,
        );
        expect(status).toBe(200);
        expect(body.total).toBe(all.total);
        seen.push(...body.items.map((r: { id: string }) => r.id));
        after = body.nextCursor;
        expect(seen.length).toBeLessThanOrEqual(all.total);
      } while (after);
      // Every record once, in the order of the paged list.
      expect(seen).toEqual(all.items.map((r) => r.id));
      expect((await api(city, 'GET', `/${path}?after=not-a-cursor`)).status).toBe(400);
    },
  );

  it('serves an evidence file only to those who may read a record citing it', async () => {
    const { body } = await api(xihu, 'GET', '/violations?pageSize=50');
    const cited = (
      body.items as { subject: { institutionId: string }; evidence: { sha256: string }[] }[]
    ).find((v) => v.evidence.length > 0)!;
    const sha = cited.evidence[0].sha256;
    expect((await api(xihu, 'GET', `/evidence/${sha}`)).status).toBe(200);
    expect((await api(operatorOf(cited.subject.institutionId), 'GET', `/evidence/${sha}`)).status).toBe(200);
    expect((await api(binjiang, 'GET', `/evidence/${sha}`)).status).toBe(404);
    expect(
      (await api(operatorOf('00000000-0000-4000-8000-00000000beef'), 'GET', `/evidence/${sha}`)).status,
    ).toBe(404);
    expect((await api(unlinkedOperator, 'GET', `/evidence/${sha}`)).status).toBe(404);
  });

  it('never serves by hash a file no inspection record cites (a complaint photo, an application document)', async () => {
    // Another service's file in the shared store: its own routes check its own record.
    const stored = await createBlobStore().put(jpeg(7), {
      contentType: 'image/jpeg',
      filename: 'complaint.jpg',
    });
    for (const caller of [xihu, person('approver.city', ['approver'], 'CN-ZJ-HZ'), culture])
      expect((await api(caller, 'GET', `/evidence/${stored.sha256}`)).status).toBe(404);
  });

  it('an account acting for an institution takes no official action, whatever official role it also holds', async () => {
    const { body } = await api(xihu, 'GET', '/pool');
    const [own, competitor] = body.items as { institutionId: string }[];
    const both = person('operator.inspector', ['institution-operator', 'inspector'], XH, {
      institutionId: own.institutionId,
    });
    const photo = await createBlobStore().put(jpeg(9), { contentType: 'image/jpeg', filename: 'site.jpg' });
    const violation = {
      institutionId: competitor.institutionId,
      code: 'fire-hazard',
      severity: 'serious',
      description: '安全出口堵塞',
      evidence: [
        {
          sha256: photo.sha256,
          contentType: 'image/jpeg',
          takenAt: new Date().toISOString(),
          place: { address: '现场' },
        },
      ],
    };
    expect((await api(both, 'POST', '/violations', violation)).status).toBe(403);
    expect((await api(both, 'GET', '/penalties')).status).toBe(403);
    // As the operator it still reads its own institution's records.
    expect((await api(both, 'GET', '/rectifications')).status).toBe(200);
  });

  it("an official does not take over another jurisdiction's roster entry", async () => {
    const entry = { name: '西湖区执法检查员', department: 'education', jurisdiction: BJ, conflicts: [] };
    expect((await api(binjiangPlanner, 'PUT', '/roster/inspector.xihu', entry)).status).toBe(403);
    const roster = (await api(xihu, 'GET', '/roster')).body as { items: { userId: string }[]; total: number };
    expect(roster.items.map((r) => r.userId)).toContain('inspector.xihu');
    expect(roster.total).toBe(roster.items.length);
    expect((await api(binjiangPlanner, 'PUT', '/roster/inspector.new.bj', entry)).status).toBe(200);
  });

  it('replays a spot-check draw only for officials over its jurisdiction', async () => {
    const draw = await first('/spot-checks');
    expect((await api(xihu, 'GET', `/spot-checks/${draw.id}/replay`)).body.matches).toBe(true);
    expect((await api(binjiang, 'GET', `/spot-checks/${draw.id}/replay`)).status).toBe(403);
    expect((await api(binjiangPlanner, 'GET', `/spot-checks/${draw.id}/replay`)).status).toBe(403);
  });

  it("reads an institution's fee ledger in the fine helper only over its district", async () => {
    const { body } = await api(xihu, 'GET', '/pool');
    const { licenseId } = body.items[0] as { licenseId: string };
    const ask = { basis: { kind: 'unlicensed-operation' }, licenseId, declaredIllegalIncomeFen: 1 };
    expect((await api(xihu, 'POST', '/penalties/fine-range', ask)).status).toBe(200);
    expect((await api(binjiang, 'POST', '/penalties/fine-range', ask)).status).toBe(403);
    expect((await api(binjiangApprover, 'POST', '/penalties/fine-range', ask)).status).toBe(403);
    expect(
      (
        await api(xihu, 'POST', '/penalties/fine-range', {
          ...ask,
          licenseId: '00000000-0000-4000-8000-000000000000',
        })
      ).status,
    ).toBe(404);
  });
});
