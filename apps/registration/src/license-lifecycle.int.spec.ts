import { Principal, PRINCIPAL_HEADER, signPrincipal } from '@otr/auth';
import { InProcessTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, eventually, freePort, readyForApproval, TestDatabase } from '@otr/testing';
import { directoryService } from '@otr/directory';
import { registrationService } from './registration.module';

jest.setTimeout(60_000);

const approver: Principal = {
  userId: 'u',
  name: '审批员',
  roles: ['approver'],
  department: 'science',
  jurisdiction: 'CN-ZJ-HZ-XH',
};
const otherDepartment: Principal = { ...approver, department: 'sports' };
/** Files on the applicant's behalf (代办); 职责分离 leaves the decisions to `approver`. */
const intake: Principal = { ...approver, userId: 'u-intake' };

describe('license lifecycle reaching the public directory (embedded transport)', () => {
  let db: TestDatabase;
  let services: RunningService[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const transport = new InProcessTransport();
    services = [
      await startService(registrationService, { databaseUrl: db.url, transport, port: await freePort() }),
      await startService(directoryService, { databaseUrl: db.url, transport, port: await freePort() }),
    ];
  });
  afterAll(async () => {
    for (const s of services) await s.stop();
    await db.drop();
  });

  const call = async (as: Principal, method: string, path: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${services[0].port}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        [PRINCIPAL_HEADER]: await signPrincipal(as, 'registration'),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const publicStatus = async (name: string) => {
    const res = await fetch(
      `http://127.0.0.1:${services[1].port}/public/institutions?q=${encodeURIComponent(name)}`,
    );
    return ((await res.json()) as { items: { licenseStatus: string }[] }).items[0]?.licenseStatus;
  };

  it('suspends, reinstates and revokes a license, and the public page follows each step', async () => {
    const name = '杭州西湖区睿思机器人科技培训有限公司';
    const { body } = await call(intake, 'POST', '/applications', {
      institutionName: name,
      legalForm: 'for-profit',
      category: 'science-tech',
      scopes: ['offline'],
      district: 'CN-ZJ-HZ-XH',
      address: '浙江省杭州市西湖区文一西路9号',
      venue: { area: 120, maxClassSize: 20, fireSafetyAccepted: true },
      legalRepresentative: '周涛',
      ageGroups: ['primary'],
    });
    await readyForApproval(services[0].port, approver, body.applicationId);
    const { body: license } = await call(approver, 'POST', `/applications/${body.applicationId}/approve`);
    await eventually(async () => ((await publicStatus(name)) === 'active' ? true : undefined), 5000);

    expect(
      (await call(otherDepartment, 'POST', `/licenses/${license.licenseId}/suspend`, { reason: '违规收费' }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(approver, 'POST', `/licenses/${license.licenseId}/suspend`, {
          reason: '违规收费',
          decision: '西教罚〔2026〕3号',
        })
      ).status,
    ).toBe(200);
    await eventually(async () => ((await publicStatus(name)) === 'suspended' ? true : undefined), 5000);
    expect(
      (await call(approver, 'POST', `/licenses/${license.licenseId}/reinstate`, { reason: '整改完成' }))
        .status,
    ).toBe(200);
    await eventually(async () => ((await publicStatus(name)) === 'active' ? true : undefined), 5000);
    expect(
      (
        await call(approver, 'POST', `/licenses/${license.licenseId}/revoke`, {
          reason: '连续三年年检不合格',
        })
      ).status,
    ).toBe(200);
    await eventually(async () => ((await publicStatus(name)) === 'revoked' ? true : undefined), 5000);
    expect(
      (await call(approver, 'POST', `/licenses/${license.licenseId}/reinstate`, { reason: '申请恢复' }))
        .status,
    ).toBe(409);
  });
});
