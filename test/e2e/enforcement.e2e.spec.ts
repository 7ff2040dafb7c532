import { createHash, randomBytes } from 'node:crypto';
import {
  createTestDatabase,
  eventually,
  freePort,
  ServiceProcess,
  startServiceProcesses,
  TestDatabase,
  testEnv,
} from '@otr/testing';
import { seedGatewayUsers, signInAs } from './support/gateway-users';
import { readyForApproval } from './support/licensing';

/** A tiny but real JPEG (SOI, APP0 JFIF, EOI): evidence is checked against its magic bytes. */
/** Asks past the gateway's shared cache of public answers: the test waits for the directory itself. */
const FRESH = { headers: { 'cache-control': 'no-cache' } };
const photo = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

/**
 * Licensing to enforcement across five OS processes over Kafka: an approval reaches the public
 * directory and opens the supervised account; inspection's decided revocation (proposed by one
 * official, decided by another) revokes the license in registration, and fee supervision stops
 * the institution enrolling.
 */
describe('from license to revocation: registration, directory, inspection and fee supervision over Kafka', () => {
  let db: TestDatabase;
  let processes: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('otr_e2e_enforcement');
    await seedGatewayUsers(db.url);
    const common = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
      OTR_GROUP_PREFIX: `e2e-${randomBytes(4).toString('hex')}.`,
      OUTBOX_POLL_MS: '300',
      FEES_SCHEDULER: 'off',
      REGISTRATION_UPKEEP_MS: '0',
    };
    const names = ['registration', 'directory', 'inspection', 'fee-supervision'] as const;
    const ports = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await freePort()])));
    const urls = Object.fromEntries(
      names.map((n) => [`${n.toUpperCase().replace(/-/g, '_')}_URL`, `http://127.0.0.1:${ports[n]}`]),
    );
    processes = await startServiceProcesses([
      ...names.map((name) => ({ name, env: { ...common, PORT: String(ports[name]) } })),
      { name: 'gateway', env: { ...common, ...urls, PORT: String(await freePort()) } },
    ]);
    gateway = processes[processes.length - 1];
    for (const user of ['approver.culture', 'approver.xihu', 'inspector.xihu', 'fund.supervisor']) {
      tokens[user] = await signInAs(gateway.url, user);
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await db?.drop();
  }, 60_000);

  const api = async (as: string, method: string, path: string, body?: unknown, type = 'application/json') => {
    const res = await fetch(`${gateway.url}${path}`, {
      method,
      headers: { 'content-type': type, authorization: `Bearer ${tokens[as]}` },
      body:
        body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${as} ${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const until = <T>(probe: () => Promise<T | undefined>) => eventually(probe, 30_000, 300);

  it('revokes through inspection and stops enrolment in fee supervision', async () => {
    const name = `杭州西湖区${randomBytes(2).toString('hex')}陶艺艺术培训有限公司`;
    // Filed on the applicant's behalf by approver.xihu (代办): 职责分离 leaves the decision to approver.culture.
    const { applicationId, institutionId } = await api(
      'approver.xihu',
      'POST',
      '/api/registration/applications',
      {
        institutionName: name,
        legalForm: 'for-profit',
        category: 'arts',
        scopes: ['offline'],
        district: 'CN-ZJ-HZ-XH',
        address: '浙江省杭州市西湖区天目山路160号',
        venue: { area: 200, maxClassSize: 20, fireSafetyAccepted: true },
        legalRepresentative: '范宁',
        ageGroups: ['primary'],
        courses: [
          {
            name: '少儿陶艺',
            subject: '陶艺',
            mode: 'offline',
            gradeLevels: ['primary'],
            outline: '泥条盘筑、拉坯与釉色，每周一次。',
            totalHours: 24,
            lessonMinutes: 60,
            maxClassSize: 12,
            priceFen: 360000,
          },
        ],
      },
    );
    await readyForApproval(gateway.url, tokens['approver.culture'], applicationId);
    const { licenseId } = await api(
      'approver.culture',
      'POST',
      `/api/registration/applications/${applicationId}/approve`,
    );

    // The approval reaches the public directory (asked past the gateway's shared cache) and opens the supervised account.
    await until(async () => {
      const res = await fetch(`${gateway.url}/api/public/institutions/${institutionId}`, FRESH);
      return res.ok ? true : undefined;
    });
    const account = await until(async () => {
      const res = await fetch(`${gateway.url}/api/fee-supervision/accounts/${institutionId}`, {
        headers: { authorization: `Bearer ${tokens['fund.supervisor']}` },
      });
      return res.ok ? ((await res.json()) as { license: string; enrollingStopped: boolean }) : undefined;
    });
    expect(account).toMatchObject({ license: 'active', enrollingStopped: false });

    // An inspector logs a violation with checksummed evidence and proposes revocation; another official decides.
    const stored = await until(async () => {
      try {
        return await api('inspector.xihu', 'POST', '/api/inspection/evidence', photo, 'image/jpeg');
      } catch {
        return undefined; // the inspection pool learns of the license through Kafka
      }
    });
    expect(stored.sha256).toBe(createHash('sha256').update(photo).digest('hex'));
    const violation = await until(async () => {
      try {
        return await api('inspector.xihu', 'POST', '/api/inspection/violations', {
          institutionId,
          code: 'overcrowding',
          severity: 'serious',
          description: '教室核定20人，现场56人上课',
          evidence: [
            {
              sha256: stored.sha256,
              contentType: 'image/jpeg',
              takenAt: new Date().toISOString(),
              place: { address: '浙江省杭州市西湖区天目山路160号' },
            },
          ],
        });
      } catch {
        return undefined;
      }
    });
    const proposal = await api('inspector.xihu', 'POST', '/api/inspection/penalties', {
      violationIds: [violation.id],
      type: 'revoke-license',
      reasons: '严重超员，拒不整改',
    });
    await api('approver.xihu', 'POST', `/api/inspection/penalties/${proposal.id}/decide`);

    // Registration revokes the license; the directory and fee supervision follow.
    await until(async () => {
      const res = await fetch(`${gateway.url}/api/public/institutions/${institutionId}`, FRESH);
      const page = (await res.json()) as { license?: { status?: string }; licenseStatus?: string };
      return (page.license?.status ?? page.licenseStatus) === 'revoked' ? true : undefined;
    });
    const frozen = await until(async () => {
      const res = await fetch(`${gateway.url}/api/fee-supervision/accounts/${institutionId}`, {
        headers: { authorization: `Bearer ${tokens['fund.supervisor']}` },
      });
      const body = (await res.json()) as { license: string; enrollingStopped: boolean };
      return body.license === 'revoked' ? body : undefined;
    });
    expect(frozen.license).toBe('revoked');
    expect(licenseId).toBeTruthy();
  }, 180_000);
});
