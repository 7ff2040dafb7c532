import type { ReadScope } from '@otr/auth';
import { Prisma } from './prisma/generated/client';
import { RegistrationPrisma } from './registration-prisma';

/** Where a caller may look: a jurisdiction (officials) or one institution (its operator), per libs/auth. */
export type { ReadScope };

export interface LicenseListItem {
  id: string;
  number: string;
  institutionId: string;
  institutionName: string;
  district: string;
  category: string;
  status: string;
  validUntil: string;
  competentDepartment: string;
}

/** A license carries its district and competent department through the application it was issued on. */
const scopeSql = (scope: ReadScope) =>
  'institutionId' in scope
    ? Prisma.sql`l.institution_id = ${scope.institutionId}::uuid`
    : Prisma.sql`(a.district = ${scope.jurisdiction} OR a.district LIKE ${`${scope.jurisdiction}-%`})`;

/** Read side for licenses and requests: lists and one license's whole file for the console. */
export class LicenseReadModel {
  constructor(private readonly prisma: RegistrationPrisma) {}

  async list(
    scope: ReadScope,
    filter: { status?: string; q?: string; page: number; pageSize: number },
  ): Promise<{ items: LicenseListItem[]; total: number }> {
    const where = Prisma.sql`${scopeSql(scope)}
      ${filter.status ? Prisma.sql`AND l.status = ${filter.status}` : Prisma.empty}
      ${filter.q ? Prisma.sql`AND (l.profile->>'institutionName' LIKE ${`%${filter.q}%`} OR l.number LIKE ${`%${filter.q}%`})` : Prisma.empty}`;
    const from = Prisma.sql`FROM registration.license l JOIN registration.application a ON a.id = l.application_id`;
    const [items, [{ total }]] = await Promise.all([
      this.prisma.$queryRaw<LicenseListItem[]>`
        SELECT l.id, l.number, l.institution_id AS "institutionId", l.profile->>'institutionName' AS "institutionName",
               a.district, a.category, l.status, to_char(l.valid_until, 'YYYY-MM-DD') AS "validUntil",
               a.competent_department AS "competentDepartment"
        ${from} WHERE ${where}
        ORDER BY l.valid_until, l.number LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
      this.prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from} WHERE ${where}`,
    ]);
    return { items, total };
  }

  /** The license with its filings, requests and action log; identity numbers only masked. */
  async file(id: string, scope: ReadScope) {
    const [license] = await this.prisma.$queryRaw<
      (LicenseListItem & { profile: unknown; validFrom: string })[]
    >`
      SELECT l.id, l.number, l.institution_id AS "institutionId", l.profile->>'institutionName' AS "institutionName",
             a.district, a.category, l.status, to_char(l.valid_until, 'YYYY-MM-DD') AS "validUntil",
             to_char(l.valid_from, 'YYYY-MM-DD') AS "validFrom", l.profile,
             a.competent_department AS "competentDepartment"
      FROM registration.license l JOIN registration.application a ON a.id = l.application_id
      WHERE l.id = ${id}::uuid AND ${scopeSql(scope)}`;
    if (!license) return undefined;
    const [courses, staff, requests, actions] = await Promise.all([
      this.prisma.course.findMany({ where: { licenseId: id }, orderBy: { filedAt: 'asc' } }),
      this.prisma.staff.findMany({ where: { licenseId: id }, orderBy: { filedAt: 'asc' } }),
      this.prisma.licenseRequest.findMany({ where: { licenseId: id }, orderBy: { createdAt: 'desc' } }),
      this.prisma.licenseAction.findMany({ where: { licenseId: id }, orderBy: { seq: 'asc' } }),
    ]);
    return {
      ...license,
      courses: courses.map((c) => ({ id: c.id, ...(c.details as object), filedAt: c.filedAt })),
      staff: staff.map((s) => {
        const { idNumberHash: _hash, ...details } = s.details as Record<string, unknown>;
        return {
          id: s.id,
          ...details,
          flaggedInService: s.flaggedInService,
          filedAt: s.filedAt,
          removedAt: s.removedAt,
        };
      }),
      requests,
      actions: actions.map((a) => ({
        seq: Number(a.seq),
        type: a.type,
        actorId: a.actorId,
        at: a.at,
        data: a.data,
      })),
    };
  }

  /** Change and closure requests in a jurisdiction, oldest first: the approver's second queue. */
  async requests(scope: ReadScope, status?: string) {
    return this.prisma.$queryRaw<unknown[]>`
      SELECT r.id, r.license_id AS "licenseId", l.number AS "licenseNumber",
             l.profile->>'institutionName' AS "institutionName", a.district,
             a.competent_department AS "competentDepartment", r.kind, r.request, r.status,
             r.reasons, r.created_at AS "createdAt", r.decided_at AS "decidedAt"
      FROM registration.license_request r
      JOIN registration.license l ON l.id = r.license_id
      JOIN registration.application a ON a.id = l.application_id
      WHERE ${scopeSql(scope)} ${status ? Prisma.sql`AND r.status = ${status}` : Prisma.empty}
      ORDER BY r.created_at LIMIT 500`;
  }

  /** The dashboard's figures in the console's stats contract (apps/console/src/providers/dashboard-provider.ts). */
  async stats(scope: ReadScope) {
    const inScope =
      'institutionId' in scope
        ? Prisma.sql`institution_id = ${scope.institutionId}::uuid`
        : Prisma.sql`(district = ${scope.jurisdiction} OR district LIKE ${`${scope.jurisdiction}-%`})`;
    const [byDistrict, trend, licenses] = await Promise.all([
      this.prisma.$queryRaw<{ district: string; waiting: number; overdue: number }[]>`
        SELECT district, count(*)::int AS waiting, count(*) FILTER (WHERE cardinality(overdue_reported) > 0)::int AS overdue
        FROM registration.application WHERE status = 'submitted' AND ${inScope}
        GROUP BY district ORDER BY district`,
      this.prisma.$queryRaw<{ period: string; submitted: number; decided: number }[]>`
        SELECT period, sum(submitted)::int AS submitted, sum(decided)::int AS decided FROM (
          SELECT to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS period, 1 AS submitted, 0 AS decided
          FROM registration.application WHERE submitted_at IS NOT NULL AND ${inScope}
          UNION ALL
          SELECT to_char(decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), 0, 1
          FROM registration.application WHERE decided_at IS NOT NULL AND ${inScope}) t
        GROUP BY period ORDER BY period DESC LIMIT 12`,
      this.prisma.$queryRaw<{ status: string; count: number }[]>`
        SELECT l.status, count(*)::int AS count
        FROM registration.license l JOIN registration.application a ON a.id = l.application_id
        WHERE ${scopeSql(scope)} GROUP BY l.status ORDER BY l.status`,
    ]);
    return {
      waiting: byDistrict.reduce((n, d) => n + d.waiting, 0),
      overdue: byDistrict.reduce((n, d) => n + d.overdue, 0),
      byDistrict,
      trend: trend.reverse(),
      licensesByStatus: licenses,
    };
  }
}
