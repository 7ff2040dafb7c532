import { EventOrigin } from '@otr/contracts';
import { ApplicantRecord, ApplicationEvent, ApplicationState } from '../domain/license-application';
import { ApplicationForm } from '../domain/application-form';
import { BlacklistEntry } from '../domain/blacklist';
import { FiledStaff, InServiceTeacher } from '../domain/in-service-roster';
import { LicensingRules } from '../domain/licensing-rules';
import { LicenseEvent, LicenseState } from '../domain/license';
import { ApplicationFilter, ApplicationListItem } from './list-applications/list-applications.query';

export const APPLICATIONS = Symbol('ApplicationRepository');
export const LICENSES = Symbol('LicenseRepository');
export const LICENSING_RULES = Symbol('LicensingRulesSource');
export const APPLICANT_RECORDS = Symbol('ApplicantRecords');

/** Loads and saves applications; saving also writes their integration events in the same transaction. */
export interface ApplicationRepository {
  load(id: string): Promise<ApplicationState>;
  /** Saves the new state (optimistic on version) with its events, action log and outbox rows atomically. */
  save(state: ApplicationState, events: ApplicationEvent[], origin: EventOrigin): Promise<void>;
  nextLicenseNumber(district: string, year: number): Promise<string>;
  count(): Promise<number>;
  list(
    filter: ApplicationFilter,
    scope: { jurisdiction: string } | { institutionId: string },
  ): Promise<{ items: ApplicationListItem[]; total: number }>;
}

export interface LicensingRulesSource {
  forDistrict(district: string, on: Date): LicensingRules;
}

/** Licenses after issue: status changes are saved with their events in one transaction. */
export interface LicenseRepository {
  load(id: string): Promise<LicenseState>;
  save(state: LicenseState, events: LicenseEvent[], origin: EventOrigin): Promise<void>;
  /** Active or suspended licenses whose last valid day is before today. */
  dueToExpire(today: string): Promise<string[]>;
  /** Active or suspended licenses whose last valid day is on or before the given day. */
  endingBy(lastDay: string): Promise<string[]>;
}

/** What other registers say about applicants and staff: the in-service roster and the black list. */
export interface ApplicantRecords {
  recordFor(form: ApplicationForm, today: string): Promise<ApplicantRecord>;
  rosterMatches(idNumberHashes: string[]): Promise<InServiceTeacher[]>;
  /** Replaces the roster whole and returns the filed staff (not removed) to check against it. */
  replaceRoster(teachers: InServiceTeacher[]): Promise<FiledStaff[]>;
  listBlacklisted(entry: BlacklistEntry): Promise<void>;
  delistBlacklisted(entryId: string): Promise<void>;
}
