import { Inject, Injectable } from '@nestjs/common';
import { EventOrigin, RefundApproved, RefundRequested } from '@otr/contracts';
import { newId } from '@otr/kernel';
import { ClosureInProgress, InvalidRefundState, NotYours, refundStatus } from '../domain';
import { SqlClient } from '@otr/messaging';
import { FeesContext, LockedOrder } from './fees-context';
import {
  CLOSURES,
  ClosureStore,
  REFUNDS,
  RefundRepository,
  RefundRequestRecord,
  SupervisedAccount,
} from './ports';
import { MoneyMovements, refundRecord } from './money-movements';

type Actor = { familyId: string } | { institutionId: string } | { supervisor: true };

/**
 * Refunds (退费): the family asks, the institution agrees or disputes, silence for the rulebook's
 * working days counts as agreement, and an agreed refund is paid from the ledger to the original
 * account by its due date.
 */
@Injectable()
export class Refunds {
  constructor(
    private readonly fees: FeesContext,
    private readonly money: MoneyMovements,
    @Inject(REFUNDS) private readonly refunds: RefundRepository,
    @Inject(CLOSURES) private readonly closures: ClosureStore,
  ) {}

  async request(familyId: string, orderId: string, reason: string, origin: EventOrigin) {
    return this.fees.transaction(async (tx) => {
      const order = await this.money.lockOrder(tx, orderId);
      if (order.familyId !== familyId) throw new NotYours('order');
      const account = await this.fees.account(tx, order.institutionId);
      if (await this.closures.find(order.institutionId, tx)) {
        throw new ClosureInProgress('the closure playbook refunds every family of this institution', {
          rule: 'on revocation or closure every family’s balance is refunded in bulk',
          source: '教监管函〔2021〕2号 (预收费监管)',
        });
      }
      if (order.status !== 'paid') {
        throw new InvalidRefundState(`order ${orderId} is ${order.status}`, {
          field: 'orderId',
          rule: 'a refund is asked on a paid order',
        });
      }
      const open = await this.refunds.underWay(tx, orderId);
      if (open) {
        throw new InvalidRefundState(`order ${orderId} already has refund ${open.id} under way`, {
          field: 'orderId',
          rule: 'one refund request at a time per order',
        });
      }
      const today = this.fees.today();
      const rules = this.fees.rulesFor(account, today);
      const answerBy = this.fees.calendar.addWorkingDays(today, rules.refundDeemedConsentWorkingDays.value);
      const id = newId();
      await this.refunds.create(tx, {
        id,
        orderId,
        institutionId: order.institutionId,
        familyId,
        requestedOn: new Date(today),
        reason,
        status: 'awaiting-institution',
        answerBy: new Date(answerBy),
      });
      await this.fees.emit(
        tx,
        RefundRequested,
        account,
        id,
        {
          refundId: id,
          orderId,
          licenseId: account.licenseId,
          requestedOn: today,
          answerBy,
        },
        origin,
      );
      return { refundId: id, answerBy };
    });
  }

  /** The institution's answer; agreeing after the deadline is what silence already meant. */
  async answer(
    institutionId: string,
    refundId: string,
    answer: { kind: 'agreed' } | { kind: 'disputed'; reason: string },
    origin: EventOrigin,
  ) {
    const result = await this.onRefund(
      refundId,
      { institutionId },
      async (tx, { refund, order, account }) => {
        const today = this.fees.today();
        const rules = this.fees.rulesFor(account, today);
        if (refund.status !== 'awaiting-institution') {
          throw new InvalidRefundState(`refund ${refundId} is ${refund.status}`, {
            rule: 'the institution answers a refund request once',
          });
        }
        const s = refundStatus(
          { ...refundRecord(refund, order), answer: { ...answer, on: today } },
          today,
          rules,
          this.fees.calendar,
        );
        if (s.status === 'disputed') {
          await this.fees.rows.update(tx, 'refund_request', refundId, {
            status: 'disputed',
            answer_on: today,
            answer_reason: s.reason ?? null,
          });
          return { status: 'disputed' as const };
        }
        if (s.status !== 'agreed') throw new Error(`unexpected refund status ${s.status}`);
        await this.approve(tx, refund, account, { on: s.on, deemed: s.deemed, payBy: s.payBy }, origin);
        return { status: 'agreed' as const, payBy: s.payBy };
      },
    );
    if (result.status === 'agreed') await this.pay(refundId, { supervisor: true }, origin);
    return result;
  }

  /** The fund supervisor orders a disputed (or pending) refund: it is agreed by order of the supervisor. */
  async order(refundId: string, note: string, origin: EventOrigin) {
    await this.onRefund(refundId, { supervisor: true }, async (tx, { refund, order, account }) => {
      if (refund.status === 'paid' || refund.status === 'agreed') return;
      const today = this.fees.today();
      const rules = this.fees.rulesFor(account, today);
      const s = refundStatus(
        { ...refundRecord(refund, order), answer: { kind: 'agreed', on: today } },
        today,
        rules,
        this.fees.calendar,
      );
      const payBy = s.status === 'agreed' ? s.payBy : today;
      await this.fees.rows.update(tx, 'refund_request', refundId, { answer_reason: `ordered: ${note}` });
      await this.approve(tx, refund, account, { on: today, deemed: false, payBy }, origin);
    });
    return this.pay(refundId, { supervisor: true }, origin);
  }

  /** Pays an agreed refund; paying twice pays once. */
  async pay(refundId: string, actor: Actor, origin: EventOrigin) {
    return this.onRefund(refundId, actor, async (tx, locked) => {
      const { refund } = locked;
      if (refund.status === 'paid') return { status: 'paid', amountFen: Number(refund.amountFen ?? 0) };
      if (refund.status !== 'agreed') {
        throw new InvalidRefundState(`refund ${refundId} is ${refund.status}, not agreed`, {
          rule: 'a refund is paid once agreed, deemed agreed or ordered',
        });
      }
      const amountFen = await this.money.payRefund(tx, locked, refund, origin);
      return { status: 'paid', amountFen };
    });
  }

  /** Requests the institution left unanswered past the deadline are agreed (视为同意) and paid. */
  async sweepDeemedAgreements(origin: EventOrigin): Promise<{ agreed: number; paid: number }> {
    const today = this.fees.today();
    const due = await this.refunds.unansweredBefore(today);
    let agreed = 0;
    for (const id of due) {
      const done = await this.onRefund(id, { supervisor: true }, async (tx, { refund, order, account }) => {
        if (refund.status !== 'awaiting-institution') return false;
        const s = refundStatus(
          refundRecord(refund, order),
          today,
          this.fees.rulesFor(account, today),
          this.fees.calendar,
        );
        if (s.status !== 'agreed') return false;
        await this.approve(tx, refund, account, { on: s.on, deemed: true, payBy: s.payBy }, origin);
        return true;
      });
      if (done) agreed++;
    }
    const unpaid = await this.refunds.agreedUnpaid();
    let paid = 0;
    for (const id of unpaid) {
      await this.pay(id, { supervisor: true }, origin);
      paid++;
    }
    return { agreed, paid };
  }

  private async approve(
    tx: SqlClient,
    refund: RefundRequestRecord,
    account: SupervisedAccount,
    agreed: { on: string; deemed: boolean; payBy: string },
    origin: EventOrigin,
  ): Promise<void> {
    await this.fees.rows.update(tx, 'refund_request', refund.id, {
      status: 'agreed',
      deemed: agreed.deemed,
      answer_on: agreed.on,
      pay_by: agreed.payBy,
    });
    await this.fees.emit(
      tx,
      RefundApproved,
      account,
      refund.id,
      {
        refundId: refund.id,
        orderId: refund.orderId,
        licenseId: account.licenseId,
        approvedOn: agreed.on,
        deemed: agreed.deemed,
        payBy: agreed.payBy,
      },
      origin,
    );
  }

  /** Runs fn with the refund's order locked and the refund read under the lock, after checking who may act. */
  private async onRefund<T>(
    refundId: string,
    actor: Actor,
    fn: (tx: SqlClient, locked: LockedOrder<{ refundId: string }>) => Promise<T>,
  ): Promise<T> {
    return this.fees.onOrder({ refundId }, async (tx, locked) => {
      const { refund } = locked;
      if ('familyId' in actor && refund.familyId !== actor.familyId) throw new NotYours('refund request');
      if ('institutionId' in actor && refund.institutionId !== actor.institutionId)
        throw new NotYours('refund request');
      return fn(tx, locked);
    });
  }
}
