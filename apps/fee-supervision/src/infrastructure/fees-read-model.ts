import {
  Course,
  FeeOrder,
  FeesReadModel,
  Lesson,
  Page,
  Paged,
  ReconciliationRun,
  RefundRequestRecord,
  RiskAlertRecord,
  SupervisedAccount,
} from '../application/ports';
import { FeesPrisma } from './fees-prisma';

const jurisdictionSql = `(a.district = $1 OR a.district LIKE $1 || '-%')`;

/** Severity as the console ranks it (severityRank in the domain): critical, warning, info. */
const RANK = `CASE r.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

const ALERT = `r.id, r.institution_id AS "institutionId", r.code, r.severity, r.facts, r.source,
  r.dedupe_key AS "dedupeKey", r.state, r.note, r.raised_at AS "raisedAt", r.acknowledged_by AS "acknowledgedBy",
  r.acknowledged_at AS "acknowledgedAt", r.closed_by AS "closedBy", r.closed_at AS "closedAt",
  r.last_seen_at AS "lastSeenAt", r.cleared_at AS "clearedAt"`;

/** The read side in SQL over the `fees` schema; money figures are always sums over the ledger. */
export class PrismaFeesReadModel implements FeesReadModel {
  constructor(private readonly prisma: FeesPrisma) {}

  async institutionsIn(jurisdiction: string, only?: string): Promise<string[]> {
    const rows = await this.prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT a.institution_id AS id FROM fees.supervised_account a WHERE ${jurisdictionSql}
       AND ($2::uuid IS NULL OR a.institution_id = $2::uuid)`,
      jurisdiction,
      only ?? null,
    );
    return rows.map((r) => r.id);
  }

  async accounts(
    jurisdiction: string | undefined,
    filter: { q?: string } & Page,
  ): Promise<Paged<Record<string, unknown>>> {
    const rows = await this.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
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
      jurisdiction,
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

  async orders(institutionIds: string[], filter: { status?: string } & Page): Promise<Paged<FeeOrder>> {
    const where = {
      institutionId: { in: institutionIds },
      ...(filter.status ? { status: filter.status } : {}),
    };
    const [items, total] = await Promise.all([
      this.prisma.feeOrder.findMany({
        where,
        orderBy: { createdAt: 'desc' },
        take: filter.limit,
        skip: filter.offset,
      }),
      this.prisma.feeOrder.count({ where }),
    ]);
    return { items, total };
  }

  async lessons(
    institutionIds: string[],
    filter: { status?: string; orderId?: string } & Page,
  ): Promise<Paged<Lesson>> {
    const where = {
      institutionId: { in: institutionIds },
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.orderId ? { orderId: filter.orderId } : {}),
    };
    const [items, total] = await Promise.all([
      this.prisma.lesson.findMany({
        where,
        orderBy: { date: 'desc' },
        take: filter.limit,
        skip: filter.offset,
      }),
      this.prisma.lesson.count({ where }),
    ]);
    return { items, total };
  }

  async refunds(
    institutionIds: string[],
    filter: { status?: string } & Page,
  ): Promise<Paged<RefundRequestRecord>> {
    const where = {
      institutionId: { in: institutionIds },
      ...(filter.status ? { status: filter.status } : {}),
    };
    const [items, total] = await Promise.all([
      this.prisma.refundRequest.findMany({
        where,
        orderBy: { createdAt: 'desc' },
        take: filter.limit,
        skip: filter.offset,
      }),
      this.prisma.refundRequest.count({ where }),
    ]);
    return { items, total };
  }

  async alerts(
    institutionIds: string[],
    filter: { state?: string; rule?: string; severity?: string; after?: string } & Page,
  ): Promise<Paged<RiskAlertRecord>> {
    // Ranked: critical first, then the longest open; the keyset continues after the cursor's place.
    const where = `r.institution_id = ANY($1::uuid[]) AND ($2::text IS NULL OR r.state = $2)
       AND ($3::text IS NULL OR r.code = $3) AND ($4::text IS NULL OR r.severity = $4)`;
    const args = [institutionIds, filter.state ?? null, filter.rule ?? null, filter.severity ?? null];
    const [items, [{ n }]] = await Promise.all([
      this.prisma.$queryRawUnsafe<RiskAlertRecord[]>(
        `SELECT ${ALERT} FROM fees.risk_alert r
         WHERE ${where} AND ($5::uuid IS NULL OR (${RANK}, r.raised_at, r.id) >
           (SELECT ${RANK}, r.raised_at, r.id FROM fees.risk_alert r WHERE r.id = $5::uuid))
         ORDER BY ${RANK}, r.raised_at, r.id
         LIMIT $6 OFFSET $7`,
        ...args,
        filter.after ?? null,
        filter.limit + 1,
        filter.after ? 0 : filter.offset,
      ),
      this.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM fees.risk_alert r WHERE ${where}`,
        ...args,
      ),
    ]);
    return { items, total: n };
  }

  openAlerts(jurisdiction: string): Promise<{ code: string; district: string; n: number }[]> {
    return this.prisma.$queryRawUnsafe<{ code: string; district: string; n: number }[]>(
      `SELECT r.code, a.district, count(*)::int AS n
       FROM fees.risk_alert r JOIN fees.supervised_account a ON a.institution_id = r.institution_id
       WHERE r.state <> 'closed' AND ${jurisdictionSql}
       GROUP BY r.code, a.district`,
      jurisdiction,
    );
  }

  async reconciliations(
    institutionIds: string[],
    filter: { result?: string } & Page,
  ): Promise<Paged<ReconciliationRun>> {
    const where = {
      institutionId: { in: institutionIds },
      ...(filter.result ? { result: filter.result } : {}),
    };
    const [items, total] = await Promise.all([
      this.prisma.reconciliationRun.findMany({
        where,
        orderBy: { ranAt: 'desc' },
        take: filter.limit,
        skip: filter.offset,
      }),
      this.prisma.reconciliationRun.count({ where }),
    ]);
    return { items, total };
  }

  async closures(institutionIds: string[]): Promise<string[]> {
    const rows = await this.prisma.closure.findMany({
      where: { institutionId: { in: institutionIds } },
      orderBy: { startedAt: 'desc' },
    });
    return rows.map((c) => c.institutionId);
  }

  courses(institutionIds: string[]): Promise<Course[]> {
    return this.prisma.course.findMany({
      where: { institutionId: { in: institutionIds } },
      orderBy: { name: 'asc' },
    });
  }

  async familyOrders(familyId: string) {
    const orders = await this.prisma.feeOrder.findMany({
      where: { familyId },
      orderBy: { createdAt: 'desc' },
    });
    const ids = orders.map((o) => o.id);
    const [lessons, refunds, ratings, accounts] = await Promise.all([
      this.prisma.lesson.findMany({ where: { orderId: { in: ids } }, orderBy: { date: 'asc' } }),
      this.prisma.refundRequest.findMany({ where: { orderId: { in: ids } } }),
      this.prisma.orderRating.findMany({ where: { orderId: { in: ids } } }),
      this.prisma.supervisedAccount.findMany({
        where: { institutionId: { in: orders.map((o) => o.institutionId) } },
      }),
    ]);
    return { orders, lessons, refunds, ratings, accounts: accounts as SupervisedAccount[] };
  }

  async escrowByOrder(orderIds: string[]): Promise<Map<string, number>> {
    if (!orderIds.length) return new Map();
    const rows = await this.prisma.$queryRawUnsafe<{ order_id: string; fen: string }[]>(
      `SELECT order_id, sum(amount_fen)::text AS fen FROM fees.posting
       WHERE account = 'escrow' AND order_id = ANY($1::uuid[]) GROUP BY order_id`,
      orderIds,
    );
    return new Map(rows.map((r) => [r.order_id, Number(r.fen)]));
  }
}
