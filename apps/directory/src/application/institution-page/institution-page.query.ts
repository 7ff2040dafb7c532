import { Query } from '@nestjs/cqrs';
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
  penalties: PublicPenalty[];
  blacklist: PublicBlacklistEntry[];
  updatedAt: string;
}

export class InstitutionPageQuery extends Query<InstitutionPage> {
  constructor(readonly id: string) {
    super();
  }
}
