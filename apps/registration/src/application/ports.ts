import { EventOrigin } from '@otr/contracts';
import type { NameInUse } from '../domain/institution-name';
import {
  ApplicantRecord,
  ApplicationEvent,
  ApplicationState,
  ResubmittedForm,
} from '../domain/license-application';
import { FiledStaff, InServiceTeacher } from '../domain/in-service-roster';
import { LicensingRules } from '../domain/licensing-rules';
import { LicenseEvent, LicenseState } from '../domain/license';
import { FilingEvent } from '../domain/filings';
import { LicenseRequestEvent, LicenseRequestState } from '../domain/license-request';
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
  /** Files courses and staff (or removes staff) with the action log and outbox in one transaction. */
  saveFilings(state: LicenseState, events: FilingEvent[], origin: EventOrigin): Promise<void>;
  staffMember(licenseId: string, staffId: string): Promise<{ staffId: string; removed: boolean }>;
  /** Marks staff found on the in-service roster and reports each to inspection, once. */
  reportInService(found: { staff: FiledStaff; school: string }[], origin: EventOrigin): Promise<void>;
}

export const LICENSE_REQUESTS = Symbol('LicenseRequestRepository');

/** Change and closure requests; a decision saves the request and the license it changes together. */
export interface LicenseRequestRepository {
  load(id: string): Promise<LicenseRequestState>;
  save(
    request: LicenseRequestState,
    events: LicenseRequestEvent[],
    origin: EventOrigin,
    license?: { state: LicenseState; events: LicenseEvent[] },
  ): Promise<void>;
}

export const APPLICATION_DEADLINES = Symbol('ApplicationDeadlines');

/** Review steps still open, for the overdue sweep. */
export interface ApplicationDeadlines {
  openSteps(): Promise<
    {
      applicationId: string;
      institutionId: string;
      district: string;
      competentDepartment: string;
      submittedAt: Date;
      opinions: Record<string, { dueBy: string; agrees?: boolean }>;
      overdueReported: string[];
    }[]
  >;
  /** Records a step as reported overdue and publishes ReviewStepOverdue, unless already reported. */
  reportOverdue(
    step: {
      applicationId: string;
      institutionId: string;
      key: string;
      step: 'decision' | 'opinion';
      department: string;
      dueBy: string;
      district: string;
    },
    origin: EventOrigin,
  ): Promise<void>;
}

/** What other registers say about applicants and staff: the in-service roster and the black list. */
export interface ApplicantRecords {
  recordFor(form: ResubmittedForm, today: string): Promise<ApplicantRecord>;
  rosterMatches(idNumberHashes: string[]): Promise<InServiceTeacher[]>;
  /** Other institutions holding a name (licensed or applying), for one name, one institution. */
  namesInUse(name: string): Promise<NameInUse[]>;
  /** Replaces the roster whole and returns the filed staff (not removed) to check against it. */
  replaceRoster(teachers: InServiceTeacher[]): Promise<FiledStaff[]>;
}
