import { ComplaintOnRecord } from '../domain/complaint-figures';
import { StaffOnFile } from '../domain/staff-summary';
import { BlacklistCriteria, BlacklistPage } from '../application/blacklist/blacklist.query';
import {
  PublicAnnualGrade,
  PublicBlacklistEntry,
} from '../application/institution-page/institution-page.query';
import { PublicList } from '../application/open-data/list-export.query';
import { DirectoryReadModel, InstitutionRecord } from '../application/ports';
import { keysetPage } from '@otr/runtime';
import {
  TimelineCriteria,
  TimelineEntry,
  TimelinePage,
} from '../application/timeline/institution-timeline.query';
import { DirectoryPrisma } from './directory-prisma';
import { COUNTED_COMPLAINT } from './projections/complaint-projection';
import { STAFF_ON_FILE } from './projections/filing-projection';
import { BLACKLISTED } from './projections/sanction-projection';

/** The black list's public columns, shared by the page, the list and the open data. */
export const BLACKLIST_COLUMNS = `subject_name AS "subjectName", reason, decision_number AS "decisionNumber",
  to_char(listed_on, 'YYYY-MM-DD') AS "listedOn", to_char(removable_on, 'YYYY-MM-DD') AS "removableOn"`;

type AsOf = { asOf: Date | null };

/** The directory's read model in its own schema, through the service's Prisma client. */
export class PrismaDirectoryReadModel implements DirectoryReadModel {
  constructor(private readonly prisma: DirectoryPrisma) {}

  async institution(id: string): Promise<InstitutionRecord> {
    const [entry, courses, staff, penalties, blacklist, feeSupervision, annualGrades, complaints, [rating]] =
      await Promise.all([
        this.prisma.institution.findUnique({ where: { id } }),
        this.prisma.course.findMany({
          where: { institutionId: id },
          orderBy: [{ subject: 'asc' }, { name: 'asc' }, { id: 'asc' }],
        }),
        this.prisma.$queryRawUnsafe<StaffOnFile[]>(
          `SELECT name, role, subject, certified, certificate_kind AS "certificateKind" FROM directory.staff WHERE institution_id = $1 AND ${STAFF_ON_FILE}`,
          id,
        ),
        this.prisma.penalty.findMany({
          where: { institutionId: id },
          orderBy: [{ decidedOn: 'desc' }, { id: 'asc' }],
        }),
        this.prisma.$queryRawUnsafe<PublicBlacklistEntry[]>(
          `SELECT ${BLACKLIST_COLUMNS} FROM directory.blacklist_entry
         WHERE institution_id = $1 AND ${BLACKLISTED} ORDER BY listed_on DESC, id`,
          id,
        ),
        this.prisma.feeSupervision.findUnique({
          where: { institutionId: id },
          select: {
            mode: true,
            reserveStanding: true,
            reserveRequiredFen: true,
            reserveHeldFen: true,
            reserveAsOf: true,
          },
        }),
        this.prisma.$queryRawUnsafe<PublicAnnualGrade[]>(
          `SELECT year, grade, total FROM directory.annual_grade WHERE institution_id = $1
         ORDER BY year DESC, graded_at DESC`,
          id,
        ),
        this.prisma.$queryRawUnsafe<ComplaintOnRecord[]>(
          `SELECT closed_round AS "closedRound", reopened, unsatisfied_round AS "unsatisfiedRound" FROM directory.complaint
         WHERE institution_id = $1 AND ${COUNTED_COMPLAINT}`,
          id,
        ),
        this.prisma.$queryRawUnsafe<{ stars: number; n: number }[]>(
          `SELECT coalesce(sum(stars), 0)::int AS stars, count(*)::int AS n FROM directory.rating
         WHERE institution_id = $1`,
          id,
        ),
      ]);
    return { entry, courses, staff, penalties, blacklist, feeSupervision, annualGrades, complaints, rating };
  }

  async districtOf(institutionId: string): Promise<string | null> {
    const institution = await this.prisma.institution.findUnique({ where: { id: institutionId } });
    return institution?.district ?? null;
  }

  async blacklist(c: BlacklistCriteria): Promise<Pick<BlacklistPage, 'items' | 'total'>> {
    const args: unknown[] = [];
    const filter = c.q ? `AND strpos(subject_name, $${args.push(c.q)}) > 0` : '';
    const [items, [{ n }]] = await Promise.all([
      this.prisma.$queryRawUnsafe<BlacklistPage['items']>(
        `SELECT institution_id AS "institutionId", ${BLACKLIST_COLUMNS} FROM directory.blacklist_entry
         WHERE ${BLACKLISTED} ${filter} ORDER BY listed_on DESC, id
         LIMIT $${args.length + 1} OFFSET $${args.length + 2}`,
        ...args,
        c.pageSize,
        (c.page - 1) * c.pageSize,
      ),
      this.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM directory.blacklist_entry WHERE ${BLACKLISTED} ${filter}`,
        ...args,
      ),
    ]);
    return { total: n, items };
  }

  async publicList(list: PublicList): Promise<{ asOf: Date | null; rows: Record<string, string | null>[] }> {
    if (list === 'black') {
      const [rows, asOf] = await Promise.all([
        this.prisma.$queryRawUnsafe<Record<string, string | null>[]>(
          `SELECT ${BLACKLIST_COLUMNS} FROM directory.blacklist_entry WHERE ${BLACKLISTED}
           ORDER BY listed_on DESC, id`,
        ),
        this.prisma.$queryRawUnsafe<AsOf[]>(
          `SELECT max(greatest(added_at, removed_at)) AS "asOf" FROM directory.blacklist_entry`,
        ),
      ]);
      return { asOf: asOf[0].asOf, rows };
    }
    const [rows, asOf] = await Promise.all([
      this.prisma.$queryRawUnsafe<Record<string, string | null>[]>(
        `SELECT name, license_number AS "licenseNumber", category, district, address,
                license_status AS "licenseStatus", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil"
         FROM directory.institution WHERE license_status = $1 ORDER BY district, name, id`,
        list === 'white' ? 'active' : 'revoked',
      ),
      this.prisma.$queryRawUnsafe<AsOf[]>(`SELECT max(last_event_at) AS "asOf" FROM directory.institution`),
    ]);
    return { asOf: asOf[0].asOf, rows };
  }

  activeCounts(jurisdiction: string): Promise<{ district: string; category: string; n: number }[]> {
    return this.prisma.$queryRawUnsafe<{ district: string; category: string; n: number }[]>(
      `SELECT district, category, count(*)::int AS n FROM directory.institution
       WHERE license_status = 'active' AND (district = $1 OR starts_with(district, $1 || '-'))
       GROUP BY district, category`,
      jurisdiction,
    );
  }

  async timeline(c: TimelineCriteria): Promise<TimelinePage> {
    const where = {
      institutionId: c.institutionId,
      ...(c.service ? { service: c.service } : {}),
      ...(c.type ? { type: c.type } : {}),
      ...(c.from || c.to
        ? {
            occurredAt: {
              ...(c.from ? { gte: new Date(c.from) } : {}),
              ...(c.to ? { lte: new Date(c.to) } : {}),
            },
          }
        : {}),
    };
    // Keyset: strictly after the (occurredAt, id) of the cursor, in the same order.
    const after = c.after && {
      OR: [
        { occurredAt: { gt: new Date(c.after[0]) } },
        { occurredAt: new Date(c.after[0]), id: { gt: c.after[1] } },
      ],
    };
    const [rows, total] = await Promise.all([
      this.prisma.timelineEvent.findMany({
        where: after ? { AND: [where, after] } : where,
        orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
        ...(after ? {} : { skip: (c.page - 1) * c.pageSize }),
        take: c.pageSize + 1,
      }),
      this.prisma.timelineEvent.count({ where }),
    ]);
    const page = keysetPage(rows, c.pageSize, (r) => [r.occurredAt.toISOString(), r.id]);
    const items = page.items.map((r) => ({
      ...r,
      occurredAt: r.occurredAt.toISOString(),
      actor: r.actor as TimelineEntry['actor'],
    }));
    return { items, total, nextCursor: page.nextCursor };
  }
}
