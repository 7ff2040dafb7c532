import { Injectable } from '@nestjs/common';
import { EventOrigin, FundsReleased, RefundPaid } from '@otr/contracts';
import { chinaDate, Money, newId } from '@otr/kernel';
import {
  ClosureInProgress,
  FeeRecordNotFound,
  LedgerTransaction,
  LessonRecord,
  OrderPosition,
  payRefund,
  refundPaid,
  RefundRequest,
  releaseLesson,
  TeachingMode,
} from '../domain';
import { SqlClient } from '@otr/messaging';
import { day, FeesContext, LockedOrder } from './fees-context';
import { FeeOrder, Lesson, RefundRequestRecord as RefundRow } from './ports';

export const lessonRecord = (l: Lesson): LessonRecord => ({
  id: l.id,
  orderId: l.orderId,
  date: day(l.date),
  start: l.start,
  durationMinutes: l.durationMinutes,
  mode: l.mode as TeachingMode,
  hours: l.hours,
  notifiedOn: chinaDate(l.recordedAt),
  ...(l.answer && l.answeredOn
    ? {
        answer: {
          kind: l.answer as 'confirmed' | 'disputed',
          on: day(l.answeredOn),
          ...(l.disputeReason ? { reason: l.disputeReason } : {}),
        },
      }
    : {}),
});

export const refundRecord = (r: RefundRow, order: Pick<FeeOrder, 'courseStartsOn'>): RefundRequest => ({
  id: r.id,
  orderId: r.orderId,
  requestedOn: day(r.requestedOn),
  courseStartsOn: day(order.courseStartsOn),
  ...(r.answerOn && (r.status === 'agreed' || r.status === 'disputed' || r.status === 'paid') && !r.deemed
    ? {
        answer: {
          kind: r.status === 'disputed' ? ('disputed' as const) : ('agreed' as const),
          on: day(r.answerOn),
          ...(r.answerReason ? { reason: r.answerReason } : {}),
        },
      }
    : {}),
});

/**
 * The moves of families' money, each inside the caller's transaction after it locked the order and
 * read its ledger (FeesContext.onOrder): the domain decides, the transaction is appended with its
 * bank instruction and event. Idempotency keys (release:<lesson>, refund:<request>) make a retry a no-op.
 */
@Injectable()
export class MoneyMovements {
  constructor(private readonly fees: FeesContext) {}

  /** Locks the order row for the rest of a Prisma transaction: writers of one order's money go one at a time. */
  async lockOrder(tx: SqlClient, orderId: string): Promise<FeeOrder> {
    const order = await this.fees.rows.lockOrder(tx, orderId);
    if (!order) throw new FeeRecordNotFound('order', orderId);
    return order;
  }

  /** Releases a confirmed (or deemed-confirmed) lesson's share of escrow to the institution; the amount comes from the ledger. */
  async release(tx: SqlClient, locked: LockedOrder, lesson: Lesson, origin: EventOrigin): Promise<number> {
    const { order, account, position } = locked;
    if (lesson.status === 'released') return 0;
    if (account.license === 'revoked' || account.license === 'closed') {
      throw new ClosureInProgress(`institution ${account.institutionId} is under the closure playbook`, {
        rule: 'after revocation or closure escrow is refunded to families, not released',
        source: '教监管函〔2021〕2号 (预收费监管)',
      });
    }
    const today = this.fees.today();
    const tx_ = releaseLesson(
      position,
      lessonRecord(lesson),
      today,
      this.fees.rulesFor(account, today),
      this.fees.calendar,
      { id: newId(), on: today },
    );
    if (!tx_) {
      // Nothing to move: a share that rounds to zero.
      await this.fees.rows.update(tx, 'lesson', lesson.id, { status: 'released' });
      return 0;
    }
    const amountFen = tx_.postings[0].amount.fen;
    const appended = await this.fees.ledger.append(tx, account.institutionId, tx_, {
      instruction: 'release',
      releasedLesson: lesson.id,
      // FundsReleased goes in the same statement, with the transaction or not at all.
      events: this.fees.stage(
        FundsReleased,
        account,
        order.id,
        {
          orderId: order.id,
          licenseId: account.licenseId,
          lessonId: lesson.id,
          amountFen,
          releasedOn: today,
        },
        origin,
      ),
    });
    if (!appended) {
      // Already released under this lesson's key.
      await this.fees.rows.update(tx, 'lesson', lesson.id, { status: 'released' });
      return 0;
    }
    return amountFen;
  }

  /** Pays an agreed refund to the family's original account: all escrow before the course starts, pro rata after. */
  async payRefund(
    tx: SqlClient,
    locked: LockedOrder,
    refund: RefundRow,
    origin: EventOrigin,
  ): Promise<number> {
    const { order, account, position } = locked;
    if (refund.status === 'paid') return Number(refund.amountFen ?? 0);
    const today = this.fees.today();
    let tx_: LedgerTransaction | undefined;
    if (refund.closure) {
      tx_ = this.closureRefund(position, refund, today);
    } else {
      const rules = this.fees.rulesFor(account, today);
      tx_ = payRefund(
        position,
        refundRecord(refund, order),
        await this.fees.rows.hoursTaughtNotReleased(tx, order.id),
        today,
        rules,
        this.fees.calendar,
        { id: newId(), on: today },
      );
    }
    const appended =
      tx_ && (await this.fees.ledger.append(tx, account.institutionId, tx_, { instruction: 'refund' }));
    const amountFen = tx_ && appended ? tx_.postings[0].amount.fen : 0;
    await this.fees.rows.update(tx, 'refund_request', refund.id, {
      status: 'paid',
      paid_on: today,
      amount_fen: amountFen,
    });
    if (position.escrow.subtract(Money.fen(amountFen)).isZero() && order.status === 'paid')
      await this.fees.rows.update(tx, 'fee_order', order.id, { status: 'refunded' });
    if (amountFen > 0) {
      await this.fees.emit(
        tx,
        RefundPaid,
        account,
        order.id,
        {
          refundId: refund.id,
          orderId: order.id,
          licenseId: account.licenseId,
          amountFen,
          paidOn: today,
        },
        origin,
      );
    }
    return amountFen;
  }

  /** The closure playbook refunds everything the order still holds, whatever was taught and not confirmed. */
  private closureRefund(
    position: OrderPosition,
    refund: RefundRow,
    today: string,
  ): LedgerTransaction | undefined {
    if (!position.escrow.greaterThan(Money.zero())) return undefined;
    return refundPaid(position.orderId, position.escrow, Math.max(position.hoursLeft, 0), {
      id: newId(),
      idempotencyKey: `refund:${refund.id}`,
      on: today,
      ref: refund.id,
    });
  }
}
