import { Inject, Injectable } from '@nestjs/common';
import { Principal, ReadScope, readScopeOf, scopeCovers } from '@otr/auth';
import { FeeRecordNotFound, NotYours } from '../domain';
import { FeesContext } from './fees-context';
import { ClosurePlaybook } from './closure';
import {
  FeesReadModel,
  Page,
  READ_MODEL,
  REFUNDS,
  RefundRepository,
  RISK_ALERTS,
  RiskAlertStore,
} from './ports';

export type { Page };

/**
 * Which institutions the caller sees: an operator its own (none while unlinked), an official those
 * in their jurisdiction — the one policy of libs/auth.
 */
export type Scope = ReadScope;

export const scopeOf = (p: Principal): Scope => readScopeOf(p);

/** The console's and the operator's read side; money figures are always sums over the ledger. */
@Injectable()
export class FeesQueries {
  constructor(
    private readonly fees: FeesContext,
    private readonly closure: ClosurePlaybook,
    @Inject(READ_MODEL) private readonly read: FeesReadModel,
    @Inject(REFUNDS) private readonly refundRequests: RefundRepository,
    @Inject(RISK_ALERTS) private readonly riskAlerts: RiskAlertStore,
  ) {}

  /** Institutions the scope covers, optionally just one (checked against the scope). */
  async institutionIds(scope: Scope, only?: string): Promise<string[]> {
    if ('institutionId' in scope) {
      if (only && only !== scope.institutionId) throw new NotYours('institution');
      return [scope.institutionId];
    }
    return this.read.institutionsIn(scope.jurisdiction, only);
  }

  async accounts(p: Principal, filter: { q?: string } & Page) {
    return this.read.accounts(p.jurisdiction, filter);
  }

  async account(scope: Scope, institutionId: string) {
    await this.visible(scope, institutionId);
    const account = await this.fees.account(this.fees.db, institutionId);
    const balances = await this.fees.ledger.balances(this.fees.db, institutionId);
    const requiredReserveFen =
      account.mode === 'risk-reserve' ? this.fees.rulesFor(account).riskReserve?.value : undefined;
    return { ...account, balances, requiredReserveFen, closure: await this.closure.progress(institutionId) };
  }

  async balancesOverTime(scope: Scope, institutionId: string, from: string, to: string) {
    await this.visible(scope, institutionId);
    return this.fees.ledger.escrowOverTime(this.fees.db, institutionId, from, to);
  }

  async orders(scope: Scope, filter: { institutionId?: string; status?: string } & Page) {
    const ids = await this.institutionIds(scope, filter.institutionId);
    const { items, total } = await this.read.orders(ids, filter);
    const escrow = await this.read.escrowByOrder(items.map((o) => o.id));
    return { total, items: items.map((o) => ({ ...plain(o), escrowFen: escrow.get(o.id) ?? 0 })) };
  }

  async lessons(scope: Scope, filter: { institutionId?: string; status?: string; orderId?: string } & Page) {
    const ids = await this.institutionIds(scope, filter.institutionId);
    const { items, total } = await this.read.lessons(ids, filter);
    return { total, items: items.map(plain) };
  }

  async refunds(scope: Scope, filter: { institutionId?: string; status?: string } & Page) {
    const ids = await this.institutionIds(scope, filter.institutionId);
    const { items, total } = await this.read.refunds(ids, filter);
    const today = this.fees.today();
    return {
      total,
      items: items.map((r) => ({
        ...plain(r),
        overdue: r.status === 'agreed' && !!r.payBy && today > r.payBy.toISOString().slice(0, 10),
      })),
    };
  }

  /**
   * Ranked: critical first, then the longest open, so one refund burst is not buried under standing
   * shortfalls. Alerts accrue without bound, so besides limit/offset the list pages by keyset:
   * `after` is the last alert of a page (nextCursor). `district` narrows to the institutions of a
   * district (and those under it) within the caller's scope.
   */
  async alerts(
    scope: Scope,
    filter: {
      institutionId?: string;
      district?: string;
      state?: string;
      rule?: string;
      severity?: string;
      after?: string;
    } & Page,
  ) {
    let ids = await this.institutionIds(scope, filter.institutionId);
    if (filter.district) {
      const inDistrict = new Set(await this.read.institutionsIn(filter.district));
      ids = ids.filter((id) => inDistrict.has(id));
    }
    const { items: rows, total } = await this.read.alerts(ids, filter);
    const items = rows.slice(0, filter.limit);
    const nextCursor = rows.length > filter.limit ? items[items.length - 1].id : null;
    return { total, items: items.map(plain), nextCursor };
  }

  /**
   * The console dashboard's fund-alert panel, over the caller's jurisdiction: alerts not closed
   * yet (open or acknowledged: 未处置), by rule and by the institution's district.
   */
  async stats(jurisdiction: string) {
    const rows = await this.read.openAlerts(jurisdiction);
    const sum = (key: 'code' | 'district') => {
      const by = new Map<string, number>();
      for (const r of rows) by.set(r[key], (by.get(r[key]) ?? 0) + r.n);
      return [...by].sort(([a], [b]) => a.localeCompare(b));
    };
    return {
      openAlerts: rows.reduce((n, r) => n + r.n, 0),
      byRule: sum('code').map(([rule, count]) => ({ rule, count })),
      byDistrict: sum('district').map(([district, openAlerts]) => ({ district, openAlerts })),
    };
  }

  async refundById(refundId: string) {
    const refund = await this.refundRequests.find(refundId);
    if (!refund) throw new FeeRecordNotFound('refund request', refundId);
    return refund;
  }

  async alertInScope(scope: Scope, alertId: string) {
    const alert = await this.riskAlerts.find(alertId);
    if (!alert) throw new FeeRecordNotFound('alert', alertId);
    await this.visible(scope, alert.institutionId);
  }

  async reconciliations(scope: Scope, filter: { institutionId?: string; result?: string } & Page) {
    const ids = await this.institutionIds(scope, filter.institutionId);
    const { items, total } = await this.read.reconciliations(ids, filter);
    return { total, items: items.map(plain) };
  }

  async closures(scope: Scope) {
    const ids = await this.institutionIds(scope);
    const rows = await this.read.closures(ids);
    const items = (await Promise.all(rows.map((id) => this.closure.progress(id)))).filter((c) => c !== null);
    return { items, total: items.length };
  }

  async courses(scope: Scope, institutionId?: string) {
    const ids = await this.institutionIds(scope, institutionId);
    const items = (await this.read.courses(ids)).map(plain);
    return { items, total: items.length };
  }

  /** A family's own orders with what each still holds, its lessons, its refunds and the family's rating. */
  async familyOrders(familyId: string) {
    const { orders, lessons, refunds, ratings, accounts } = await this.read.familyOrders(familyId);
    const escrow = await this.read.escrowByOrder(orders.map((o) => o.id));
    const names = new Map(accounts.map((a) => [a.institutionId, a]));
    const rated = new Map(
      ratings.map((r) => [r.orderId, { stars: r.stars, ratedAt: r.ratedAt.toISOString() }]),
    );
    const items = orders.map((o) => ({
      ...plain(o),
      institutionName: names.get(o.institutionId)?.institutionName,
      payInto: names.get(o.institutionId)?.bankAccountNo,
      escrowFen: escrow.get(o.id) ?? 0,
      lessons: lessons.filter((l) => l.orderId === o.id).map(plain),
      refunds: refunds.filter((r) => r.orderId === o.id).map(plain),
      rating: rated.get(o.id) ?? null,
    }));
    return { items, total: items.length };
  }

  async visible(scope: Scope, institutionId: string): Promise<void> {
    if ('institutionId' in scope) {
      if (!scopeCovers(scope, { institutionId, district: '' })) throw new NotYours('institution');
      return;
    }
    const account = await this.fees.account(this.fees.db, institutionId);
    if (!scopeCovers(scope, { institutionId, district: account.district })) {
      throw new NotYours('institution outside your jurisdiction');
    }
  }
}

/** A row with BigInt fen columns as numbers and DATE columns as 'YYYY-MM-DD', ready for JSON. */
export function plain<T extends object>(row: T): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      typeof v === 'bigint'
        ? Number(v)
        : v instanceof Date && DATE_FIELDS.has(k)
          ? v.toISOString().slice(0, 10)
          : v,
    ]),
  );
}

const DATE_FIELDS = new Set([
  'date',
  'on',
  'courseStartsOn',
  'placedOn',
  'answeredOn',
  'confirmBy',
  'requestedOn',
  'answerOn',
  'answerBy',
  'payBy',
  'paidOn',
  'statementDate',
]);
