import { createLogger } from '@otr/runtime';
import { RiskMonitor } from '../application/risk-monitor';
import {
  deliver,
  FeesHarness,
  institutionWithCourse,
  licenseIssued,
  origin,
  startFees,
} from '../fees.int-fixtures';
import { seedFeeSupervisionDemo } from './seed-demo';

jest.setTimeout(120_000);

describe('the fee-supervision demo seed', () => {
  let h: FeesHarness;

  beforeAll(async () => {
    h = await startFees('2026-11-20T02:00:00Z');
  });
  afterAll(() => h.stop());

  it('seeds orders, payments, lessons, ratings, a pending refund and an open alert through the use cases, once', async () => {
    // A third arts institution, beyond the two the demo trades with: the one left without a reserve.
    for (const category of ['subject', 'subject', 'arts', 'arts', 'arts'] as const) {
      await deliver(h, licenseIssued({ category, district: 'CN-ZJ-HZ-SC' }).event);
    }
    const log = createLogger('seed-test');
    // The seed pays at the bank the platform names (its simulator here).
    process.env.FEES_BANK_URL = h.bankUrl;
    await seedFeeSupervisionDemo(h.service.app, { log });
    const p = h.prisma;
    const counts = async () => ({
      orders: await p.feeOrder.count({ where: { status: 'paid' } }),
      released: await p.lesson.count({ where: { status: 'released' } }),
      pendingLessons: await p.lesson.count({ where: { status: 'pending' } }),
      pendingRefunds: await p.refundRequest.count({ where: { status: 'awaiting-institution' } }),
      openAlerts: await p.riskAlert.count({ where: { state: 'open', code: 'refund-burst' } }),
      payments: await p.journalTransaction.count({ where: { kind: 'payment' } }),
      ratings: await p.orderRating.count(),
    });
    const first = await counts();
    expect(first).toEqual({
      orders: 19,
      released: 24,
      pendingLessons: 9,
      pendingRefunds: 10,
      openAlerts: 1,
      payments: 19,
      ratings: 4,
    });
    const violations = await p.outboxMessage.count({ where: { type: 'fees.TrainingTimeViolationDetected' } });
    expect(violations).toBe(1);
    // Reserves in a believable state: the demo's institutions funded, the other one not, and the
    // day's evaluation raising one shortfall alert beside the refund burst, not one per institution.
    const standings = (
      await p.outboxMessage.findMany({ where: { type: 'fees.ReserveStandingChanged' } })
    ).map((m) => (m.envelope as { payload: { standing: string } }).payload.standing);
    expect(standings.sort()).toEqual(['funded', 'funded', 'unfunded', 'unfunded', 'unfunded']);
    await h.service.app.get(RiskMonitor).evaluateChanged(origin);
    expect(await p.riskAlert.groupBy({ by: ['code'], where: { state: 'open' }, _count: true })).toEqual(
      expect.arrayContaining([
        { code: 'refund-burst', _count: 1 },
        { code: 'reserve-below-required', _count: 1 },
      ]),
    );
    expect(await p.riskAlert.count({ where: { code: 'reserve-below-required' } })).toBe(1);
    await seedFeeSupervisionDemo(h.service.app, { log });
    delete process.env.FEES_BANK_URL;
    expect(await counts()).toEqual(first);
  });

  it('runs once even where institutions filed their own courses, so a third npm start still starts', async () => {
    const own = await startFees('2026-11-20T02:00:00Z');
    try {
      // Institutions whose courses came from registration: the seed files no demo course of its own.
      for (const category of ['subject', 'subject', 'arts', 'arts'] as const)
        await institutionWithCourse(own, { category, district: 'CN-ZJ-HZ-SC' });
      const log = createLogger('seed-test');
      process.env.FEES_BANK_URL = own.bankUrl;
      await seedFeeSupervisionDemo(own.service.app, { log });
      const orders = await own.prisma.feeOrder.count();
      expect(orders).toBeGreaterThan(0);
      // Each start runs the seed again: it must neither add orders nor trip the 60-hour cap.
      await seedFeeSupervisionDemo(own.service.app, { log });
      await seedFeeSupervisionDemo(own.service.app, { log });
      expect(await own.prisma.feeOrder.count()).toBe(orders);
    } finally {
      delete process.env.FEES_BANK_URL;
      await own.stop();
    }
  });
});
