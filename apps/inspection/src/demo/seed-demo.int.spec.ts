import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Principal } from '@otr/auth';
import { InProcessTransport } from '@otr/messaging';
import { createLogger, RunningService, startService } from '@otr/runtime';
import { registrationService } from '@otr/registration';
import { createTestDatabase, freePort, readyForApproval, serviceClient, TestDatabase } from '@otr/testing';
import { inspectionService } from '../inspection.module';
import { seedInspectionDemo } from './seed-demo';

jest.setTimeout(120_000);

const XH = 'CN-ZJ-HZ-XH';
const approver: Principal = {
  userId: 'approver.xihu',
  name: '审批员',
  roles: ['approver'],
  department: 'education',
  jurisdiction: XH,
};
const culture: Principal = { ...approver, userId: 'approver.culture', department: 'culture-tourism' };

describe('the inspection demo seed', () => {
  let db: TestDatabase;
  let services: RunningService[];

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
  });
  afterAll(async () => {
    for (const s of services.reverse()) await s.stop();
    await db.drop();
  });

  it('waits for the licensed pool, seeds every kind of record once, and is idempotent', async () => {
    const log = createLogger('inspection-seed-test');
    await seedInspectionDemo(services[1].app, { log });
    await seedInspectionDemo(services[1].app, { log });
    const api = serviceClient(services[1].port);
    const count = async (path: string) => (await api(approver, 'GET', path)).body.total as number;
    const roster = (await api(approver, 'GET', '/roster')).body.items as {
      userId: string;
      department: string;
    }[];
    expect(roster.map((r) => r.userId)).toContain('inspector.xihu');
    expect(new Set(roster.map((r) => r.department))).toEqual(
      new Set(['education', 'market-regulation', 'fire', 'sports', 'culture-tourism', 'public-security']),
    );
    expect(await count('/annual-reports?status=graded')).toBe(4);
    expect(await count('/spot-checks')).toBe(1);
    expect(await count('/violations')).toBe(3);
    expect(await count('/penalties?status=proposed')).toBe(1);
    expect(await count('/blacklist?status=listed')).toBe(1);
    expect(await count('/joint-cases')).toBe(1);
    // Basic pass and fail grades order rectification, besides the inspector's own order.
    expect(await count('/rectifications?status=ordered')).toBe(3);
    const inspector: Principal = {
      userId: 'inspector.xihu',
      name: '检查员',
      roles: ['inspector'],
      department: 'education',
      jurisdiction: XH,
    };
    expect((await api(inspector, 'GET', '/inspections?assigned=me')).body.total).toBeGreaterThan(0);
  });
});
