import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { Category, Scope } from '@otr/contracts';
import { PenaltyPublication } from '../../domain/penalty-publication';
import { ComplaintFigures } from '../../domain/complaint-figures';
import { RatingSummary } from '../../domain/rating-summary';
import { StaffSummary } from '../../domain/staff-summary';

const LicenseStatus = z
  .enum(['active', 'suspended', 'revoked', 'expired', 'closed'])
  .describe('active 有效, suspended 暂停招生, revoked 吊销, expired 过期, closed 终止办学');

export const PublicCourse = z.object({
  id: z.string(),
  name: z.string(),
  category: Category,
  subject: z.string(),
  mode: Scope,
  gradeLevels: z.array(z.string()),
  totalHours: z.number().int(),
  lessonMinutes: z.number().int(),
  maxClassSize: z.number().int(),
  priceFen: z
    .number()
    .int()
    .nonnegative()
    .describe('The filed fee for the whole course, integer fen (明码标价).'),
});
export type PublicCourse = z.infer<typeof PublicCourse>;

export const PublicPenalty = z.object({
  decisionNumber: z.string().describe('The decision document number (处罚决定书文号).'),
  penaltyType: z.string(),
  legalBasis: z.string(),
  fineFen: z.number().int().nonnegative().nullable().describe('The fine in fen; null when none.'),
  licenseAction: z.string(),
  reasons: z.string(),
  decidedOn: z.iso.date(),
  publication: PenaltyPublication.describe(
    '公示期: shown until `until`; the institution may ask to end it early from `earlyEndFrom`.',
  ),
});
export type PublicPenalty = z.infer<typeof PublicPenalty>;

/** Families' ratings: the average to one decimal (null before the first) and how many. */
export const PublicRating = RatingSummary;
export type PublicRating = RatingSummary;

/** An annual inspection result (年检结论). */
export const PublicAnnualGrade = z.object({
  year: z.number().int(),
  grade: z.enum(['excellent', 'pass', 'basic-pass', 'fail']).describe('优秀, 合格, 基本合格, 不合格'),
  total: z.number().describe("The score on the rulebook's 100-point sheet."),
});
export type PublicAnnualGrade = z.infer<typeof PublicAnnualGrade>;

/** An entry of the black list (黑名单). */
export const PublicBlacklistEntry = z.object({
  subjectName: z.string(),
  reason: z.string(),
  decisionNumber: z.string(),
  listedOn: z.iso.date(),
  removableOn: z.iso.date().describe('The first day the entry may be removed.'),
});
export type PublicBlacklistEntry = z.infer<typeof PublicBlacklistEntry>;

/** The public page of one institution: only public fields (资质信息奖惩全面公开). */
export const InstitutionPage = z.object({
  id: z.string(),
  name: z.string(),
  legalForm: z.enum(['non-profit', 'for-profit']).nullable(),
  legalRepresentative: z.string().nullable(),
  category: Category,
  scopes: z.array(Scope),
  district: z.string(),
  address: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  license: z.object({
    number: z.string().nullable(),
    status: LicenseStatus,
    validFrom: z.iso.date().nullable(),
    validUntil: z.iso.date().nullable(),
    closedOn: z.iso.date().nullable(),
  }),
  courses: z.array(PublicCourse),
  staff: StaffSummary,
  feeSupervision: z
    .object({
      mode: z.enum(['bank-escrow', 'risk-reserve']),
      reserve: z
        .object({
          standing: z.enum(['funded', 'partly-funded', 'unfunded']),
          requiredFen: z.number().int().nonnegative().describe('What the local rules require, in fen.'),
          heldFen: z.number().int().nonnegative().describe('What the reserve holds on the ledger, in fen.'),
          asOf: z.iso.datetime(),
        })
        .nullable()
        .describe(
          'Under risk-reserve supervision, the reserve (风险保证金) as fee supervision last published it; null before it has (or under bank escrow).',
        ),
    })
    .nullable()
    .describe(
      'How prepaid fees are supervised (资金监管): full bank escrow (they go to the supervised account) or a risk reserve, with its standing.',
    ),
  annualGrades: z.array(PublicAnnualGrade).describe('Newest year first.'),
  penalties: z.array(PublicPenalty),
  blacklist: z.array(PublicBlacklistEntry),
  complaints: ComplaintFigures.describe(
    'Complaints against the institution (投诉), never who filed them or what.',
  ),
  rating: PublicRating,
  updatedAt: z.iso.datetime(),
});
export type InstitutionPage = z.infer<typeof InstitutionPage>;

export class InstitutionPageQuery extends Query<InstitutionPage> {
  constructor(readonly id: string) {
    super();
  }
}
