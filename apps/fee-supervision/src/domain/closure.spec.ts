import { Money } from '@otr/kernel';
import { creditorList, bulkRefunds } from './closure';
import { LedgerInconsistent } from './errors';
import { balances, LedgerTransaction, lessonRelease, paymentReceived, post, refundPaid } from './ledger';
import { releaseSchedule } from './lesson-release';

const yuan = (t: string) => Money.yuan(t);
let n = 0;
const m = () => ({ id: `t-${++n}`, idempotencyKey: `k-${n}`, on: '2026-09-10' });

describe('closing an institution (停办/吊销 playbook)', () => {
  describe('given three families, one with two orders, partly taught and refunded', () => {
    const [a, b] = releaseSchedule(yuan('100'), 7, [2, 1]);
    const ledger = [
      paymentReceived('o-1', yuan('100'), m()),
      lessonRelease('o-1', a, 2, m()),
      lessonRelease('o-1', b, 1, m()),
      paymentReceived('o-2', yuan('3000'), m()),
      paymentReceived('o-3', yuan('1999.99'), m()),
      refundPaid('o-3', yuan('1999.99'), 40, m()),
      paymentReceived('o-4', yuan('0.01'), m()),
    ].reduce<readonly LedgerTransaction[]>(post, []);
    const orders = [
      { orderId: 'o-1', familyId: 'f-a', totalHours: 7 },
      { orderId: 'o-2', familyId: 'f-b', totalHours: 60 },
      { orderId: 'o-3', familyId: 'f-c', totalHours: 40 },
      { orderId: 'o-4', familyId: 'f-a', totalHours: 1 },
    ];

    it('lists every family’s refundable balance per order, adding up to the escrow to the fen', () => {
      const list = creditorList(ledger, orders);
      expect(
        list.creditors.map((c) => [
          c.familyId,
          c.orders.map((o) => [o.orderId, o.amount.toYuanString(), o.hoursLeft]),
          c.total.toYuanString(),
        ]),
      ).toEqual([
        [
          'f-a',
          [
            ['o-1', '57.14', 4],
            ['o-4', '0.01', 1],
          ],
          '57.15',
        ],
        ['f-b', [['o-2', '3000.00', 60]], '3000.00'],
      ]);
      expect(list.total.toYuanString()).toBe('3057.15');
      expect(list.escrowBalance.equals(list.total)).toBe(true);
    });

    it('keeps an order it cannot attribute on the list, under an unknown family', () => {
      const list = creditorList(ledger, orders.slice(1));
      expect(list.creditors.find((c) => c.familyId === 'unknown')?.total.toYuanString()).toBe('57.14');
      expect(list.total.equals(list.escrowBalance)).toBe(true);
    });

    it('refunds in bulk to an empty escrow, and a rerun pays nothing twice', () => {
      const refunds = bulkRefunds(creditorList(ledger, orders), '2026-10-01');
      const after = [...refunds, ...refunds].reduce(post, ledger);
      expect(balances(after).byAccount.escrow.isZero()).toBe(true);
      expect(after).toHaveLength(ledger.length + 3);
    });
  });

  it('refuses to list creditors from a ledger that breaks its invariants', () => {
    const broken: LedgerTransaction = {
      ...m(),
      kind: 'release',
      postings: [
        { account: 'settlement', orderId: 'o-1', amount: yuan('10') },
        { account: 'escrow', orderId: 'o-1', amount: Money.fen(-1000) },
      ],
    };
    expect(() => creditorList([broken], [])).toThrow(LedgerInconsistent);
  });
});
