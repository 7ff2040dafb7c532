import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import {
  ComplaintFiled,
  ContractRegistry,
  contracts,
  createEvent,
  Envelope,
  FundsReleased,
  LicenseIssued,
  PenaltyDecided,
  Topics,
} from '@otr/contracts';
import { createTestDatabase, eventually, pgTransaction, TestDatabase, testEnv } from '@otr/testing';
import { InboxConsumer } from './consumer';
import { KafkaTransport } from './kafka-transport';
import { Outbox } from './outbox';
import { OutboxRelay } from './relay';

jest.setTimeout(120_000);

/** A raw message as a non-TypeScript consumer reads it, with its real topic's name. */
interface RawMessage {
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  value: string;
}

// The validator of the consumer guide (docs/integration.md): Python's jsonschema over the committed files.
const CONTRACT_DIR = join(__dirname, '..', '..', 'contracts');
function pythonErrors(messages: RawMessage[]): string[][] {
  const run = spawnSync(
    process.env.PYTHON ?? 'python3',
    [join(CONTRACT_DIR, 'examples', 'validate_events.py'), CONTRACT_DIR],
    { input: messages.map((m) => JSON.stringify(m)).join('\n'), encoding: 'utf8' },
  );
  if (run.status !== 0)
    throw new Error(
      `the Python validator failed (python3 with jsonschema, Debian's python3-jsonschema): ${run.error ?? run.stderr}`,
    );
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { errors: string[] }).errors);
}

const origin = {
  actor: { userId: 'u-approver', role: 'approver', department: 'education' },
  correlationId: 'corr-16',
};
const institutionId = randomUUID();

/** One real event per context, optional fields included, built as the services build them. */
const realEvents = (): Envelope[] => [
  createEvent(LicenseIssued, {
    aggregateId: 'lic-1',
    institutionId,
    ...origin,
    causationId: randomUUID(),
    payload: {
      licenseId: 'lic-1',
      licenseNumber: '教民133010610000012号',
      institutionName: '杭州启明美术培训学校',
      legalForm: 'non-profit',
      category: 'arts',
      scopes: ['offline'],
      district: '330106',
      address: '西湖区文三路 1 号',
      location: { lat: 30.27, lng: 120.15 },
      validFrom: '2026-12-01',
      validUntil: '2029-11-30',
    },
  }),
  createEvent(PenaltyDecided, {
    aggregateId: 'pen-1',
    institutionId,
    ...origin,
    payload: {
      penaltyId: 'pen-1',
      decisionNumber: '西教罚〔2026〕3号',
      licenseId: 'lic-1',
      subjectName: '杭州启明美术培训学校',
      penaltyType: 'fine',
      legalBasis: '教育部令第53号 第十九条',
      fineFen: 500_000,
      licenseAction: 'none',
      reasons: 'prepaid fees beyond three months',
      decidedOn: '2026-12-05',
    },
  }),
  createEvent(FundsReleased, {
    aggregateId: 'order-1',
    institutionId,
    actor: { userId: 'system', role: 'system' },
    correlationId: 'corr-16-fees',
    payload: {
      orderId: 'order-1',
      licenseId: 'lic-1',
      lessonId: 'lesson-1',
      amountFen: 12_000,
      releasedOn: '2026-12-06',
    },
  }),
  createEvent(ComplaintFiled, {
    aggregateId: 'cmp-1',
    institutionId,
    actor: { userId: 'public' },
    correlationId: 'corr-16-complaint',
    payload: {
      complaintId: 'cmp-1',
      trackingNumber: 'TS20261207000001',
      kind: 'complaint',
      category: 'refund',
      channel: 'portal',
      subject: { kind: 'licensed', licenseId: 'lic-1', name: '杭州启明美术培训学校', district: '330106' },
      anonymous: false,
      answerBy: '2026-12-14',
    },
  }),
];

describe('the published event contract, read off the real broker', () => {
  let db: TestDatabase;
  let pool: Pool;
  let transport: KafkaTransport;
  const suffix = randomBytes(4).toString('hex');
  // The real contracts on topics of this test's own, so no other test reads what it publishes.
  const testTopic = (topic: string) => `${topic}.contract-${suffix}`;
  const realTopic = new Map(Object.values(Topics).map((t) => [testTopic(t), t]));
  const registry = new ContractRegistry(contracts.all().map((d) => ({ ...d, topic: testTopic(d.topic) })));

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    transport = new KafkaTransport({ brokers: testEnv.kafkaBrokers, clientId: 'otr-contract-test' });
    const admin = transport.kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [...realTopic.keys()]
        .flatMap((t) => [t, `${t}.dlq`])
        .map((topic) => ({ topic, numPartitions: 3 })),
    });
    await admin.disconnect();
  });
  afterAll(async () => {
    await transport.close();
    await pool.end();
    await db.drop();
  });

  /** Reads raw messages with a plain kafkajs consumer, as any client of the broker would. */
  async function readRaw(topics: string[], count: number): Promise<RawMessage[]> {
    const kafka = new Kafka({
      clientId: 'otr-raw-reader',
      brokers: testEnv.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const consumer = kafka.consumer({ groupId: `raw-${randomBytes(4).toString('hex')}` });
    const seen: RawMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        seen.push({
          topic: realTopic.get(topic) ?? topic,
          key: message.key?.toString() ?? null,
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
          value: message.value?.toString() ?? '',
        });
      },
    });
    try {
      await eventually(async () => (seen.length >= count ? true : undefined), 60_000, 100);
    } finally {
      await consumer.disconnect();
    }
    return seen;
  }

  let relayed: RawMessage[];
  const events = realEvents();

  beforeAll(async () => {
    // Through the project's own path: the outbox in a transaction, then the relay to Kafka.
    await pgTransaction(pool, (tx) => new Outbox('directory', registry).append(tx, events));
    const relay = new OutboxRelay({ schema: 'directory', pool, transport });
    await relay.start();
    try {
      relayed = await readRaw([...realTopic.keys()], events.length);
    } finally {
      await relay.stop();
    }
  });

  it('relays every event with its type, version and correlation id as headers', () => {
    expect(
      relayed
        .map((m) => [m.headers['event-type'], m.headers['event-version'], m.headers['correlation-id']])
        .sort(),
    ).toEqual(events.map((e) => [e.type, String(e.version), e.correlationId]).sort());
  });

  it('keeps the committed JSON Schemas and AsyncAPI headers, checked by Python’s jsonschema', () => {
    expect(relayed).toHaveLength(4);
    expect(pythonErrors(relayed)).toEqual(relayed.map(() => []));
  });

  it('the same validator rejects a message that breaks the contract, naming what broke', () => {
    const issued = relayed.find((m) => m.headers['event-type'] === 'registration.LicenseIssued')!;
    const value = JSON.parse(issued.value);
    delete value.payload.licenseNumber;
    value.payload.location.lat = 91;
    const [broken, wrongVersion, wrongKey] = pythonErrors([
      { ...issued, value: JSON.stringify(value) },
      { ...issued, headers: { ...issued.headers, 'event-version': '7' } },
      { ...issued, key: 'another-institution' },
    ]);
    expect(broken).toHaveLength(2);
    expect(broken).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^value payload\/location\/lat: 91 is greater than the maximum of 90/),
        "value payload: 'licenseNumber' is a required property",
      ]),
    );
    expect(wrongVersion).toEqual(['registration.LicenseIssued.v7 is not published on otr.registration']);
    expect(wrongKey).toEqual(["key 'another-institution' is not the value's institutionId"]);
  });

  it('an older message without the version header still keeps the contract and is applied by a consumer', async () => {
    const older: Envelope = { ...events[0], id: randomUUID() };
    const topic = testTopic(Topics.registration);
    // As the relay sent it before issue #16: type and correlation id only.
    await transport.publish(topic, [
      {
        key: older.institutionId,
        value: JSON.stringify(older),
        headers: { 'event-type': older.type, 'correlation-id': older.correlationId },
      },
    ]);
    const applied: string[] = [];
    const consumer = new InboxConsumer({
      name: `old-reader-${suffix}`,
      schema: 'directory',
      topics: [topic],
      registry,
      transport,
      transaction: (fn) => pgTransaction(pool, fn),
      handlers: { [LicenseIssued.type]: async (e) => void applied.push(e.id) },
    });
    await consumer.start();
    try {
      await eventually(async () => (applied.includes(older.id) ? true : undefined), 60_000, 100);
    } finally {
      await consumer.stop();
    }
    // The newer, headed message on the same topic went the same way.
    expect(applied).toEqual([events[0].id, older.id]);

    const [raw] = (await readRaw([topic], 2)).filter((m) => JSON.parse(m.value).id === older.id);
    expect(raw.headers).not.toHaveProperty('event-version');
    expect(pythonErrors([raw])).toEqual([[]]);
  });
});
