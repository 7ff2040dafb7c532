import type { PenaltyPublication } from '../../domain/penalty-publication';
import { Query } from '@nestjs/cqrs';
import { ComplaintFigures } from '../../domain/complaint-figures';
import { RatingSummary } from '../../domain/rating-summary';
import { StaffSummary } from '../../domain/staff-summary';

export interface PublicCourse {
  id: string;
  name: string;
  category: string;
  subject: string;
  mode: string;
  gradeLevels: string[];
  totalHours: number;
  lessonMinutes: number;
  maxClassSize: number;
  /** The filed fee for the whole course, integer fen (明码标价). */
  priceFen: number;
}

export interface PublicPenalty {
  decisionNumber: string;
  penaltyType: string;
  legalBasis: string;
  fineFen: number | null;
  licenseAction: string;
  reasons: string;
  decidedOn: string;
  /** 公示期: shown until `until`; the institution may ask to end it early from `earlyEndFrom`. */
  publication: PenaltyPublication;
}

/** Families' ratings: the average to one decimal (null before the first) and how many. */
export type PublicRating = RatingSummary;

/** An annual inspection result (年检结论). */
export interface PublicAnnualGrade {
  year: number;
  grade: 'excellent' | 'pass' | 'basic-pass' | 'fail';
  /** The score on the rulebook's 100-point sheet. */
  total: number;
}

export interface PublicBlacklistEntry {
  subjectName: string;
  reason: string;
  decisionNumber: string;
  listedOn: string;
  removableOn: string;
}

/** The public page of one institution: only public fields (资质信息奖惩全面公开). */
export interface InstitutionPage {
  id: string;
  name: string;
  legalForm: string | null;
  legalRepresentative: string | null;
  category: string;
  scopes: string[];
  district: string;
  address: string;
  location: { lat: number; lng: number } | null;
  license: {
    number: string | null;
    status: string;
    validFrom: string | null;
    validUntil: string | null;
    closedOn: string | null;
  };
  courses: PublicCourse[];
  staff: StaffSummary;
  /** Prepaid fees in a supervised account (资金监管), and how: full bank escrow or a risk reserve. */
  feeSupervision: { mode: 'bank-escrow' | 'risk-reserve' } | null;
  /** Newest year first. */
  annualGrades: PublicAnnualGrade[];
  penalties: PublicPenalty[];
  blacklist: PublicBlacklistEntry[];
  /** Complaints against the institution (投诉), never who filed them or what they wrote. */
  complaints: ComplaintFigures;
  rating: PublicRating;
  updatedAt: string;
}

export class InstitutionPageQuery extends Query<InstitutionPage> {
  constructor(readonly id: string) {
    super();
  }
}
