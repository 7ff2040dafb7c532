import { Inject, NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { complaintFigures } from '../../domain/complaint-figures';
import { summariseRatings } from '../../domain/rating-summary';
import { summariseStaff } from '../../domain/staff-summary';
import { Clock, chinaDate } from '@otr/kernel';
import { isPublished, publicationOf } from '../../domain/penalty-publication';
import { DIRECTORY_READ_MODEL, DirectoryReadModel } from '../ports';
import { DIRECTORY_CLOCK, PENALTY_PUBLICATION, PenaltyPublicationSource } from '../tokens';
import { InstitutionPage, InstitutionPageQuery } from './institution-page.query';

type Page = InstitutionPage;
type Course = InstitutionPage['courses'][number];

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

type ReserveStanding = NonNullable<NonNullable<InstitutionPage['feeSupervision']>['reserve']>['standing'];

@QueryHandler(InstitutionPageQuery)
export class InstitutionPageHandler implements IQueryHandler<InstitutionPageQuery> {
  constructor(
    @Inject(DIRECTORY_READ_MODEL) private readonly readModel: DirectoryReadModel,
    @Inject(PENALTY_PUBLICATION) private readonly publication: PenaltyPublicationSource,
    @Inject(DIRECTORY_CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ id }: InstitutionPageQuery): Promise<InstitutionPage> {
    const {
      entry: r,
      courses,
      staff,
      penalties,
      blacklist,
      feeSupervision,
      annualGrades,
      complaints,
      rating,
    } = await this.readModel.institution(id);
    if (!r) throw new NotFoundException(`institution ${id} not found`);
    const today = chinaDate(this.clock.now());
    return {
      id: r.id,
      name: r.name,
      legalForm: r.legalForm as Page['legalForm'],
      legalRepresentative: r.legalRepresentative,
      category: r.category as Page['category'],
      scopes: r.scopes as Page['scopes'],
      district: r.district,
      address: r.address,
      location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
      license: {
        number: r.licenseNumber,
        status: r.licenseStatus as Page['license']['status'],
        validFrom: day(r.validFrom),
        validUntil: day(r.validUntil),
        closedOn: day(r.closedOn),
      },
      courses: courses.map((c) => ({
        id: c.id,
        name: c.name,
        category: c.category as Page['category'],
        subject: c.subject,
        mode: c.mode as Course['mode'],
        gradeLevels: c.gradeLevels,
        totalHours: c.totalHours,
        lessonMinutes: c.lessonMinutes,
        maxClassSize: c.maxClassSize,
        priceFen: c.priceFen,
      })),
      staff: summariseStaff(staff),
      feeSupervision: feeSupervision && {
        mode: feeSupervision.mode as NonNullable<InstitutionPage['feeSupervision']>['mode'],
        reserve:
          feeSupervision.mode === 'risk-reserve' &&
          feeSupervision.reserveStanding &&
          feeSupervision.reserveAsOf
            ? {
                standing: feeSupervision.reserveStanding as ReserveStanding,
                requiredFen: Number(feeSupervision.reserveRequiredFen ?? 0),
                heldFen: Number(feeSupervision.reserveHeldFen ?? 0),
                asOf: feeSupervision.reserveAsOf.toISOString(),
              }
            : null,
      },
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
