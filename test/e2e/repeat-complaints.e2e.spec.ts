import { randomBytes, randomUUID } from 'node:crypto';
import { createEvent, LicenseIssued, SYSTEM_ACTOR } from '@otr/contracts';
import { KafkaTransport } from '@otr/messaging';
import { defaultRulebook } from '@otr/rules';
import {
  createTestDatabase,
  devHotlineKey,
  eventually,
  freePort,
  ServiceProcess,
  startServiceProcesses,
  TestDatabase,
  testEnv,
} from '@otr/testing';
import { seedGatewayUsers, signInAs } from './support/gateway-users';

const XH = 'CN-ZJ-HZ-XH';
const PARENTS = [
  { name: '周家长', phone: '13957100001' },
  { name: '吴家长', phone: '13957100002' },
  { name: '郑家长', phone: '13957100003' },
];

/**
 * The repeat flag across OS processes over Kafka: registration's LicenseIssued reaches complaints
 * and inspection; the rulebook's N complaints against the institution (from the portal and from
 * the 12345 hotline's GeoReport API, through the gateway) make the complaints service's sweep flag
 * it; inspection opens a visit to schedule naming those complaints. No complainant's name or phone
 * reaches an event or a log line on the way.
 */
describe('repeated complaints flag an institution and inspection opens a visit: complaints, inspection and the gateway over Kafka', () => {
  let db: TestDatabase;
  let processes: ServiceProcess[] = [];
  let complaints: ServiceProcess;
  let gateway: ServiceProcess;
  let kafka: KafkaTransport;
  const tokens: Record<string, string> = {};
  const institutionId = randomUUID();
  const licenseId = randomUUID();
  const name = `杭州西湖区${randomBytes(2).toString('hex')}学科培训学校`;

  beforeAll(async () => {
    db = await createTestDatabase('otr_e2e_complaints');
    await seedGatewayUsers(db.url);
    const common = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
      OTR_GROUP_PREFIX: `e2e-${randomBytes(4).toString('hex')}.`,
      OUTBOX_POLL_MS: '300',
    };
    const [c, i, g] = [await freePort(), await freePort(), await freePort()];
    processes = await startServiceProcesses([
      // Every log line the complaints service writes, to look for names and phones in them.
      {
        name: 'complaints',
        env: { ...common, PORT: String(c), COMPLAINTS_SLA_SWEEP_MS: '500', LOG_LEVEL: 'debug' },
      },
      { name: 'inspection', env: { ...common, PORT: String(i) } },
      {
        name: 'gateway',
        env: {
          ...common,
          PORT: String(g),
          COMPLAINTS_URL: `http://127.0.0.1:${c}`,
          INSPECTION_URL: `http://127.0.0.1:${i}`,
        },
      },
    ]);
    [complaints, , gateway] = processes;
    for (const user of ['approver.xihu', 'inspector.xihu']) tokens[user] = await signInAs(gateway.url, user);
    // Given: registration licensed the institution (its event on otr.registration).
    kafka = new KafkaTransport({ brokers: testEnv.kafkaBrokers, clientId: 'otr-e2e-complaints' });
    const licensed = createEvent(LicenseIssued, {
      aggregateId: licenseId,
      institutionId,
      actor: SYSTEM_ACTOR,
      correlationId: 'e2e-repeat-complaints',
      payload: {
        licenseId,
        licenseNumber: `教民XH2026${licenseId.slice(0, 5)}号`,
        institutionName: name,
        legalForm: 'for-profit',
        category: 'subject',
        scopes: ['offline'],
        district: XH,
        address: '浙江省杭州市西湖区文二路88号',
        validFrom: '2026-01-01',
        validUntil: '2029-12-31',
      },
    });
    await kafka.publish('otr.registration', [{ key: institutionId, value: JSON.stringify(licensed) }]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await kafka?.close();
    await db?.drop();
  }, 60_000);

  const until = <T>(probe: () => Promise<T | undefined>) => eventually(probe, 60_000, 300);
  const get = async <T>(as: string, path: string): Promise<T> => {
    const res = await fetch(`${gateway.url}${path}`, { headers: { authorization: `Bearer ${tokens[as]}` } });
    if (!res.ok) throw new Error(`${as} GET ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  /** A parent files on the portal; refused (422) until complaints has learnt of the institution. */
  const fromPortal = async (parent: (typeof PARENTS)[number], category: string) => {
    const res = await fetch(`${gateway.url}/api/complaints/public/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category,
        subject: { institutionId },
        description: '周末仍在开设学科类培训',
        contact: parent,
      }),
    });
    return res.status === 201 ? ((await res.json()) as { trackingNumber: string }).trackingNumber : undefined;
  };
  /** The 12345 hotline files a caller's work order through the gateway (GeoReport, form-encoded). */
  const fromHotline = async (parent: (typeof PARENTS)[number], category: string) => {
    const res = await fetch(`${gateway.url}/api/open311/v2/requests.json`, {
      method: 'POST',
      body: new URLSearchParams({
        api_key: devHotlineKey(),
        service_code: category,
        description: '来电反映：晚上九点后仍在上课',
        last_name: parent.name.slice(0, 1),
        first_name: parent.name.slice(1),
        phone: parent.phone,
        'attribute[institution_id]': institutionId,
      }),
    });
    const body = (await res.json()) as { service_request_id: string }[];
    if (res.status !== 201) throw new Error(`hotline → ${res.status} ${JSON.stringify(body)}`);
    return body[0].service_request_id;
  };

  it('flags the institution after the rulebook’s count of complaints, and inspection opens a visit naming them', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { count } = defaultRulebook().resolve('complaints.repeatFlag', {
      jurisdiction: XH,
      on: today,
    }).value;
    const categories = ['fees-refunds', 'teaching-content-times', 'safety'];
    const filed = [await until(() => fromPortal(PARENTS[0], categories[0]))];
    for (let n = 1; n < count; n++) {
      const parent = PARENTS[n % PARENTS.length];
      const category = categories[n % categories.length];
      filed.push(
        n === count - 1 ? await fromHotline(parent, category) : (await fromPortal(parent, category))!,
      );
    }

    const queue = await get<{ items: { id: string; trackingNumber: string }[] }>(
      'approver.xihu',
      '/api/complaints/complaints?pageSize=200',
    );
    const ids = filed.map((number) => queue.items.find((i) => i.trackingNumber === number)?.id);
    expect(ids.every(Boolean)).toBe(true);

    type Lead = {
      status: string;
      subject: { institutionId: string; name: string };
      trigger: { kind: string; complaintIds?: string[]; detail: string };
    };
    const lead = await until(async () => {
      const list = await get<{ items: Lead[] }>(
        'inspector.xihu',
        `/api/inspection/inspections?institutionId=${institutionId}&status=to-schedule`,
      );
      return list.items.find((i) => i.trigger.kind === 'repeat-complaints');
    });
    expect(lead.subject).toMatchObject({ institutionId, name });
    expect([...lead.trigger.complaintIds!].sort()).toEqual([...ids].sort());

    // No event on otr.complaints about the institution, and no log line, names a parent or their phone.
    const seen: string[] = [];
    const sub = await kafka.subscribe(
      { groupId: `e2e-collector-${randomBytes(4).toString('hex')}`, topics: ['otr.complaints'] },
      async (m) => void seen.push(m.value),
    );
    await until(async () =>
      seen.some((v) => v.includes('RepeatComplaintsFlagged') && v.includes(institutionId)) ? true : undefined,
    );
    await sub.stop();
    const mine = seen.filter((v) => v.includes(institutionId));
    expect(mine.length).toBeGreaterThanOrEqual(2 * count);
    for (const text of [...mine, complaints.output(), gateway.output()])
      for (const p of PARENTS) {
        expect(text).not.toContain(p.name);
        expect(text).not.toContain(p.phone);
      }
  }, 180_000);
});
