import { Inject, Injectable } from '@nestjs/common';
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
import { FeesContext, systemOrigin } from './fees-context';
import {
  ACCOUNTS,
  LockedSuspenseItem,
  SupervisedAccounts,
  SUSPENSE,
  SuspenseItem,
  SuspenseStore,
} from './ports';
import { RiskMonitor } from './risk-monitor';

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
    @Inject(SUSPENSE) private readonly items: SuspenseStore,
    @Inject(ACCOUNTS) private readonly accounts: SupervisedAccounts,
  ) {}

  /**
   * Books a refused, bank-confirmed payment into suspense with an alert; null when the money is in
   * no supervised account of ours, `duplicate` when the bank's reference is already held.
   */
  async receive(record: BankPayment, reason: string): Promise<{ id: string; duplicate: boolean } | null> {
    const account = await this.accounts.byBankAccountNo(record.accountNo);
    if (!account) return null;
    const paidAt = new Date(record.paidAt);
    return this.fees.transaction(async (tx) => {
      const id = newId();
      const inserted = await this.items.hold(tx, {
        id,
        institutionId: account.institutionId,
        bankReference: record.reference,
        namedOrderId: record.orderId,
        amountFen: record.amountFen,
        paidAt,
        payerAccount: record.payer.account,
        reason,
      });
      if (!inserted) {
        const known = await this.items.byReference(tx, record.reference);
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
    return this.items.list(institutionIds, status);
  }

  async item(id: string): Promise<SuspenseItem> {
    const item = await this.items.find(id);
    if (!item) throw new FeeRecordNotFound('suspense item', id);
    return item;
  }

  /** Pays the item back to its payer: a ledger transaction with its bank instruction, sent by the worker. */
  async refund(id: string, by: string, note: string) {
    return this.fees.transaction(async (tx) => {
      const item = await this.items.lock(tx, id);
      if (!item) throw new FeeRecordNotFound('suspense item', id);
      this.assertOpen(item);
      const account = await this.fees.account(tx, item.institutionId);
      await this.fees.ledger.append(
        tx,
        account.institutionId,
        suspenseRefunded(item.namedOrderId, Money.fen(Number(item.amountFen)), {
          id: newId(),
          idempotencyKey: `suspense-refund:${item.bankReference}`,
          on: this.fees.today(),
          ref: item.bankReference,
        }),
        { instruction: 'refund' },
      );
      return this.items.refunded(tx, id, { by, at: this.fees.clock.now(), note });
    });
  }

  /**
   * Matches the item to the order it was meant for, of the same institution, awaiting payment of
   * exactly the amount: it becomes that order's escrow as the payment would have, under the bank's
   * payment key, so a late redelivery of the same payment is a duplicate.
   */
  async match(id: string, orderId: string, by: string, note: string, origin: EventOrigin) {
    return this.fees.onOrder({ orderId }, async (tx, { order, account }) => {
      const item = await this.items.lock(tx, id);
      if (!item) throw new FeeRecordNotFound('suspense item', id);
      this.assertOpen(item);
      const refuse = (why: string) => {
        throw new SuspenseNotOpen(why, {
          field: 'orderId',
          rule: 'matched to an order of the same institution awaiting exactly this amount',
        });
      };
      if (order.institutionId !== item.institutionId) refuse(`order ${orderId} is another institution's`);
      if (order.status !== 'awaiting-payment') refuse(`order ${orderId} is ${order.status}`);
      if (order.amountFen !== item.amountFen)
        refuse(`order ${orderId} asks ${order.amountFen} fen, the payment is ${item.amountFen}`);
      const today = this.fees.today();
      await this.fees.ledger.append(
        tx,
        account.institutionId,
        suspenseMatched(order.id, Money.fen(Number(item.amountFen)), {
          id: newId(),
          idempotencyKey: `payment:${item.bankReference}`,
          on: today,
          ref: item.bankReference,
        }),
      );
      await this.items.matched(tx, id, order.id, { by, at: this.fees.clock.now(), note });
      await this.fees.orderPaid(
        tx,
        account,
        order.id,
        { amountFen: Number(item.amountFen), paidOn: today, bankReference: item.bankReference },
        origin,
      );
      return { id, status: 'matched', matchedOrderId: order.id };
    });
  }

  private assertOpen(item: LockedSuspenseItem): void {
    if (item.status !== 'open') {
      throw new SuspenseNotOpen(`suspense item ${item.id} is ${item.status}`, {
        field: 'id',
        rule: 'a suspense item is returned or matched once',
      });
    }
  }
}
