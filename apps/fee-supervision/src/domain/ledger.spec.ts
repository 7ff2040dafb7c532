import { Money } from '@otr/kernel';
import { InsufficientEscrow, UnbalancedTransaction } from './errors';
import {
  assertBalanced,
  balanced,
  balances,
  checkInvariant,
  escrowOf,
  LedgerTransaction,
  lessonRelease,
  paymentReceived,
  post,
  refundPaid,
  reserveDeposited,
  suspenseMatched,
  suspenseReceived,
  suspenseRefunded,
} from './ledger';

const yuan = (text: string) => Money.yuan(text, { allowNegative: true });
let n = 0;
const meta = (key?: string) => ({ id: `tx-${++n}`, idempotencyKey: key ?? `key-${n}`, on: '2026-09-01' });

describe('the fee ledger', () => {
  describe('given a payment, two releases and a refund on one order', () => {
    const ledger = [
      paymentReceived('o-1', yuan('3000'), meta()),
      lessonRelease('o-1', yuan('100'), 2, meta()),
      lessonRelease('o-1', yuan('50'), 1, meta()),
      refundPaid('o-1', yuan('850'), 17, meta()),
    ];

    it('derives escrow = paid in − released − refunded, per order and in total', () => {
      const b = balances(ledger);
      expect(escrowOf(b, 'o-1').toYuanString()).toBe('2000.00');
      expect(b.byAccount.escrow.toYuanString()).toBe('2000.00');
      expect(b.byAccount.settlement.toYuanString()).toBe('150.00');
      expect(b.byAccount['family-clearing'].toYuanString()).toBe('-2150.00');
      expect(b.byOrder.get('o-1')).toMatchObject({ hoursReleased: 3, hoursRefunded: 17 });
    });

    it('holds every invariant', () => {
      expect(checkInvariant(ledger)).toEqual([]);
      expect(ledger.every(balanced)).toBe(true);
    });

    it('keeps all accounts summing to zero', () => {
      const b = balances([...ledger, reserveDeposited(yuan('100000'), meta())]);
      expect(Money.sum(Object.values(b.byAccount)).isZero()).toBe(true);
      expect(b.byAccount['risk-reserve'].toYuanString()).toBe('100000.00');
    });
  });

  describe('when a transaction does not balance', () => {
    it('is refused with a typed error', () => {
      const tx: LedgerTransaction = {
        ...meta(),
        kind: 'payment',
        postings: [
          { account: 'escrow', orderId: 'o-1', amount: yuan('100') },
          { account: 'family-clearing', orderId: 'o-1', amount: Money.fen(-9_999) },
        ],
      };
      expect(() => assertBalanced(tx)).toThrow(UnbalancedTransaction);
      expect(balanced(tx)).toBe(false);
      expect(checkInvariant([tx]).map((v) => v.code)).toContain('unbalanced');
    });

    it('is refused when families’ money names no order', () => {
      const tx: LedgerTransaction = {
        ...meta(),
        kind: 'payment',
        postings: [
          { account: 'escrow', amount: yuan('100') },
          { account: 'family-clearing', amount: yuan('-100') },
        ],
      };
      expect(balanced(tx)).toBe(false);
    });

    it('refuses a transfer of zero or less', () => {
      expect(() => paymentReceived('o-1', Money.zero(), meta())).toThrow(UnbalancedTransaction);
    });
  });

  describe('when a transaction posts to accounts its kind does not use', () => {
    it('is reported, and escrow no longer matches what was paid, released and refunded', () => {
      const odd: LedgerTransaction = {
        ...meta(),
        kind: 'release',
        postings: [
          { account: 'risk-reserve', amount: yuan('10') },
          { account: 'escrow', orderId: 'o-1', amount: yuan('-10') },
        ],
      };
      const codes = checkInvariant([paymentReceived('o-1', yuan('100'), meta()), odd]).map((v) => v.code);
      expect(codes).toEqual(expect.arrayContaining(['unexpected-accounts', 'escrow-mismatch']));
    });
  });

  describe('posting', () => {
    it('ignores a replayed idempotency key', () => {
      const pay = paymentReceived('o-1', yuan('100'), meta('bank-ref-1'));
      const once = post([], pay);
      const twice = post(once, paymentReceived('o-1', yuan('100'), meta('bank-ref-1')));
      expect(twice).toBe(once);
      expect(balances(twice).byAccount.escrow.toYuanString()).toBe('100.00');
    });

    it('counts a replay already in a stored ledger once, and flags a key reused for a different act', () => {
      const ledger = [
        paymentReceived('o-1', yuan('100'), meta('k')),
        paymentReceived('o-1', yuan('100'), meta('k')),
        paymentReceived('o-1', yuan('999'), meta('k')),
      ];
      expect(balances(ledger).byAccount.escrow.toYuanString()).toBe('100.00');
      expect(checkInvariant(ledger).map((v) => v.code)).toEqual(['idempotency-key-reused']);
    });

    it('refuses to release or refund more than the order holds, by one fen', () => {
      const paid = post([], paymentReceived('o-1', yuan('100'), meta()));
      expect(() => post(paid, lessonRelease('o-1', yuan('100.01'), 1, meta()))).toThrow(InsufficientEscrow);
      const released = post(paid, lessonRelease('o-1', yuan('60'), 1, meta()));
      expect(() => post(released, refundPaid('o-1', yuan('40.01'), 1, meta()))).toThrow(InsufficientEscrow);
      expect(
        escrowOf(balances(post(released, refundPaid('o-1', yuan('40'), 1, meta()))), 'o-1').isZero(),
      ).toBe(true);
    });

    it('does not let one order’s escrow pay for another', () => {
      const paid = post([], paymentReceived('o-1', yuan('100'), meta()));
      expect(() => post(paid, refundPaid('o-2', yuan('1'), 1, meta()))).toThrow(InsufficientEscrow);
    });
  });
});

describe('the suspense account (待查明款项)', () => {
  it('holds a refused payment outside any escrow, balanced, until it is returned or matched once', () => {
    let ledger: readonly LedgerTransaction[] = [
      paymentReceived('o-1', yuan('550'), meta()),
      suspenseReceived('o-1', yuan('550'), meta('suspense:b-2')),
      suspenseReceived('o-9', yuan('7'), meta('suspense:b-3')),
    ];
    let b = balances(ledger);
    expect(escrowOf(b, 'o-1').toYuanString()).toBe('550.00');
    expect(b.byAccount.suspense.toYuanString()).toBe('557.00');
    expect(checkInvariant(ledger)).toEqual([]);

    ledger = post(ledger, suspenseRefunded('o-1', yuan('550'), meta('suspense-refund:b-2')));
    ledger = post(ledger, suspenseMatched('o-2', yuan('7'), meta('payment:b-3')));
    b = balances(ledger);
    expect(b.byAccount.suspense.isZero()).toBe(true);
    expect(escrowOf(b, 'o-2').toYuanString()).toBe('7.00');
    expect(b.byOrder.get('o-2')?.paidIn.toYuanString()).toBe('7.00');
    expect(Money.sum(Object.values(b.byAccount)).isZero()).toBe(true);
    expect(checkInvariant(ledger)).toEqual([]);
    // Nothing is left to return a second time.
    expect(() => post(ledger, suspenseRefunded('o-1', yuan('550'), meta('suspense-refund:again')))).toThrow(
      InsufficientEscrow,
    );
  });
});
