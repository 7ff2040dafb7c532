import { Inject, NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { complaintFigures, ComplaintOnRecord } from '../../domain/complaint-figures';
import { summariseRatings } from '../../domain/rating-summary';
import { summariseStaff, StaffOnFile } from '../../domain/staff-summary';
import { DirectoryPrisma } from '../../infrastructure/directory-prisma';
import { COUNTED_COMPLAINT } from '../projections/complaint-projection';
import { STAFF_ON_FILE } from '../projections/filing-projection';
import { BLACKLISTED } from '../projections/sanction-projection';
import { Clock, chinaDate } from '@otr/kernel';
import { isPublished, publicationOf } from '../../domain/penalty-publication';
import { DIRECTORY_CLOCK, DIRECTORY_PRISMA, PENALTY_PUBLICATION, PenaltyPublicationSource } from '../tokens';
import {
  InstitutionPage,
  InstitutionPageQuery,
  PublicAnnualGrade,
  PublicBlacklistEntry,
} from './institution-page.query';

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/** The black list's public columns, shared by the page, the list and the open data. */
export const BLACKLIST_COLUMNS = `subject_name AS "subjectName", reason, decision_number AS "decisionNumber",
  to_char(listed_on, 'YYYY-MM-DD') AS "listedOn", to_char(removable_on, 'YYYY-MM-DD') AS "removableOn"`;

@QueryHandler(InstitutionPageQuery)
export class InstitutionPageHandler implements IQueryHandler<InstitutionPageQuery> {
  constructor(
    @Inject(DIRECTORY_PRISMA) private readonly prisma: DirectoryPrisma,
    @Inject(PENALTY_PUBLICATION) private readonly publication: PenaltyPublicationSource,
    @Inject(DIRECTORY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ id }: InstitutionPageQuery): Promise<InstitutionPage> {
    const [r, courses, staff, penalties, blacklist, feeSupervision, annualGrades, complaints, [rating]] =
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
        this.prisma.feeSupervision.findUnique({ where: { institutionId: id }, select: { mode: true } }),
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
    if (!r) throw new NotFoundException(`institution ${id} not found`);
    const today = chinaDate(this.clock.now());
    return {
      id: r.id,
      name: r.name,
      legalForm: r.legalForm,
      legalRepresentative: r.legalRepresentative,
      category: r.category,
      scopes: r.scopes,
      district: r.district,
      address: r.address,
      location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
      license: {
        number: r.licenseNumber,
        status: r.licenseStatus,
        validFrom: day(r.validFrom),
        validUntil: day(r.validUntil),
        closedOn: day(r.closedOn),
      },
      courses: courses.map((c) => ({
        id: c.id,
        name: c.name,
        category: c.category,
        subject: c.subject,
        mode: c.mode,
        gradeLevels: c.gradeLevels,
        totalHours: c.totalHours,
        lessonMinutes: c.lessonMinutes,
        maxClassSize: c.maxClassSize,
        priceFen: c.priceFen,
      })),
      staff: summariseStaff(staff),
      feeSupervision: feeSupervision as InstitutionPage['feeSupervision'],
      annualGrades,
      // Each penalty for its publication period (公示期) only, counted from its decision.
      penalties: penalties
        .map((p) => {
          const decidedOn = day(p.decidedOn)!;
          return {
            decisionNumber: p.decisionNumber,
            penaltyType: p.penaltyType,
            legalBasis: p.legalBasis,
            fineFen: p.fineFen,
            licenseAction: p.licenseAction,
            reasons: p.reasons,
            decidedOn,
            publication: publicationOf(decidedOn, this.publication.forDistrict(r.district, decidedOn)),
          };
        })
        .filter((p) => isPublished(p.publication, today)),
      blacklist,
      complaints: complaintFigures(complaints),
      rating: summariseRatings(rating.stars, rating.n),
      updatedAt: r.lastEventAt.toISOString(),
    };
  }
}
