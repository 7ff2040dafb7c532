import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { PaymentReceived } from '@otr/contracts';
import { chinaDate, Money, newId } from '@otr/kernel';
import { z } from 'zod';
import { SqlClient } from '@otr/messaging';
import { FeeRecordNotFound, paymentReceived } from '../domain';
import { updateRow } from '../infrastructure/fees-rows';
import { FeesContext, systemOrigin } from './fees-context';

/** How far the bank's timestamp may be from our clock before a webhook counts as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

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

export type WebhookOutcome = 'applied' | 'duplicate' | 'forged' | 'stale' | 'rejected';

/** What the receipt log keeps of a body nobody signed: its size and SHA-256, never its bytes. */
export const unsignedBodySummary = (rawBody: string): string =>
  `unsigned body: ${Buffer.byteLength(rawBody)} bytes, sha256 ${createHash('sha256').update(rawBody).digest('hex')}`;

/** HMAC-SHA256 over `${timestamp}.${body}`, hex: what the bank signs and what we check. */
export const signWebhook = (secret: string, timestamp: string, rawBody: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');

/**
 * Payment notifications from the custodian bank. Only a signed, fresh notification is read; a
 * known idempotency key is a replay and changes nothing; every arrival, accepted or not, is kept
 * in the receipt log. The payment itself is a ledger transaction keyed by the bank's key.
 */
@Injectable()
export class PaymentWebhooks {
  constructor(
    private readonly fees: FeesContext,
    private readonly log: Logger,
    private readonly secret: string,
  ) {}

  async receive(hook: SignedWebhook): Promise<{ outcome: WebhookOutcome; reason?: string }> {
    const refuse = async (outcome: WebhookOutcome, reason: string, signed = true) => {
      this.log.warn({ outcome, reason, idempotencyKey: hook.idempotencyKey }, 'bank webhook not applied');
      // An unsigned body is anyone's: its size and hash are kept, not its bytes (nor a long key),
      // so forged requests cannot fill the receipt log's disk.
      await this.receipt(
        this.fees.prisma,
        signed ? (hook.idempotencyKey ?? null) : (hook.idempotencyKey?.slice(0, 128) ?? null),
        outcome,
        reason,
        signed ? hook.rawBody : unsignedBodySummary(hook.rawBody),
      );
      return { outcome, reason };
    };
    if (!hook.timestamp || !hook.signature || !this.validSignature(hook)) {
      return refuse('forged', 'signature missing or wrong', false);
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
    const result = await this.fees
      .onOrder({ orderId: body.orderId }, async (tx, { order, account }) => {
        const key = `payment:${body.idempotencyKey}`;
        const known = await tx.$queryRawUnsafe<unknown[]>(
          'SELECT 1 FROM fees.journal_transaction WHERE idempotency_key = $1',
          key,
        );
        if (known.length) return { outcome: 'duplicate' as const, reason: 'already applied' };
        if (body.accountNo !== account.bankAccountNo) {
          return {
            outcome: 'rejected' as const,
            reason: 'paid outside the institution’s supervised account',
          };
        }
        if (body.payer.method === 'training-loan') {
          return {
            outcome: 'rejected' as const,
            reason: 'a training loan (培训贷) may not pay training fees',
          };
        }
        if (order.status !== 'awaiting-payment') {
          return { outcome: 'rejected' as const, reason: `order is ${order.status}` };
        }
        if (BigInt(body.amountFen) !== order.amountFen) {
          return {
            outcome: 'rejected' as const,
            reason: `amount ${body.amountFen} ≠ order ${order.amountFen}`,
          };
        }
        const paidOn = chinaDate(new Date(body.paidAt));
        const ledgerTx = paymentReceived(order.id, Money.fen(body.amountFen), {
          id: newId(),
          idempotencyKey: key,
          on: paidOn,
          ref: body.idempotencyKey,
        });
        if (!(await this.fees.ledger.append(tx, account.institutionId, ledgerTx))) {
          return { outcome: 'duplicate' as const, reason: 'already applied' };
        }
        await updateRow(tx, 'fee_order', order.id, { status: 'paid' });
        await this.fees.emit(
          tx,
          PaymentReceived,
          account,
          order.id,
          {
            orderId: order.id,
            licenseId: account.licenseId,
            amountFen: body.amountFen,
            paidOn,
            bankReference: body.idempotencyKey,
          },
          systemOrigin('bank-webhook'),
        );
        await this.receipt(tx, body.idempotencyKey, 'applied', null, hook.rawBody);
        return { outcome: 'applied' as const };
      })
      .catch((error: unknown) => {
        if (error instanceof FeeRecordNotFound)
          return { outcome: 'rejected' as const, reason: error.message };
        throw error;
      });
    if (result.outcome === 'applied') return result;
    return refuse(result.outcome, result.reason ?? '');
  }

  private receipt(
    db: SqlClient,
    key: string | null,
    outcome: WebhookOutcome,
    reason: string | null,
    body: string,
  ) {
    return db.$executeRawUnsafe(
      'INSERT INTO fees.webhook_receipt (idempotency_key, outcome, reason, body) VALUES ($1, $2, $3, $4)',
      key,
      outcome,
      reason,
      body.slice(0, 10_000),
    );
  }

  private validSignature(hook: SignedWebhook): boolean {
    const expected = Buffer.from(signWebhook(this.secret, hook.timestamp!, hook.rawBody), 'hex');
    const given = Buffer.from(hook.signature!.replace(/^sha256=/, ''), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
