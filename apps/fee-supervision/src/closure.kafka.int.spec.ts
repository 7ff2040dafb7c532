import { randomBytes } from 'node:crypto';
import { createEvent, Envelope, LicenseRevoked, SYSTEM_ACTOR, Topics } from '@otr/contracts';
import { KafkaTransport } from '@otr/messaging';
import { eventually, testEnv } from '@otr/testing';
import { Lessons } from './application/lessons';
import {
  courseFiled,
  FeesHarness,
  ledgerInvariant,
  licenseIssued,
  origin,
  paidOrder,
  recordLesson,
  startFees,
} from './fees.int-fixtures';

jest.setTimeout(180_000);

describe('a license revoked on otr.registration (real Kafka broker)', () => {
  let h: FeesHarness;
  let transport: KafkaTransport;
  let publisher: KafkaTransport;
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.OTR_GROUP_PREFIX = `fees-test-${randomBytes(4).toString('hex')}-`;
    process.env.FEES_SCHEDULER = 'on';
    process.env.FEES_WORKER_INTERVAL_MS = '200';
    process.env.FEES_SWEEP_INTERVAL_MS = '0';
    transport = new KafkaTransport({ brokers: testEnv.kafkaBrokers, clientId: 'otr-fees-test' });
    publisher = new KafkaTransport({ brokers: testEnv.kafkaBrokers, clientId: 'otr-fees-test-publisher' });
    h = await startFees('2026-09-01T02:00:00Z', transport);
  });
  afterAll(async () => {
    await h.stop();
    await transport.close();
    await publisher.close();
    process.env = saved;
  });

  const publish = (e: Envelope) =>
    publisher.publish(Topics.registration, [{ key: e.institutionId, value: JSON.stringify(e) }]);

  it('freezes the account and the bulk refund pays each family exactly its balance', async () => {
    const issued = licenseIssued();
    const course = courseFiled(issued.institutionId, issued.licenseId);
    await publish(issued.event);
    await publish(course.event);
    const account = await eventually(
      async () =>
        (await h.prisma.course.findUnique({ where: { id: course.courseId } }))
          ? ((await h.prisma.supervisedAccount.findUnique({
              where: { institutionId: issued.institutionId },
            })) ?? undefined)
          : undefined,
      60_000,
      200,
    );
    const inst = { institutionId: issued.institutionId, courseId: course.courseId, account };
    const orders = [
      await paidOrder(h, inst, '13600000001', 10, { courseStartsOn: '2026-09-01' }),
      await paidOrder(h, inst, '13600000002', 20),
      await paidOrder(h, inst, '13600000003', 7),
    ];
    // Some of the first family's money is already the institution's: one lesson confirmed and released.
    const { lessonId } = await recordLesson(h, inst.institutionId, orders[0].id, { date: '2026-09-01' });
    await h.service.app.get(Lessons).answer(orders[0].familyId, lessonId, { kind: 'confirmed' }, origin);
    const before = new Map(
      (await ledgerInvariant(h, inst.institutionId)).map((r) => [r.order_id, Number(r.escrow)]),
    );
    expect([...before.values()]).toEqual(expect.arrayContaining([49_500, 110_000, 38_500]));

    await publish(
      createEvent(LicenseRevoked, {
        aggregateId: issued.licenseId,
        institutionId: issued.institutionId,
        actor: SYSTEM_ACTOR,
        correlationId: 'revocation',
        payload: {
          licenseId: issued.licenseId,
          licenseNumber: issued.event.payload.licenseNumber,
          reason: '连续三年年检不合格',
          decision: '西教罚〔2026〕9号',
        },
      }),
    );
    const closure = await eventually(
      async () => {
        const c = await h.prisma.closure.findUnique({ where: { institutionId: inst.institutionId } });
        return c?.status === 'completed' ? c : undefined;
      },
      60_000,
      200,
    );
    expect(closure.reason).toBe('连续三年年检不合格');
    expect(
      (
        await h.prisma.supervisedAccount.findUniqueOrThrow({
          where: { institutionId: inst.institutionId },
        })
      ).license,
    ).toBe('revoked');

    const refunds = await h.prisma.refundRequest.findMany({
      where: { institutionId: inst.institutionId, closure: true },
    });
    expect(refunds).toHaveLength(3);
    for (const o of orders) {
      const r = refunds.find((x) => x.orderId === o.id)!;
      expect({ family: r.familyId, status: r.status, amountFen: Number(r.amountFen) }).toEqual({
        family: o.familyId,
        status: 'paid',
        amountFen: before.get(o.id),
      });
    }
    const after = await ledgerInvariant(h, inst.institutionId);
    expect(after.map((r) => Number(r.escrow))).toEqual([0, 0, 0]);
    for (const r of after) expect(Number(r.refunded)).toBe(before.get(r.order_id));
    const frozen = await h.prisma.outboxMessage.findMany({
      where: { type: 'fees.InstitutionFundsFrozen', key: inst.institutionId },
    });
    expect(frozen.map((m) => (m.envelope as { payload: unknown }).payload)).toEqual([
      expect.objectContaining({ licenseId: issued.licenseId, escrowFen: 198_000, closure: true }),
    ]);
    expect(
      await h.prisma.outboxMessage.count({
        where: { type: 'fees.RefundPaid', key: inst.institutionId },
      }),
    ).toBe(3);
  });
});
