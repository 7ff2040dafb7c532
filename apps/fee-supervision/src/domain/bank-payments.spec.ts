import { assertMoneyTime, BankPayment, decidePayment, differencesFromBankRecord } from './bank-payments';
import { InvalidMoneyTime } from './errors';

const record: BankPayment = {
  reference: 'bank-1',
  accountNo: 'ESC-1',
  orderId: 'o-1',
  amountFen: 55_000,
  paidAt: '2026-09-01T02:00:00.000Z',
  payer: { account: '6222', method: 'direct' },
};

describe('a payment notification against the bank’s own record', () => {
  it('agrees only when reference, account, order, amount, time and method are the bank’s', () => {
    expect(differencesFromBankRecord({ ...record, paidAt: '2026-09-01T10:00:00+08:00' }, record)).toEqual([]);
    expect(differencesFromBankRecord({ ...record, amountFen: 5_500_000, orderId: 'o-2' }, record)).toEqual([
      'orderId',
      'amountFen',
    ]);
    expect(differencesFromBankRecord({ ...record, paidAt: '2026-08-01T02:00:00Z' }, record)).toEqual([
      'paidAt',
    ]);
  });
});

describe('what a bank-confirmed payment becomes', () => {
  const order = { status: 'awaiting-payment', amountFen: 55_000, accountNo: 'ESC-1' };
  it('is booked only when it is exactly what its order asks for', () => {
    expect(decidePayment(record, order)).toEqual({ kind: 'book' });
  });
  it('lands in suspense when it is a second payment, a fen short, for no order, elsewhere or a loan', () => {
    expect(decidePayment(record, { ...order, status: 'paid' })).toMatchObject({
      kind: 'suspense',
      reason: 'order is paid',
    });
    expect(decidePayment({ ...record, amountFen: 54_999 }, order)).toMatchObject({ kind: 'suspense' });
    expect(decidePayment(record, null)).toMatchObject({ kind: 'suspense', reason: 'no such order' });
    expect(decidePayment({ ...record, accountNo: 'ESC-2' }, order)).toMatchObject({ kind: 'suspense' });
    expect(
      decidePayment({ ...record, payer: { account: 'x', method: 'training-loan' } }, order),
    ).toMatchObject({
      kind: 'suspense',
    });
  });
});

describe('money timestamps', () => {
  const now = new Date('2026-09-01T02:00:00Z');
  const placed = { what: 'the order was placed', at: new Date('2026-08-31T16:00:00Z') };
  const refusal = (at: string) => {
    try {
      assertMoneyTime('paidAt', new Date(at), now, placed);
      return undefined;
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidMoneyTime);
      expect((e as InvalidMoneyTime).citation.field).toBe('paidAt');
      return (e as InvalidMoneyTime).citation.rule;
    }
  };
  it('refuses 1970, 2099 and a time before what it pays for, naming the field', () => {
    expect(refusal('1970-01-01T00:00:00Z')).toContain('not before the order was placed');
    expect(refusal('2099-01-01T00:00:00Z')).toContain('not after now');
    expect(refusal('2026-09-01T02:06:00Z')).toContain('not after now');
    expect(refusal('not a time')).toContain('ISO instant');
  });
  it('accepts a time in the window, a few minutes of clock skew included', () => {
    expect(refusal('2026-09-01T02:04:00Z')).toBeUndefined();
    expect(refusal('2026-08-31T16:00:00Z')).toBeUndefined();
  });
});
