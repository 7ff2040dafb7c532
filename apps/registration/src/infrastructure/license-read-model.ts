import { z } from 'zod';
import type { ReadScope } from '@otr/auth';
import { Category } from '@otr/contracts';
import { CourseFiling, ShownStaffMember } from '../domain/filings';
import { LicenseProfile, LicenseStatus } from '../domain/license';
import { LicenseRequestKind } from '../domain/license-request';
import { Prisma } from './prisma/generated/client';
import { RegistrationPrisma } from './registration-prisma';

/** Where a caller may look: a jurisdiction (officials) or one institution (its operator), per libs/auth. */
export type { ReadScope };

/** One license as the lists show it. */
export const LicenseListItem = z.object({
  id: z.uuid(),
  number: z.string().describe('The license number (许可证编号).'),
  institutionId: z.string(),
  institutionName: z.string(),
  district: z.string(),
  category: Category,
  status: LicenseStatus,
  validUntil: z.iso.date(),
  competentDepartment: z.string(),
});
export type LicenseListItem = z.infer<typeof LicenseListItem>;

const RequestStatus = z.enum(['pending', 'approved', 'rejected']);

/** A change (变更) or closure (终止办学) request as the approver's queue lists it. */
export const LicenseRequestRow = z.object({
  id: z.uuid(),
  licenseId: z.uuid(),
  licenseNumber: z.string(),
  institutionId: z.string().describe('The licensed institution.'),
  institutionName: z.string(),
  district: z.string(),
  competentDepartment: z.string(),
  kind: z.enum(['change', 'closure']),
  request: LicenseRequestKind,
  status: RequestStatus,
  reasons: z.string().nullable().describe('Why it was rejected; null otherwise.'),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
});
export type LicenseRequestRow = z.infer<typeof LicenseRequestRow>;

/** A license's whole file (许可档案): filings, requests and action log; identity numbers only masked. */
export const LicenseFile = LicenseListItem.extend({
  validFrom: z.iso.date(),
  profile: LicenseProfile,
  courses: z.array(CourseFiling.extend({ id: z.uuid(), filedAt: z.iso.datetime() })),
  staff: z.array(
    ShownStaffMember.extend({
      id: z.uuid(),
      flaggedInService: z.boolean().describe('Found on the in-service teacher roster (在职教师).'),
      filedAt: z.iso.datetime(),
      removedAt: z.iso.datetime().nullable(),
    }),
  ),
  requests: z.array(
    z.object({
      id: z.uuid(),
      licenseId: z.uuid(),
      kind: z.enum(['change', 'closure']),
      request: LicenseRequestKind,
      status: RequestStatus,
      reasons: z.string().nullable(),
      version: z.number().int(),
      createdAt: z.iso.datetime(),
      decidedAt: z.iso.datetime().nullable(),
    }),
  ),
  log: z.array(
    z.object({
      seq: z.number().int(),
      type: z.string().describe('The event: LicenseSuspended, CourseFiled, …'),
      actorId: z.string(),
      at: z.iso.datetime(),
      data: z.unknown().describe("The event's data (identity numbers masked)."),
    }),
  ),
});

/** The dashboard's figures (apps/console/src/providers/dashboard-provider.ts). */
export const RegistrationStats = z.object({
  waiting: z.number().int().nonnegative().describe('Applications awaiting a decision (待审).'),
  overdue: z.number().int().nonnegative().describe('Of them, those with a review step overdue.'),
  byDistrict: z.array(
    z.object({ district: z.string(), waiting: z.number().int(), overdue: z.number().int() }),
  ),
  trend: z
    .array(
      z.object({
        period: z.string().describe('YYYY-MM'),
        submitted: z.number().int(),
        decided: z.number().int(),
      }),
    )
    .describe('The last 12 months, oldest first.'),
  licensesByStatus: z.array(z.object({ status: LicenseStatus, count: z.number().int() })),
});

/** A license carries its district and competent department through the application it was issued on. */
const scopeSql = (scope: ReadScope) =>
  'institutionId' in scope
    ? Prisma.sql`l.institution_id = ${scope.institutionId}::uuid`
    : Prisma.sql`(a.district = ${scope.jurisdiction} OR a.district LIKE ${`${scope.jurisdiction}-%`})`;

/** The longest request queue answered at once (the console pages it). */
const MAX_REQUESTS = 500;

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
      log: actions.map((a) => ({
        seq: Number(a.seq),
        type: a.type,
        actorId: a.actorId,
        at: a.at,
        data: a.data,
      })),
    };
  }

  /** Change and closure requests in a jurisdiction, oldest first: the approver's second queue (the first 500). */
  async requests(scope: ReadScope, status?: string): Promise<{ items: LicenseRequestRow[]; total: number }> {
    const where = Prisma.sql`${scopeSql(scope)} ${status ? Prisma.sql`AND r.status = ${status}` : Prisma.empty}`;
    const from = Prisma.sql`FROM registration.license_request r
      JOIN registration.license l ON l.id = r.license_id
      JOIN registration.application a ON a.id = l.application_id`;
    const [items, [{ total }]] = await Promise.all([
      this.prisma.$queryRaw<LicenseRequestRow[]>`
      SELECT r.id, r.license_id AS "licenseId", l.number AS "licenseNumber", l.institution_id AS "institutionId",
             l.profile->>'institutionName' AS "institutionName", a.district,
             a.competent_department AS "competentDepartment", r.kind, r.request, r.status,
             r.reasons, r.created_at AS "createdAt", r.decided_at AS "decidedAt"
      ${from} WHERE ${where}
      ORDER BY r.created_at LIMIT ${MAX_REQUESTS}`,
      this.prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from} WHERE ${where}`,
    ]);
    return { items, total };
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
