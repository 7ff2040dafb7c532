import { loadChinaCalendar, Money } from '@otr/kernel';
import { InvalidRefundState } from './errors';
import { nationalRules as rules } from './fee-rules.fixture';
import { balances, escrowOf, LedgerTransaction, lessonRelease, paymentReceived, post } from './ledger';
import { positionOf } from './lesson-release';
import { payRefund, refundAmount, refundOverdue, RefundRequest, refundStatus } from './refunds';

const calendar = loadChinaCalendar();
const yuan = (t: string) => Money.yuan(t);

/** Asked on Monday 2026-09-21: 5 working days end Tuesday 9-29 (9-25 … 9-27 are Mid-Autumn). */
const request = (over: Partial<RefundRequest> = {}): RefundRequest => ({
  id: 'rf-1',
  orderId: 'o-1',
  requestedOn: '2026-09-21',
  courseStartsOn: '2026-10-12',
  ...over,
});

describe('a refund request (退费)', () => {
  describe('when the institution does not answer', () => {
    it('awaits it through the 5th working day', () => {
      expect(refundStatus(request(), '2026-09-29', rules, calendar)).toEqual({
        status: 'awaiting-institution',
        deadline: '2026-09-29',
      });
    });

    it('counts as agreed from the day after, and before the course starts is due within 5 calendar days', () => {
      expect(refundStatus(request(), '2026-09-30', rules, calendar)).toEqual({
        status: 'agreed',
        on: '2026-09-29',
        deemed: true,
        payBy: '2026-10-04',
      });
    });
  });

  describe('when the institution answers', () => {
    it('agrees: after the course started the refund is due within 15 calendar days', () => {
      const r = request({ courseStartsOn: '2026-09-01', answer: { kind: 'agreed', on: '2026-09-22' } });
      expect(refundStatus(r, '2026-09-22', rules, calendar)).toMatchObject({
        status: 'agreed',
        deemed: false,
        payBy: '2026-10-07',
      });
      expect(refundOverdue(r, '2026-10-07', rules, calendar)).toBe(false);
      expect(refundOverdue(r, '2026-10-08', rules, calendar)).toBe(true);
    });

    it('disputes in time, and the request goes to mediation rather than payout', () => {
      const r = request({ answer: { kind: 'disputed', on: '2026-09-29', reason: 'materials used' } });
      expect(refundStatus(r, '2026-10-30', rules, calendar).status).toBe('disputed');
      expect(() =>
        payRefund(positionOf(balances([]), 'o-1', 60), r, 0, '2026-10-30', rules, calendar, {
          id: 't',
          on: '2026-10-30',
        }),
      ).toThrow(InvalidRefundState);
    });

    it('disputes too late: the silence already counted as agreement', () => {
      const r = request({ answer: { kind: 'disputed', on: '2026-09-30' } });
      expect(refundStatus(r, '2026-09-30', rules, calendar)).toMatchObject({
        status: 'agreed',
        deemed: true,
      });
    });
  });

  describe('the amount, from the ledger', () => {
    const position = { orderId: 'o-1', escrow: yuan('2950'), hoursLeft: 59 };

    it('is everything unreleased when asked before the course starts', () => {
      expect(refundAmount(position, request(), 0)).toEqual({ amount: yuan('2950'), hours: 59 });
    });

    it('is pro rata for the untaught hours after it started, holding back hours taught but not yet released', () => {
      const after = request({ courseStartsOn: '2026-09-01' });
      expect(refundAmount(position, after, 0).amount.toYuanString()).toBe('2950.00');
      expect(refundAmount(position, after, 2)).toEqual({ amount: yuan('2850'), hours: 57 });
    });

    it('rounds at the fen and never exceeds the escrow: 100.00 over 7 hours, 3 held back', () => {
      const odd = { orderId: 'o-1', escrow: yuan('100'), hoursLeft: 7 };
      expect(refundAmount(odd, request({ courseStartsOn: '2026-09-01' }), 3).amount.toYuanString()).toBe(
        '57.14',
      );
      expect(refundAmount(odd, request({ courseStartsOn: '2026-09-01' }), 99).amount.isZero()).toBe(true);
    });
  });

  describe('paying out', () => {
    const meta = (n: number) => ({ id: `t-${n}`, idempotencyKey: `k-${n}`, on: '2026-09-10' });
    const ledger = [
      paymentReceived('o-1', yuan('3000'), meta(1)),
      lessonRelease('o-1', yuan('50'), 1, meta(2)),
    ].reduce<readonly LedgerTransaction[]>(post, []);

    it('pays an agreed refund once, leaving nothing in escrow', () => {
      const r = request({ courseStartsOn: '2026-09-01', answer: { kind: 'agreed', on: '2026-09-22' } });
      const position = positionOf(balances(ledger), 'o-1', 60);
      const tx = payRefund(position, r, 0, '2026-09-23', rules, calendar, { id: 't-3', on: '2026-09-23' })!;
      expect(tx).toMatchObject({ kind: 'refund', idempotencyKey: 'refund:rf-1', hours: 59 });
      const after = post(post(ledger, tx), tx);
      expect(escrowOf(balances(after), 'o-1').isZero()).toBe(true);
      expect(balances(after).byAccount['family-clearing'].toYuanString()).toBe('-50.00');
    });
  });
});
