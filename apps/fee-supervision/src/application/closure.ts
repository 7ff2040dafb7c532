import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { EventOrigin, InstitutionFundsFrozen } from '@otr/contracts';
import { addDays, csvRow, Money } from '@otr/kernel';
import { creditorList, totalHours } from '../domain';
import { FEES_LOG, FeesContext } from './fees-context';
import {
  CLOSURES,
  ClosureStore,
  ORDERS,
  OrderRepository,
  REFUNDS,
  RefundRepository,
  SupervisedAccount,
  Tx,
} from './ports';
import { MoneyMovements } from './money-movements';
import { ClosureProgress } from './read-models';

export { ClosureProgress };

/**
 * The closure playbook (停办/吊销): freeze, list every family's refundable balance from the ledger,
 * refund them in bulk with visible progress, export the creditor list (债权人清单).
 */
@Injectable()
export class ClosurePlaybook {
  constructor(
    @Inject(FEES_LOG) private readonly log: Logger,
    private readonly fees: FeesContext,
    private readonly money: MoneyMovements,
    @Inject(CLOSURES) private readonly closures: ClosureStore,
    @Inject(ORDERS) private readonly orders: OrderRepository,
    @Inject(REFUNDS) private readonly refunds: RefundRepository,
  ) {}

  /** Freezes the account for good and turns every order's escrow into an agreed refund; once per institution. */
  async start(tx: Tx, account: SupervisedAccount, reason: string, origin: EventOrigin): Promise<void> {
    if (await this.closures.find(account.institutionId, tx)) return;
    const today = this.fees.today();
    const ledger = await this.fees.ledger.institutionLedger(tx, account.institutionId);
    const orders = await this.orders.ofInstitution(tx, account.institutionId);
    const list = creditorList(
      ledger,
      orders.map((o) => ({ orderId: o.id, familyId: o.familyId, totalHours: totalHours(o) })),
    );
    await this.closures.start(tx, { institutionId: account.institutionId, reason });
    await this.orders.closeAwaitingPayment(tx, account.institutionId);
    const payBy = addDays(today, this.fees.rulesFor(account, today).refundPayoutDaysAfterStart.value);
    const byOrder = new Map(orders.map((o) => [o.id, o]));
    await this.refunds.createMany(
      tx,
      list.creditors.flatMap((c) =>
        c.orders.map((claim) => ({
          id: crypto.randomUUID(),
          orderId: claim.orderId,
          institutionId: account.institutionId,
          familyId: byOrder.get(claim.orderId)?.familyId ?? c.familyId,
          requestedOn: new Date(today),
          reason: `closure: ${reason}`,
          status: 'agreed',
          answerOn: new Date(today),
          answerBy: new Date(today),
          payBy: new Date(payBy),
          amountFen: BigInt(claim.amount.fen),
          closure: true,
        })),
      ),
    );
    await this.frozen(tx, account, reason, list.escrowBalance.fen, true, origin);
  }

  /** Announces that the institution takes no new orders: for good under the playbook (closure), else until reinstated. */
  frozen(
    tx: Tx,
    account: { institutionId: string; licenseId: string },
    reason: string,
    escrowFen: number,
    closure: boolean,
    origin: EventOrigin,
  ): Promise<void> {
    return this.fees.emit(
      tx,
      InstitutionFundsFrozen,
      account,
      account.institutionId,
      { licenseId: account.licenseId, reason, escrowFen, closure },
      origin,
    );
  }

  /** Pays the outstanding closure refunds, one order per transaction, so a crash resumes where it stopped. */
  async runBulkRefunds(origin: EventOrigin, institutionId?: string): Promise<number> {
    const due = await this.refunds.closureClaimsDue(institutionId);
    let paid = 0;
    for (const claim of due) {
      try {
        await this.fees.onOrder({ refundId: claim.id }, (tx, locked) =>
          this.money.payRefund(tx, locked, locked.refund, origin),
        );
        paid++;
      } catch (error) {
        this.log.error({ err: error, refund: claim.id }, 'closure refund failed; retried on the next run');
      }
    }
    const institutions = [...new Set(due.map((d) => d.institutionId))];
    for (const id of institutions) {
      const left = await this.refunds.closureClaimsNotPaid(id);
      if (left === 0) await this.closures.complete(id, this.fees.clock.now());
    }
    return paid;
  }

  async progress(institutionId: string): Promise<ClosureProgress | null> {
    const closure = await this.closures.find(institutionId);
    if (!closure) return null;
    const claims = await this.refunds.closureClaims(institutionId);
    const escrow = (await this.fees.ledger.balances(this.fees.db, institutionId)).escrow;
    return {
      institutionId,
      status: closure.status as ClosureProgress['status'],
      reason: closure.reason,
      startedAt: closure.startedAt.toISOString(),
      completedAt: closure.completedAt?.toISOString() ?? null,
      families: new Set(claims.map((c) => c.familyId)).size,
      claims: claims.length,
      claimsPaid: claims.filter((c) => c.status === 'paid').length,
      totalFen: claims.reduce((n, c) => n + Number(c.amountFen ?? 0), 0),
      paidFen: claims.filter((c) => c.status === 'paid').reduce((n, c) => n + Number(c.amountFen ?? 0), 0),
      escrowFen: escrow,
    };
  }

  /** The creditor list as CSV: one line per family and order, phone masked, with what was owed and paid. */
  async creditorCsv(institutionId: string): Promise<string> {
    const claims = await this.refunds.closureClaims(institutionId);
    const families = await this.closures.families([...new Set(claims.map((c) => c.familyId))]);
    const phone = new Map(families.map((f) => [f.id, maskPhone(f.phone)]));
    const lines = claims.map((c) =>
      csvRow([
        c.familyId,
        phone.get(c.familyId) ?? '',
        c.orderId,
        Money.fen(Number(c.amountFen ?? 0)).toYuanString(),
        c.status === 'paid' ? 'paid' : 'outstanding',
        c.paidOn ? c.paidOn.toISOString().slice(0, 10) : '',
      ]),
    );
    return ['family_id,phone,order_id,amount_yuan,status,paid_on', ...lines].join('\n') + '\n';
  }
}

/** 138****5678: enough for a family to find itself on a published list, not enough to call it. */
export const maskPhone = (phone: string) =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
