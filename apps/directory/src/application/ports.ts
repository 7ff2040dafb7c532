import { Envelope } from '@otr/contracts';
import { ComplaintOnRecord } from '../domain/complaint-figures';
import { StaffOnFile } from '../domain/staff-summary';
import { BlacklistCriteria, BlacklistPage } from './blacklist/blacklist.query';
import { PublicAnnualGrade, PublicBlacklistEntry } from './institution-page/institution-page.query';
import { PublicList } from './open-data/list-export.query';
import { InstitutionSummary, SearchCriteria } from './search-institutions/search-institutions.query';
import { TimelineCriteria, TimelinePage } from './timeline/institution-timeline.query';

/** Applies one delivered event to the read model, in the consumer's transaction (tx, opaque here). */
export type Projection<Tx> = (event: Envelope, tx: Tx) => Promise<void>;

/**
 * How each fact other contexts publish is written into the directory's read model. Every
 * projection is order-safe: a late, repeated or replayed delivery gives the same read model.
 */
export interface DirectoryProjections<Tx> {
  /** License, change, status and closure facts: the institution's entry, folded again from all of them. */
  registrationFact: Projection<Tx>;
  courseFiled: Projection<Tx>;
  staffFiled: Projection<Tx>;
  staffRemoved: Projection<Tx>;
  penaltyDecided: Projection<Tx>;
  blacklistEntryAdded: Projection<Tx>;
  blacklistEntryRemoved: Projection<Tx>;
  annualReportGraded: Projection<Tx>;
  orderRated: Projection<Tx>;
  supervisedAccountOpened: Projection<Tx>;
  reserveStandingChanged: Projection<Tx>;
  complaintFiled: Projection<Tx>;
  complaintClosed: Projection<Tx>;
  complaintReopened: Projection<Tx>;
  complaintRated: Projection<Tx>;
  complaintMerged: Projection<Tx>;
  /** Any event about an institution, whatever its type, for the officials' timeline. */
  timelineEvent: Projection<Tx>;
}

export const DIRECTORY_READ_MODEL = Symbol('DirectoryReadModel');

/** An institution's entry as the read model holds it. */
export interface InstitutionEntryRow {
  id: string;
  name: string;
  legalForm: string | null;
  legalRepresentative: string | null;
  category: string;
  scopes: string[];
  district: string;
  address: string;
  lat: number | null;
  lng: number | null;
  licenseNumber: string | null;
  licenseStatus: string;
  validFrom: Date | null;
  validUntil: Date | null;
  closedOn: Date | null;
  lastEventAt: Date;
}

export interface CourseRow {
  id: string;
  name: string;
  category: string;
  subject: string;
  mode: string;
  gradeLevels: string[];
  totalHours: number;
  lessonMinutes: number;
  maxClassSize: number;
  priceFen: number;
}

export interface PenaltyRow {
  decisionNumber: string;
  penaltyType: string;
  legalBasis: string;
  fineFen: number | null;
  licenseAction: string;
  reasons: string;
  decidedOn: Date;
}

/** Everything the read model holds about one institution, for its public page. */
export interface InstitutionRecord {
  entry: InstitutionEntryRow | null;
  /** By subject, then name. */
  courses: CourseRow[];
  /** Staff on file now (filed after any removal). */
  staff: StaffOnFile[];
  /** Newest decision first. */
  penalties: PenaltyRow[];
  /** Entries on the black list now, newest listing first. */
  blacklist: PublicBlacklistEntry[];
  feeSupervision: {
    mode: string;
    reserveStanding: string | null;
    reserveRequiredFen: bigint | null;
    reserveHeldFen: bigint | null;
    reserveAsOf: Date | null;
  } | null;
  /** Newest year first. */
  annualGrades: PublicAnnualGrade[];
  /** Counted complaints only (complaints, filed, not merged). */
  complaints: ComplaintOnRecord[];
  /** Families' ratings: the sum of stars and how many. */
  rating: { stars: number; n: number };
}

/** The directory's read model, as the public pages, the open data and the officials read it. */
export interface DirectoryReadModel {
  institution(id: string): Promise<InstitutionRecord>;
  /** The district of an institution, or null when the directory does not know it. */
  districtOf(institutionId: string): Promise<string | null>;
  /** The public black list, newest listing first, by a fragment of the subject's name. */
  blacklist(criteria: BlacklistCriteria): Promise<Pick<BlacklistPage, 'items' | 'total'>>;
  /** A public list for download, in its columns' names, and the time of its last event. */
  publicList(list: PublicList): Promise<{ asOf: Date | null; rows: Record<string, string | null>[] }>;
  /** Active institutions within a jurisdiction, counted by district and category. */
  activeCounts(jurisdiction: string): Promise<{ district: string; category: string; n: number }[]>;
  /** One institution's events, oldest first, a page of them (by page or after a cursor) and how many in all. */
  timeline(criteria: TimelineCriteria): Promise<TimelinePage>;
}

export const INSTITUTION_SEARCH = Symbol('InstitutionSearch');

/** One institution found, with its ratings and, near a point, its distance in metres. */
export type FoundInstitution = Omit<InstitutionSummary, 'rating' | 'distanceM'> & {
  sortKey: string | number;
  distanceM: number | null;
  stars: number;
  ratings: number;
};

/** The public search over the read model (docs/directory.md, "How a search is answered"). */
export interface InstitutionSearch {
  /**
   * The page's rows in (sort key, id) order, one more than the page when another follows, and the
   * total: counted up to the cap on a first page, null on a keyset page.
   */
  find(criteria: SearchCriteria): Promise<{ rows: FoundInstitution[]; total: number | null }>;
}
