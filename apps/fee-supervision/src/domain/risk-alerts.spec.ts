import { addDays, Money } from '@otr/kernel';
import { nationalRules as rules } from './fee-rules.fixture';
import { lessonRelease, paymentReceived, reserveDeposited } from './ledger';
import {
  evaluateRisk,
  fundsWhileLicenseSuspended,
  outflowWithoutConsumption,
  prepaidLargeForCapacity,
  refundBurst,
  reserveBelowRequired,
  RiskFacts,
  singlePaymentAboveThreshold,
} from './risk-alerts';

const yuan = (t: string) => Money.yuan(t);
const m = (id: string, on = '2026-09-10', ref?: string) => ({ id, idempotencyKey: id, on, ref });

const facts = (over: Partial<RiskFacts> = {}): RiskFacts => ({
  institutionId: 'i-1',
  today: '2026-09-30',
  windowFrom: '2026-09-01',
  ledger: [
    paymentReceived('o-1', yuan('3000'), m('p-1')),
    lessonRelease('o-1', yuan('50'), 1, m('r-1', '2026-09-20', 'l-1')),
  ],
  consumptions: [{ lessonId: 'l-1', orderId: 'o-1', amount: yuan('50') }],
  refundRequests: [],
  license: 'active',
  supervisionMode: 'escrow',
  capacitySeats: 100,
  ...over,
});

describe('risk alerts (风险预警)', () => {
  it('raise nothing for a quiet institution whose releases match its lessons', () => {
    expect(evaluateRisk(facts(), rules)).toEqual([]);
  });

  describe('outflow without matching consumption', () => {
    it('flags a release with no confirmed lesson behind it', () => {
      const ledger = [
        ...facts().ledger,
        lessonRelease('o-1', yuan('500'), 1, m('r-2', '2026-09-21', 'l-ghost')),
      ];
      expect(outflowWithoutConsumption(facts({ ledger }), rules)).toEqual([
        expect.objectContaining({
          code: 'outflow-without-consumption',
          severity: 'critical',
          facts: expect.objectContaining({ transactionId: 'r-2', justified: '0.00' }),
        }),
      ]);
    });

    it('flags a release larger than its lesson justifies, by one fen', () => {
      const ledger = [
        facts().ledger[0],
        lessonRelease('o-1', yuan('50.01'), 1, m('r-1', '2026-09-20', 'l-1')),
      ];
      expect(outflowWithoutConsumption(facts({ ledger }), rules)).toHaveLength(1);
    });

    it('looks only at the window', () => {
      const ledger = [
        ...facts().ledger,
        lessonRelease('o-1', yuan('500'), 1, m('r-old', '2026-08-31', 'l-ghost')),
      ];
      expect(outflowWithoutConsumption(facts({ ledger }), rules)).toEqual([]);
    });
  });

  describe('balance below the required reserve', () => {
    it('alerts under reserve supervision with 99,999.99 of 100,000 yuan, not with 100,000', () => {
      const short = facts({
        supervisionMode: 'risk-reserve',
        ledger: [reserveDeposited(yuan('99999.99'), m('d'))],
      });
      expect(reserveBelowRequired(short, rules)).toEqual([
        expect.objectContaining({
          code: 'reserve-below-required',
          facts: { held: '99999.99', required: '100000.00' },
        }),
      ]);
      const enough = facts({
        supervisionMode: 'risk-reserve',
        ledger: [reserveDeposited(yuan('100000'), m('d'))],
      });
      expect(reserveBelowRequired(enough, rules)).toEqual([]);
      expect(reserveBelowRequired(facts(), rules)).toEqual([]); // full escrow: no reserve needed
    });
  });

  describe('prepaid balance against capacity', () => {
    it('alerts above 5,000 yuan per approved seat', () => {
      const ledger = [paymentReceived('o-1', yuan('5000.01'), m('p'))];
      expect(prepaidLargeForCapacity(facts({ ledger, capacitySeats: 1 }), rules)).toHaveLength(1);
      expect(
        prepaidLargeForCapacity(
          facts({ ledger: [paymentReceived('o-1', yuan('5000'), m('p'))], capacitySeats: 1 }),
          rules,
        ),
      ).toEqual([]);
    });
  });

  describe('a burst of refund requests', () => {
    const requests = (n: number, from: string) =>
      Array.from({ length: n }, (_, i) => ({ id: `rf-${i}`, requestedOn: addDays(from, i % 7) }));

    it('alerts at 10 requests within 7 days, today included, and not at 9', () => {
      expect(refundBurst(facts({ refundRequests: requests(10, '2026-09-24') }), rules)).toEqual([
        expect.objectContaining({
          code: 'refund-burst',
          facts: { requests: 10, since: '2026-09-24', until: '2026-09-30' },
        }),
      ]);
      expect(refundBurst(facts({ refundRequests: requests(9, '2026-09-24') }), rules)).toEqual([]);
    });

    it('does not count requests older than the window', () => {
      expect(refundBurst(facts({ refundRequests: requests(10, '2026-09-23') }), rules)).toEqual([]);
    });
  });

  describe('funds left while the license is suspended or revoked', () => {
    it('alerts while escrow holds money, and not once it is empty', () => {
      expect(fundsWhileLicenseSuspended(facts({ license: 'revoked' }), rules)).toEqual([
        expect.objectContaining({ severity: 'critical', facts: { license: 'revoked', escrow: '2950.00' } }),
      ]);
      expect(fundsWhileLicenseSuspended(facts({ license: 'suspended', ledger: [] }), rules)).toEqual([]);
    });
  });

  describe('a single large payment', () => {
    it('alerts strictly above 20,000 yuan', () => {
      const at = (amount: string) => facts({ ledger: [paymentReceived('o-9', yuan(amount), m('big'))] });
      expect(singlePaymentAboveThreshold(at('20000.01'), rules)).toEqual([
        expect.objectContaining({
          code: 'single-payment-above-threshold',
          facts: expect.objectContaining({ amount: '20000.01' }),
        }),
      ]);
      expect(singlePaymentAboveThreshold(at('20000.00'), rules)).toEqual([]);
    });
  });

  it('runs only the evaluators configured', () => {
    const f = facts({
      license: 'revoked',
      refundRequests: Array.from({ length: 10 }, (_, i) => ({ id: `${i}`, requestedOn: '2026-09-30' })),
    });
    expect(
      evaluateRisk(f, rules)
        .map((a) => a.code)
        .sort(),
    ).toEqual(['funds-while-license-suspended', 'refund-burst']);
    expect(evaluateRisk(f, rules, [refundBurst]).map((a) => a.code)).toEqual(['refund-burst']);
  });
});
