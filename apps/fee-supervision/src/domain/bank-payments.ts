import { InvalidMoneyTime } from './errors';

/** How far ahead of our clock a bank's time may be (clock skew between two systems). */
export const MONEY_CLOCK_SKEW_MS = 5 * 60_000;

/** A payment as the bank notifies it, or as the bank's own record has it (the fields that must agree). */
export interface BankPayment {
  reference: string;
  accountNo: string;
  orderId: string;
  amountFen: number;
  /** ISO instant */
  paidAt: string;
  payer: { account: string; method: 'direct' | 'training-loan' };
}

/**
 * The fields in which a notification differs from the bank's own record of the transaction: a
 * payment is booked only on the bank's word, so any difference means the notification is not it.
 */
export function differencesFromBankRecord(notified: BankPayment, record: BankPayment): string[] {
  const out: string[] = [];
  if (notified.reference !== record.reference) out.push('idempotencyKey');
  if (notified.accountNo !== record.accountNo) out.push('accountNo');
  if (notified.orderId !== record.orderId) out.push('orderId');
  if (notified.amountFen !== record.amountFen) out.push('amountFen');
  if (Date.parse(notified.paidAt) !== Date.parse(record.paidAt)) out.push('paidAt');
  if (notified.payer.method !== record.payer.method) out.push('payer.method');
  return out;
}

/**
 * A money timestamp must lie in the bank's window: not after now (plus a little skew) and not
 * before what it refers to existed (the order placed, the account opened). Throws, naming the field.
 */
export function assertMoneyTime(
  field: string,
  at: Date,
  now: Date,
  notBefore?: { what: string; at: Date },
): void {
  const t = at.getTime();
  if (!Number.isFinite(t)) {
    throw new InvalidMoneyTime(`${field} is not a time`, {
      field,
      rule: 'a money timestamp is an ISO instant',
    });
  }
  if (t > now.getTime() + MONEY_CLOCK_SKEW_MS) {
    throw new InvalidMoneyTime(`${field} ${at.toISOString()} is in the future`, {
      field,
      rule: `a money timestamp is not after now (+${MONEY_CLOCK_SKEW_MS / 60_000} min clock skew)`,
    });
  }
  if (notBefore && t < notBefore.at.getTime() - MONEY_CLOCK_SKEW_MS) {
    throw new InvalidMoneyTime(
      `${field} ${at.toISOString()} is before ${notBefore.what} (${notBefore.at.toISOString()})`,
      {
        field,
        rule: `a money timestamp is not before ${notBefore.what}`,
      },
    );
  }
}

/** What fee supervision does with a payment the bank confirms. */
export type PaymentDecision = { kind: 'book' } | { kind: 'suspense'; reason: string };

/**
 * decide: a bank-confirmed payment is booked to its order only when it is exactly what the order
 * asks for; anything else (a second payment, a wrong amount, another account, a training loan, an
 * unknown order) is genuine money that lands in suspense (待查明款项), never silently unbooked.
 */
export function decidePayment(
  payment: Pick<BankPayment, 'accountNo' | 'amountFen' | 'payer'>,
  order: { status: string; amountFen: number; accountNo: string } | null,
): PaymentDecision {
  if (!order) return { kind: 'suspense', reason: 'no such order' };
  if (payment.accountNo !== order.accountNo)
    return { kind: 'suspense', reason: 'paid outside the institution’s supervised account' };
  if (payment.payer.method === 'training-loan')
    return { kind: 'suspense', reason: 'a training loan (培训贷) may not pay training fees' };
  if (order.status !== 'awaiting-payment') return { kind: 'suspense', reason: `order is ${order.status}` };
  if (payment.amountFen !== order.amountFen)
    return { kind: 'suspense', reason: `amount ${payment.amountFen} ≠ order ${order.amountFen}` };
  return { kind: 'book' };
}
