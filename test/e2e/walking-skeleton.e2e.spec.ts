import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, eventually, ServiceProcess, TestDatabase, testEnv } from '@otr/testing';
import { seedGatewayUsers, signInAs, startSkeletonProcesses } from './support/gateway-users';
import { readyForApproval } from './support/licensing';

const root = join(__dirname, '..', '..');

const portOpen = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port }, () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
const kafka = (script: 'start' | 'stop') =>
  execFileSync('bash', [join(root, 'infra', 'kafka', `${script}.sh`)], { stdio: 'ignore' });

/** Two rare characters, so a two-character search finds this run's institution among any others. */
const fragment = () => {
  const pool = '琥珀翡翠玳瑁麒麟鹦鹉蜻蜓琵琶葫芦蝴蝶珊瑚鸳鸯';
  const i = randomBytes(1)[0] % (pool.length / 2);
  return pool.slice(i * 2, i * 2 + 2);
};

const form = (name: string) => ({
  institutionName: name,
  legalForm: 'for-profit',
  category: 'arts',
  scopes: ['offline'],
  district: 'CN-ZJ-HZ-XH',
  address: '浙江省杭州市西湖区文三路100号',
  venue: { area: 300, maxClassSize: 20, fireSafetyAccepted: true },
  legalRepresentative: '王芳',
  ageGroups: ['primary'],
});

describe('walking skeleton: gateway, registration and directory as separate processes over Kafka', () => {
  let db: TestDatabase;
  let services: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let token: string;
  /** Files on the applicant's behalf (代办); 职责分离 leaves the decision to approver.culture. */
  let intakeToken: string;

  beforeAll(async () => {
    db = await createTestDatabase('otr_e2e');
    await seedGatewayUsers(db.url);
    const common = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
      OTR_GROUP_PREFIX: `e2e-${randomBytes(4).toString('hex')}.`,
      OUTBOX_POLL_MS: '500',
    };
    services = await startSkeletonProcesses(common);
    gateway = services[2];
    token = await signInAs(gateway.url, 'approver.culture');
    intakeToken = await signInAs(gateway.url, 'approver.xihu');
  }, 120_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await db?.drop();
  }, 60_000);

  const api = async (method: string, path: string, body?: unknown, as = token) => {
    const res = await fetch(`${gateway.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${as}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  const licenseAndApprove = async (name: string) => {
    const { applicationId } = await api('POST', '/api/registration/applications', form(name), intakeToken);
    await readyForApproval(gateway.url, token, applicationId);
    return api('POST', `/api/registration/applications/${applicationId}/approve`);
  };

  const searchHits = async (q: string, name: string): Promise<number> => {
    // Fresh, past the gateway's shared cache: the test waits for the directory itself.
    const res = await fetch(`${gateway.url}/api/public/institutions?q=${encodeURIComponent(q)}&pageSize=100`, {
      headers: { 'cache-control': 'no-cache' },
    });
    const body = (await res.json()) as { items: { name: string }[] };
    return body.items.filter((i) => i.name === name).length;
  };

  // How fast is measured by bench/approve-to-searchable.ts, not asserted here.
  it('approves a license over HTTP and finds it by a two-character fragment', async () => {
    const q = fragment();
    const name = `杭州${q}${randomBytes(2).toString('hex')}美术培训有限公司`;
    await licenseAndApprove(name);
    await eventually(async () => ((await searchHits(q, name)) === 1 ? true : undefined), 20_000);
  }, 60_000);

  it('keeps an approval made while the broker is down, and delivers it once when the broker is back', async () => {
    const q = fragment();
    const name = `杭州${q}${randomBytes(2).toString('hex')}书法培训有限公司`;
    kafka('stop');
    const [host, port] = testEnv.kafkaBrokers[0].split(':');
    if (await portOpen(host, Number(port))) {
      kafka('start');
      throw new Error(
        `a broker this checkout did not start answers on ${host}:${port}; stop it so the test can take it down`,
      );
    }
    try {
      const license = await licenseAndApprove(name);
      expect(license.licenseNumber).toMatch(/^教民/);
      expect(await searchHits(q, name)).toBe(0);
    } finally {
      kafka('start');
    }
    await eventually(async () => ((await searchHits(q, name)) === 1 ? true : undefined), 90_000, 500);
    // Nothing doubled: give redeliveries time to arrive, then count again.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await searchHits(q, name)).toBe(1);
  }, 180_000);
});
