import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { FixedClock } from '@otr/kernel';
import { IncomingMessage, KafkaTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, eventually, freePort, TestDatabase, testEnv } from '@otr/testing';
import { SlaSweep } from './application/sla-sweep/sla-sweep';
import { complaintsService } from './complaints.module';

jest.setTimeout(120_000);

describe('complaints over the real Kafka broker', () => {
  let db: TestDatabase;
  let pool: Pool;
  let transport: KafkaTransport;
  let service: RunningService;
  const institutionId = randomUUID();
  const licenseId = `lic-kafka-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    process.env.COMPLAINTS_SLA_SWEEP_MS = '0';
    process.env.OTR_GROUP_PREFIX = `test-${randomBytes(4).toString('hex')}-`;
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url });
    transport = new KafkaTransport({ brokers: testEnv.kafkaBrokers, clientId: 'otr-complaints-test' });
    service = await startService(complaintsService, {
      databaseUrl: db.url,
      transport,
      port: await freePort(),
      clock: new FixedClock('2026-10-12T02:00:00Z'),
    });
    // The register entry registration's LicenseIssued would have made (that path is covered in-process).
    await pool.query(
      `INSERT INTO complaints.institution (institution_id, license_id, license_number, name, district, address, status, last_event_at)
       VALUES ($1, $2, '教民XH202600001号', '杭州西湖区卡夫卡培训学校', 'CN-ZJ-HZ-XH', '文三路1号', 'active', now())`,
      [institutionId, licenseId],
    );
  });
  afterAll(async () => {
    await service.stop();
    await transport.close();
    await pool.end();
    await db.drop();
  });

  it('publishes RepeatComplaintsFlagged on otr.complaints when three complaints hit one institution', async () => {
    for (const [i, category] of (['fees-refunds', 'safety', 'staff'] as const).entries()) {
      const res = await fetch(`http://127.0.0.1:${service.port}/public/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          category,
          subject: { licenseId },
          description: `第${i + 1}位家长的投诉`,
          contact: { name: `家长${i}`, phone: `1390000000${i}` },
        }),
      });
      expect(res.status).toBe(201);
    }
    expect(await service.app.get(SlaSweep).run()).toMatchObject({ flagged: 1 });

    const seen: IncomingMessage[] = [];
    const sub = await transport.subscribe(
      { groupId: `collector-${randomBytes(4).toString('hex')}`, topics: ['otr.complaints'] },
      async (m) => void seen.push(m),
    );
    const flag = await eventually(
      async () =>
        seen
          .map((m) => JSON.parse(m.value))
          .find((e) => e.type === 'complaints.RepeatComplaintsFlagged' && e.institutionId === institutionId),
      60_000,
      200,
    );
    await sub.stop();
    expect(flag.payload).toMatchObject({ licenseId, count: 3, withinDays: 30, district: 'CN-ZJ-HZ-XH' });
    expect(seen.find((m) => JSON.parse(m.value).institutionId === institutionId)?.key).toBe(institutionId);
  });
});
