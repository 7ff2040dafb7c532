import { Injectable } from '@nestjs/common';
import { EventOrigin } from '@otr/contracts';
import { chinaDate, Money, newId } from '@otr/kernel';
import {
  BankPayment,
  FeeRecordNotFound,
  suspenseMatched,
  suspenseReceived,
  suspenseRefunded,
  SuspenseNotOpen,
} from '../domain';
import { SuspenseItem } from '../infrastructure/prisma/generated/client';
import { FeesContext, systemOrigin } from './fees-context';
import { RiskMonitor } from './risk-monitor';

const LOCK_ITEM = 'SELECT * FROM fees.suspense_item WHERE id = $1::uuid FOR UPDATE';

interface ItemRow {
  id: string;
  institution_id: string;
  bank_reference: string;
  named_order_id: string;
  amount_fen: string;
  status: string;
}

/**
 * The suspense account (待查明款项): a payment the bank confirms but no order can take is booked
 * here, never left unbooked; the fund supervisor is alerted and either returns it to the payer
 * through the bank or matches it to the order it was meant for. Each act moves the item once.
 */
@Injectable()
export class SuspenseAccount {
  constructor(
    private readonly fees: FeesContext,
    private readonly risk: RiskMonitor,
  ) {}

  /**
   * Books a refused, bank-confirmed payment into suspense with an alert; null when the money is in
   * no supervised account of ours, `duplicate` when the bank's reference is already held.
   */
  async receive(record: BankPayment, reason: string): Promise<{ id: string; duplicate: boolean } | null> {
    const account = await this.fees.prisma.supervisedAccount.findUnique({
      where: { bankAccountNo: record.accountNo },
    });
    if (!account) return null;
    const paidAt = new Date(record.paidAt);
    return this.fees.transaction(async (tx) => {
      const id = newId();
      const inserted = await tx.$executeRawUnsafe(
        `INSERT INTO fees.suspense_item (id, institution_id, bank_reference, named_order_id, amount_fen, paid_at, payer_account, reason)
         VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5::bigint, $6::timestamptz, $7, $8)
         ON CONFLICT (bank_reference) DO NOTHING`,
        id,
        account.institutionId,
        record.reference,
        record.orderId,
        record.amountFen,
        paidAt,
        record.payer.account,
        reason,
      );
      if (!inserted) {
        const known = await tx.suspenseItem.findUniqueOrThrow({ where: { bankReference: record.reference } });
        return { id: known.id, duplicate: true };
      }
      await this.fees.ledger.append(
        tx,
        account.institutionId,
        suspenseReceived(record.orderId, Money.fen(record.amountFen), {
          id: newId(),
          idempotencyKey: `suspense:${record.reference}`,
          on: chinaDate(paidAt),
          ref: record.reference,
        }),
      );
      await this.risk.raise(
        tx,
        account,
        {
          code: 'payment-in-suspense',
          severity: 'critical',
          institutionId: account.institutionId,
          facts: {
            suspenseId: id,
            bankReference: record.reference,
            orderId: record.orderId,
            amountFen: record.amountFen,
            reason,
          },
        },
        `${account.institutionId}:payment-in-suspense:${record.reference}`,
        systemOrigin('bank-webhook'),
      );
      return { id, duplicate: false };
    });
  }

  /** The items of the given institutions, open ones first. */
  list(institutionIds: string[], status?: string): Promise<SuspenseItem[]> {
    return this.fees.prisma.suspenseItem.findMany({
      where: { institutionId: { in: institutionIds }, ...(status ? { status } : {}) },
      orderBy: [{ status: 'asc' }, { createdAt: 'asc' }],
      take: 500,
    });
  }

  async item(id: string): Promise<SuspenseItem> {
    const item = await this.fees.prisma.suspenseItem.findUnique({ where: { id } });
    if (!item) throw new FeeRecordNotFound('suspense item', id);
    return item;
  }

  /** Pays the item back to its payer: a ledger transaction with its bank instruction, sent by the worker. */
  async refund(id: string, by: string, note: string) {
    return this.fees.transaction(async (tx) => {
      const [item] = await tx.$queryRawUnsafe<ItemRow[]>(LOCK_ITEM, id);
      if (!item) throw new FeeRecordNotFound('suspense item', id);
      this.assertOpen(item);
      const account = await this.fees.account(tx, item.institution_id);
      await this.fees.ledger.append(
        tx,
        account.institutionId,
        suspenseRefunded(item.named_order_id, Money.fen(Number(item.amount_fen)), {
          id: newId(),
          idempotencyKey: `suspense-refund:${item.bank_reference}`,
          on: this.fees.today(),
          ref: item.bank_reference,
        }),
        { instruction: 'refund' },
      );
      return tx.suspenseItem.update({
        where: { id },
        data: { status: 'refunded', resolvedBy: by, resolvedAt: this.fees.clock.now(), note },
      });
    });
  }

  /**
   * Matches the item to the order it was meant for, of the same institution, awaiting payment of
   * exactly the amount: it becomes that order's escrow as the payment would have, under the bank's
   * payment key, so a late redelivery of the same payment is a duplicate.
   */
  async match(id: string, orderId: string, by: string, note: string, origin: EventOrigin) {
    return this.fees.onOrder({ orderId }, async (tx, { order, account }) => {
      const [item] = await tx.$queryRawUnsafe<ItemRow[]>(LOCK_ITEM, id);
      if (!item) throw new FeeRecordNotFound('suspense item', id);
      this.assertOpen(item);
      const refuse = (why: string) => {
        throw new SuspenseNotOpen(why, {
          field: 'orderId',
          rule: 'matched to an order of the same institution awaiting exactly this amount',
        });
      };
      if (order.institutionId !== item.institution_id) refuse(`order ${orderId} is another institution's`);
      if (order.status !== 'awaiting-payment') refuse(`order ${orderId} is ${order.status}`);
      if (order.amountFen !== BigInt(item.amount_fen))
        refuse(`order ${orderId} asks ${order.amountFen} fen, the payment is ${item.amount_fen}`);
      const today = this.fees.today();
      await this.fees.ledger.append(
        tx,
        account.institutionId,
        suspenseMatched(order.id, Money.fen(Number(item.amount_fen)), {
          id: newId(),
          idempotencyKey: `payment:${item.bank_reference}`,
          on: today,
          ref: item.bank_reference,
        }),
      );
      await tx.$executeRawUnsafe(
        `UPDATE fees.suspense_item SET status = 'matched', matched_order_id = $2::uuid, resolved_by = $3,
                resolved_at = $4::timestamptz, note = $5 WHERE id = $1::uuid`,
        id,
        order.id,
        by,
        this.fees.clock.now(),
        note,
      );
      await this.fees.orderPaid(
        tx,
        account,
        order.id,
        { amountFen: Number(item.amount_fen), paidOn: today, bankReference: item.bank_reference },
        origin,
      );
      return { id, status: 'matched', matchedOrderId: order.id };
    });
  }

  private assertOpen(item: ItemRow): void {
    if (item.status !== 'open') {
      throw new SuspenseNotOpen(`suspense item ${item.id} is ${item.status}`, {
        field: 'id',
        rule: 'a suspense item is returned or matched once',
      });
    }
  }
}
