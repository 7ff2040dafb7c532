import { Injectable } from '@nestjs/common';
import { Principal, ReadScope, readScopeOf, scopeCovers } from '@otr/auth';
import { FeeRecordNotFound, NotYours } from '../domain';
import { FeesContext } from './fees-context';
import { ClosurePlaybook } from './closure';

export interface Page {
  limit: number;
  offset: number;
}

/**
 * Which institutions the caller sees: an operator its own (none while unlinked), an official those
 * in their jurisdiction — the one policy of libs/auth.
 */
export type Scope = ReadScope;

export const scopeOf = (p: Principal): Scope => readScopeOf(p);

const jurisdictionSql = `(a.district = $1 OR a.district LIKE $1 || '-%')`;

/** The console's and the operator's read side; money figures are always sums over the ledger. */
@Injectable()
export class FeesQueries {
  constructor(
    private readonly fees: FeesContext,
    private readonly closure: ClosurePlaybook,
  ) {}

  /** Institutions the scope covers, optionally just one (checked against the scope). */
  async institutionIds(scope: Scope, only?: string): Promise<string[]> {
    if ('institutionId' in scope) {
      if (only && only !== scope.institutionId) throw new NotYours('institution');
      return [scope.institutionId];
    }
    const rows = await this.fees.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT a.institution_id AS id FROM fees.supervised_account a WHERE ${jurisdictionSql}
       AND ($2::uuid IS NULL OR a.institution_id = $2::uuid)`,
      scope.jurisdiction,
      only ?? null,
    );
    return rows.map((r) => r.id);
  }

  async accounts(p: Principal, filter: { q?: string } & Page) {
    const rows = await this.fees.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT a.institution_id AS "institutionId", a.institution_name AS "institutionName",
              a.license_number AS "licenseNumber", a.license_id AS "licenseId", a.district, a.category, a.mode,
              a.bank_account_no AS "bankAccountNo", a.license, a.enrolling_stopped AS "enrollingStopped",
              a.blacklisted, a.capacity_seats AS "capacitySeats",
              coalesce(b.escrow, 0)::int8::text AS "escrowFen", coalesce(b.settlement, 0)::int8::text AS "releasedFen",
              coalesce(-b.clearing, 0)::int8::text AS "familiesNetPaidFen",
              coalesce(b.reserve, 0)::int8::text AS "riskReserveFen",
              count(*) OVER () AS total
       FROM fees.supervised_account a
       LEFT JOIN (SELECT institution_id,
                         sum(amount_fen) FILTER (WHERE account = 'escrow') AS escrow,
                         sum(amount_fen) FILTER (WHERE account = 'settlement') AS settlement,
                         sum(amount_fen) FILTER (WHERE account = 'family-clearing') AS clearing,
                         sum(amount_fen) FILTER (WHERE account = 'risk-reserve') AS reserve
                  FROM fees.posting GROUP BY institution_id) b ON b.institution_id = a.institution_id
       WHERE ${jurisdictionSql} AND ($2::text IS NULL OR a.institution_name LIKE '%' || $2 || '%')
       ORDER BY a.institution_name LIMIT $3 OFFSET $4`,
      p.jurisdiction,
      filter.q ?? null,
      filter.limit,
      filter.offset,
    );
    const total = rows.length ? Number(rows[0].total) : 0;
    return {
      total,
      items: rows.map(({ total: _, ...r }) => ({
        ...r,
        escrowFen: Number(r.escrowFen),
        releasedFen: Number(r.releasedFen),
        familiesNetPaidFen: Number(r.familiesNetPaidFen),
        riskReserveFen: Number(r.riskReserveFen),
      })),
    };
  }

  async account(scope: Scope, institutionId: string) {
    await this.visible(scope, institutionId);
    const account = await this.fees.account(this.fees.prisma, institutionId);
    const balances = await this.fees.ledger.balances(this.fees.prisma, institutionId);
    const requiredReserveFen =
      account.mode === 'risk-reserve' ? this.fees.rulesFor(account).riskReserve?.value : undefined;
    return { ...account, balances, requiredReserveFen, closure: await this.closure.progress(institutionId) };
  }

  async balancesOverTime(scope: Scope, institutionId: string, from: string, to: string) {
    await this.visible(scope, institutionId);
    return this.fees.ledger.escrowOverTime(this.fees.prisma, institutionId, from, to);
  }

  async orders(scope: Scope, filter: { institutionId?: string; status?: string } & Page) {
    const ids = await this.institutionIds(scope, filter.institutionId);
    const where = { institutionId: { in: ids }, ...(filter.status ? { status: filter.status } : {}) };
    const [items, total] = await Promise.all([
      this.fees.prisma.feeOrder.findMany({
        where,
        orderBy: { createdAt: 'desc' },
        take: filter.limit,
        skip: filter.offset,
      }),
      this.fees.prisma.feeOrder.count({ where }),
    ]);
    const escrow = await this.escrowByOrder(items.map((o) => o.id));
    return { total, items: items.map((o) => ({ ...plain(o), escrowFen: escrow.get(o.id) ?? 0 })) };
  }

  async lessons(scope: Scope, filter: { institutionId?: string; status?: string; orderId?: string } & Page) {
    const ids = await this.institutionIds(scope, filter.institutionId);
    const where = {
      institutionId: { in: ids },
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.orderId ? { orderId: filter.orderId } : {}),
    };
    const [items, total] = await Promise.all([
      this.fees.prisma.lesson.findMany({
        where,
        orderBy: { date: 'desc' },
        take: filter.limit,
        skip: filter.offset,
      }),
      this.fees.prisma.lesson.count({ where }),
    ]);
    return { total, items: items.map(plain) };
  }

  async refunds(scope: Scope, filter: { institutionId?: string; status?: string } & Page) {
    const ids = await this.institutionIds(scope, filter.institutionId);
    const where = { institutionId: { in: ids }, ...(filter.status ? { status: filter.status } : {}) };
    const [items, total] = await Promise.all([
      this.fees.prisma.refundRequest.findMany({
        where,
        orderBy: { createdAt: 'desc' },
        take: filter.limit,
        skip: filter.offset,
      }),
      this.fees.prisma.refundRequest.count({ where }),
    ]);
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
   * Newest first. Alerts accrue without bound, so besides limit/offset the list pages by keyset:
   * `after` is the last alert of a page (nextCursor), the database comparing its own timestamps.
   */
  async alerts(scope: Scope, filter: { institutionId?: string; state?: string; after?: string } & Page) {
    const ids = await this.institutionIds(scope, filter.institutionId);
    const where = { institutionId: { in: ids }, ...(filter.state ? { state: filter.state } : {}) };
    const [rows, total] = await Promise.all([
      this.fees.prisma.riskAlert.findMany({
        where,
        orderBy: [{ raisedAt: 'desc' }, { id: 'asc' }],
        ...(filter.after ? { cursor: { id: filter.after }, skip: 1 } : { skip: filter.offset }),
        take: filter.limit + 1,
      }),
      this.fees.prisma.riskAlert.count({ where }),
    ]);
    const items = rows.slice(0, filter.limit);
    const nextCursor = rows.length > filter.limit ? items[items.length - 1].id : null;
    return { total, items: items.map(plain), nextCursor };
  }

  /**
   * The console dashboard's fund-alert panel, over the caller's jurisdiction: alerts not closed
   * yet (open or acknowledged: 未处置), by rule and by the institution's district.
   */
  async stats(jurisdiction: string) {
    const rows = await this.fees.prisma.$queryRawUnsafe<{ code: string; district: string; n: number }[]>(
      `SELECT r.code, a.district, count(*)::int AS n
       FROM fees.risk_alert r JOIN fees.supervised_account a ON a.institution_id = r.institution_id
       WHERE r.state <> 'closed' AND ${jurisdictionSql}
       GROUP BY r.code, a.district`,
      jurisdiction,
    );
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
    const refund = await this.fees.prisma.refundRequest.findUnique({ where: { id: refundId } });
    if (!refund) throw new FeeRecordNotFound('refund request', refundId);
    return refund;
  }

  async alertInScope(scope: Scope, alertId: string) {
    const alert = await this.fees.prisma.riskAlert.findUnique({ where: { id: alertId } });
    if (!alert) throw new FeeRecordNotFound('alert', alertId);
    await this.visible(scope, alert.institutionId);
  }

  async reconciliations(scope: Scope, filter: { institutionId?: string; result?: string } & Page) {
    const ids = await this.institutionIds(scope, filter.institutionId);
    const where = { institutionId: { in: ids }, ...(filter.result ? { result: filter.result } : {}) };
    const [items, total] = await Promise.all([
      this.fees.prisma.reconciliationRun.findMany({
        where,
        orderBy: { ranAt: 'desc' },
        take: filter.limit,
        skip: filter.offset,
      }),
      this.fees.prisma.reconciliationRun.count({ where }),
    ]);
    return { total, items: items.map(plain) };
  }

  async closures(scope: Scope) {
    const ids = await this.institutionIds(scope);
    const rows = await this.fees.prisma.closure.findMany({
      where: { institutionId: { in: ids } },
      orderBy: { startedAt: 'desc' },
    });
    const items = (await Promise.all(rows.map((c) => this.closure.progress(c.institutionId)))).filter(
      (c) => c !== null,
    );
    return { items, total: items.length };
  }

  async courses(scope: Scope, institutionId?: string) {
    const ids = await this.institutionIds(scope, institutionId);
    const items = (
      await this.fees.prisma.course.findMany({
        where: { institutionId: { in: ids } },
        orderBy: { name: 'asc' },
      })
    ).map(plain);
    return { items, total: items.length };
  }

  /** A family's own orders with what each still holds, its lessons, its refunds and the family's rating. */
  async familyOrders(familyId: string) {
    const orders = await this.fees.prisma.feeOrder.findMany({
      where: { familyId },
      orderBy: { createdAt: 'desc' },
    });
    const ids = orders.map((o) => o.id);
    const [lessons, refunds, ratings, accounts, escrow] = await Promise.all([
      this.fees.prisma.lesson.findMany({ where: { orderId: { in: ids } }, orderBy: { date: 'asc' } }),
      this.fees.prisma.refundRequest.findMany({ where: { orderId: { in: ids } } }),
      this.fees.prisma.orderRating.findMany({ where: { orderId: { in: ids } } }),
      this.fees.prisma.supervisedAccount.findMany({
        where: { institutionId: { in: orders.map((o) => o.institutionId) } },
      }),
      this.escrowByOrder(ids),
    ]);
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
    const account = await this.fees.account(this.fees.prisma, institutionId);
    if (!scopeCovers(scope, { institutionId, district: account.district })) {
      throw new NotYours('institution outside your jurisdiction');
    }
  }

  private async escrowByOrder(orderIds: string[]): Promise<Map<string, number>> {
    if (!orderIds.length) return new Map();
    const rows = await this.fees.prisma.$queryRawUnsafe<{ order_id: string; fen: string }[]>(
      `SELECT order_id, sum(amount_fen)::text AS fen FROM fees.posting
       WHERE account = 'escrow' AND order_id = ANY($1::uuid[]) GROUP BY order_id`,
      orderIds,
    );
    return new Map(rows.map((r) => [r.order_id, Number(r.fen)]));
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
