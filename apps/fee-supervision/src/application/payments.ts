import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { chinaDate, Money, newId } from '@otr/kernel';
import { z } from 'zod';
import {
  assertMoneyTime,
  BankPayment,
  decidePayment,
  differencesFromBankRecord,
  FeeRecordNotFound,
  InvalidMoneyTime,
  paymentReceived,
} from '../domain';
import { day, FeesContext, systemOrigin } from './fees-context';
import { BankRecords, CustodianBank } from './ports';
import { SuspenseAccount } from './suspense';

/** How far the bank's timestamp may be from our clock before a webhook counts as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** How long after a payment the bank may still notify it (retries included): older is not the bank's. */
export const BANK_NOTICE_WINDOW_DAYS = 30;

export const PaymentNotification = z.object({
  type: z.literal('payment.received'),
  idempotencyKey: z.string().min(8).max(200),
  accountNo: z.string().min(1),
  orderId: z.uuid(),
  amountFen: z.number().int().positive(),
  paidAt: z.iso.datetime({ offset: true }),
  payer: z.object({ account: z.string().min(1), method: z.enum(['direct', 'training-loan']) }),
});
export type PaymentNotification = z.infer<typeof PaymentNotification>;

export interface SignedWebhook {
  rawBody: string;
  timestamp?: string;
  signature?: string;
  idempotencyKey?: string;
}

/**
 * applied: booked to its order; suspense: genuine but refused, held in suspense; duplicate: a
 * replay; forged: not signed by the bank or not what the bank's record says; stale: an old
 * signature; invalid: a money time outside the bank's window (422); rejected: unreadable;
 * unverified: the bank could not be asked (the bank retries).
 */
export type WebhookOutcome =
  'applied' | 'suspense' | 'duplicate' | 'forged' | 'stale' | 'invalid' | 'rejected' | 'unverified';

/** What the receipt log keeps of a body nobody signed: its size and SHA-256, never its bytes. */
export const unsignedBodySummary = (rawBody: string): string =>
  `unsigned body: ${Buffer.byteLength(rawBody)} bytes, sha256 ${createHash('sha256').update(rawBody).digest('hex')}`;

/** HMAC-SHA256 over `${timestamp}.${body}`, hex: what the bank signs and what we check. */
export const signWebhook = (secret: string, timestamp: string, rawBody: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');

/**
 * Payment notifications from the custodian bank. Only a signed, fresh notification is read, and
 * it is booked only when the bank's own record of the transaction (asked through the CustodianBank
 * port) agrees with it in reference, account, order, amount, payer method and time: a signature
 * alone is not the bank's word. A known idempotency key is a replay and changes nothing. A genuine
 * payment that its order cannot take lands in suspense (待查明款项) with an alert to the fund
 * supervisor. Every arrival, accepted or not, is kept in the receipt log.
 */
@Injectable()
export class PaymentWebhooks {
  constructor(
    private readonly fees: FeesContext,
    private readonly log: Logger,
    private readonly secret: string,
    private readonly bank: CustodianBank | null,
    private readonly suspense: SuspenseAccount,
    private readonly records: BankRecords,
  ) {}

  async receive(hook: SignedWebhook): Promise<{
    outcome: WebhookOutcome;
    reason?: string;
    field?: string;
    suspenseId?: string;
  }> {
    const refuse = async (outcome: WebhookOutcome, reason: string, field?: string, signed = true) => {
      this.log.warn({ outcome, reason, idempotencyKey: hook.idempotencyKey }, 'bank webhook not applied');
      // An unsigned body is anyone's: its size and hash are kept, not its bytes (nor a long key),
      // so forged requests cannot fill the receipt log's disk.
      await this.records.receipt({
        key: signed ? (hook.idempotencyKey ?? null) : (hook.idempotencyKey?.slice(0, 128) ?? null),
        outcome,
        reason,
        body: signed ? hook.rawBody : unsignedBodySummary(hook.rawBody),
      });
      return { outcome, reason, ...(field ? { field } : {}) };
    };
    if (!hook.timestamp || !hook.signature || !this.validSignature(hook)) {
      return refuse('forged', 'signature missing or wrong', undefined, false);
    }
    const age = Math.abs(this.fees.clock.now().getTime() / 1000 - Number(hook.timestamp));
    if (!Number.isFinite(age) || age > WEBHOOK_TOLERANCE_SECONDS) {
      return refuse('stale', `timestamp ${hook.timestamp} outside ±${WEBHOOK_TOLERANCE_SECONDS} s`);
    }
    let body: PaymentNotification;
    try {
      body = PaymentNotification.parse(JSON.parse(hook.rawBody));
    } catch (error) {
      return refuse('rejected', `not a payment notification: ${(error as Error).message.slice(0, 300)}`);
    }
    if (hook.idempotencyKey !== body.idempotencyKey)
      return refuse('rejected', 'idempotency key header ≠ body');
    try {
      const now = this.fees.clock.now();
      assertMoneyTime('paidAt', new Date(body.paidAt), now, {
        what: `the bank's notification window (${BANK_NOTICE_WINDOW_DAYS} days)`,
        at: new Date(now.getTime() - BANK_NOTICE_WINDOW_DAYS * 86_400_000),
      });
    } catch (error) {
      if (error instanceof InvalidMoneyTime) return refuse('invalid', error.message, 'paidAt');
      throw error;
    }
    const key = `payment:${body.idempotencyKey}`;
    if (await this.records.paymentKnown(body.idempotencyKey)) {
      return refuse('duplicate', 'already applied');
    }
    // Money moves only on the bank's word: its own record of this transaction, field by field.
    if (!this.bank)
      return refuse('unverified', 'no custodian bank to confirm the payment with (FEES_BANK_URL)');
    const notified: BankPayment = { reference: body.idempotencyKey, ...body };
    const record = await this.bank.payment(body.idempotencyKey).catch((error: Error) => {
      this.log.warn({ err: error, idempotencyKey: body.idempotencyKey }, 'bank record not available');
      return undefined;
    });
    if (record === undefined) return refuse('unverified', 'the bank did not answer; it retries');
    if (record === null) return refuse('forged', `the bank has no payment ${body.idempotencyKey}`);
    const differs = differencesFromBankRecord(notified, record);
    if (differs.length) return refuse('forged', `differs from the bank’s record in ${differs.join(', ')}`);

    const result = await this.fees
      .onOrder({ orderId: body.orderId }, async (tx, { order, account }) => {
        // Again under the order's lock: a redelivery racing this one may have booked it meanwhile,
        // and must not find the order paid and put the same money in suspense as well.
        if (await this.records.paymentKnown(record.reference, tx)) return { kind: 'duplicate' as const };
        const paidAt = new Date(record.paidAt);
        // Not before the order was placed: a payment cannot predate what it pays for.
        assertMoneyTime('paidAt', paidAt, this.fees.clock.now(), {
          what: 'the order was placed',
          at: new Date(`${day(order.placedOn)}T00:00:00+08:00`),
        });
        const decision = decidePayment(record, {
          status: order.status,
          amountFen: Number(order.amountFen),
          accountNo: account.bankAccountNo,
        });
        if (decision.kind === 'suspense') return decision;
        const paidOn = chinaDate(paidAt);
        const ledgerTx = paymentReceived(order.id, Money.fen(record.amountFen), {
          id: newId(),
          idempotencyKey: key,
          on: paidOn,
          ref: record.reference,
        });
        if (!(await this.fees.ledger.append(tx, account.institutionId, ledgerTx))) {
          return { kind: 'duplicate' as const };
        }
        await this.fees.orderPaid(
          tx,
          account,
          order.id,
          { amountFen: record.amountFen, paidOn, bankReference: record.reference },
          systemOrigin('bank-webhook'),
        );
        await this.records.receipt(
          { key: record.reference, outcome: 'applied', reason: null, body: hook.rawBody },
          tx,
        );
        return { kind: 'applied' as const };
      })
      .catch((error: unknown) => {
        if (error instanceof FeeRecordNotFound) return { kind: 'suspense' as const, reason: error.message };
        if (error instanceof InvalidMoneyTime) return { kind: 'invalid' as const, reason: error.message };
        throw error;
      });
    if (result.kind === 'applied') return { outcome: 'applied' };
    if (result.kind === 'duplicate') return refuse('duplicate', 'already applied');
    if (result.kind === 'invalid') return refuse('invalid', result.reason, 'paidAt');
    // Genuine money the order cannot take: acknowledged, held in suspense, alerted, never invisible.
    const item = await this.suspense.receive(record, result.reason);
    if (!item) return refuse('rejected', `account ${record.accountNo} is no supervised account`);
    if (item.duplicate) return refuse('duplicate', 'already in suspense');
    await this.records.receipt({
      key: record.reference,
      outcome: 'suspense',
      reason: result.reason,
      body: hook.rawBody,
    });
    return { outcome: 'suspense', reason: result.reason, suspenseId: item.id };
  }

  private validSignature(hook: SignedWebhook): boolean {
    const expected = Buffer.from(signWebhook(this.secret, hook.timestamp!, hook.rawBody), 'hex');
    const given = Buffer.from(hook.signature!.replace(/^sha256=/, ''), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
