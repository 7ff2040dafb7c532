import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Principal } from '@otr/auth';
import { contracts, createEvent, Envelope, LicenseIssued, Topics } from '@otr/contracts';
import { FixedClock } from '@otr/kernel';
import { KafkaTransport } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, eventually, freePort, serviceClient, TestDatabase, testEnv } from '@otr/testing';
import { inspectionService } from './inspection.module';

jest.setTimeout(120_000);

const XH = 'CN-ZJ-HZ-XH';
const grader: Principal = {
  userId: 'approver.xihu',
  name: '审批员',
  roles: ['approver'],
  department: 'education',
  jurisdiction: XH,
};
const decider: Principal = { ...grader, userId: 'approver.city', jurisdiction: 'CN-ZJ-HZ' };

describe('inspection over the real Kafka broker', () => {
  let db: TestDatabase;
  let transport: KafkaTransport;
  let service: RunningService;
  const clock = new FixedClock('2026-11-23T02:00:00Z');

  beforeAll(async () => {
    process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), 'otr-evidence-'));
    // Fresh consumer groups, so this run neither steals nor skips another run's messages.
    process.env.OTR_GROUP_PREFIX = `t-${randomBytes(4).toString('hex')}-`;
    process.env.OUTBOX_POLL_MS = '200';
    db = await createTestDatabase();
    transport = new KafkaTransport({ brokers: testEnv.kafkaBrokers, clientId: 'otr-inspection-test' });
    service = await startService(inspectionService, {
      databaseUrl: db.url,
      transport,
      port: await freePort(),
      clock,
    });
  });
  afterAll(async () => {
    await service?.stop();
    await transport?.close();
    await db?.drop();
    delete process.env.OTR_GROUP_PREFIX;
  });

  it('three failed years in a row: the revocation decided by a second official reaches otr.inspection, valid by contract', async () => {
    const institutionId = randomUUID();
    const licenseId = randomUUID();
    const issued = createEvent(LicenseIssued, {
      aggregateId: licenseId,
      institutionId,
      actor: { userId: 'approver.culture', role: 'approver' },
      correlationId: 'kafka-test',
      payload: {
        licenseId,
        licenseNumber: `教民XH2023${randomBytes(3).toString('hex')}号`,
        institutionName: '杭州西湖区连年不合格艺术培训有限公司',
        legalForm: 'for-profit',
        category: 'arts',
        scopes: ['offline'],
        district: XH,
        address: '浙江省杭州市西湖区天目山路1号',
        validFrom: '2023-01-01',
        validUntil: '2027-12-31',
      },
    });
    await transport.publish(Topics.registration, [{ key: institutionId, value: JSON.stringify(issued) }]);
    const api = serviceClient(service.port);
    const operator: Principal = {
      userId: 'op',
      name: '经办人',
      roles: ['institution-operator'],
      jurisdiction: XH,
      institutionId,
    };
    const content = {
      teaching: { courses: 1, students: 10, lessonsDelivered: 40 },
      staff: { teachers: 2, qualifiedTeachers: 0 },
      finances: { incomeFen: 1_000_000, refundsFen: 0, escrowBalanceFen: 0 },
      safety: { fireInspectionPassed: false, incidents: 1 },
      complaintsReceived: 9,
    };
    await eventually(
      async () =>
        (await api(operator, 'POST', '/annual-reports', { year: 2023, content })).status === 201
          ? true
          : undefined,
      60_000,
      500,
    );
    const sheet = (await api(grader, 'GET', '/annual-reports/score-sheet')).body.sheet;
    const scores = Object.fromEntries(
      sheet.indicators.map((i: { key: string; maxPoints: number }) => [i.key, i.maxPoints * 0.4]),
    );
    for (const year of [2024, 2025]) await api(operator, 'POST', '/annual-reports', { year, content });
    const reports = (await api(grader, 'GET', `/annual-reports?institutionId=${institutionId}`)).body
      .items as { id: string; year: number }[];
    for (const r of reports.sort((a, b) => a.year - b.year))
      await api(grader, 'POST', `/annual-reports/${r.id}/grade`, { scores, vetoes: [] });

    const proposals = (await api(grader, 'GET', `/penalties?status=proposed&institutionId=${institutionId}`))
      .body.items;
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ type: 'revoke-license', proposedBy: { userId: 'approver.xihu' } });
    expect((await api(grader, 'POST', `/penalties/${proposals[0].id}/decide`)).status).toBe(403);
    expect((await api(decider, 'POST', `/penalties/${proposals[0].id}/decide`)).status).toBe(200);

    const seen: Envelope[] = [];
    const sub = await transport.subscribe(
      { groupId: `collector-${randomBytes(4).toString('hex')}`, topics: [Topics.inspection] },
      async (m) => {
        // The registry validates envelope and payload: a malformed event would throw here.
        const e = contracts.parse(JSON.parse(m.value));
        if (e.institutionId === institutionId) seen.push(e);
      },
    );
    try {
      const decided = await eventually(
        async () => seen.find((e) => e.type === 'inspection.PenaltyDecided'),
        60_000,
        200,
      );
      expect(decided.payload).toMatchObject({
        licenseId,
        penaltyType: 'revoke-license',
        licenseAction: 'revoke',
        decisionNumber: 'XH教罚〔2026〕1号',
        legalBasis: expect.stringContaining('第五条第（五）项'),
      });
      const types = seen.map((e) => e.type);
      expect(types.filter((t) => t === 'inspection.AnnualReportGraded')).toHaveLength(3);
      expect(types.indexOf('inspection.PenaltyProposed')).toBeLessThan(
        types.indexOf('inspection.PenaltyDecided'),
      );
    } finally {
      await sub.stop();
    }
  });
});
