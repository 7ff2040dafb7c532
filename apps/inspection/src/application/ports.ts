import { z } from 'zod';
import { EventOrigin } from '@otr/contracts';
import { AnnualReportEvent, AnnualReportState, Grade, GradingRules } from '../domain/annual-report';
import { BlacklistEntryState, BlacklistEvent } from '../domain/blacklist';
import { FineRules, IncomeLedger } from '../domain/fine';
import { InspectionEvent, InspectionState, InspectionTrigger } from '../domain/inspection';
import { JointCaseEvent, JointCaseState } from '../domain/joint-case';
import { PenaltyEvent, PenaltyState } from '../domain/penalty';
import { RectificationEvent, RectificationState } from '../domain/rectification';
import {
  PoolEntry,
  PoolInstitution,
  RosterInspector,
  SpotCheckEvent,
  SpotCheckState,
} from '../domain/spot-check';
import { ViolationEvent, ViolationState } from '../domain/violation';
import { Subject } from '../domain/official';

export const STORE = Symbol('InspectionStore');
export const RULES = Symbol('InspectionRulesSource');
export const EVIDENCE = Symbol('EvidenceStore');

/** Every aggregate of the service, by kind, with its state and events. */
export interface Aggregates {
  'annual-report': { state: AnnualReportState; event: AnnualReportEvent };
  inspection: { state: InspectionState; event: InspectionEvent };
  violation: { state: ViolationState; event: ViolationEvent };
  rectification: { state: RectificationState; event: RectificationEvent };
  penalty: { state: PenaltyState; event: PenaltyEvent };
  blacklist: { state: BlacklistEntryState; event: BlacklistEvent };
  'spot-check': { state: SpotCheckState; event: SpotCheckEvent };
  'joint-case': { state: JointCaseState; event: JointCaseEvent };
}
export type Kind = keyof Aggregates;

/**
 * One aggregate's change: its state after the events (version still the one loaded, 0 when new)
 * and the events that led there.
 */
export type Change = {
  [K in Kind]: { kind: K; state: Aggregates[K]['state']; events: Aggregates[K]['event'][] };
}[Kind];

export const change = <K extends Kind>(
  kind: K,
  state: Aggregates[K]['state'],
  events: Aggregates[K]['event'][],
): Change => ({ kind, state, events }) as Change;

/** The console dashboard's rectification (整改) panel. */
export const RectificationStats = z.object({
  rectificationsOpen: z.number().int().describe('Orders not yet verified.'),
  rectificationsOverdue: z
    .number()
    .int()
    .describe("Orders overdue: escalated, or still 'ordered' past their deadline."),
  byDistrict: z.array(z.object({ district: z.string(), open: z.number().int(), overdue: z.number().int() })),
});
export type RectificationStats = z.infer<typeof RectificationStats>;

/** Who may see what in a list: officials by jurisdiction, an operator only their institution. */
export type Scope = { jurisdiction: string } | { institutionId: string };

export interface ListFilter {
  status?: string;
  institutionId?: string;
  /** Inspections assigned to this inspector. */
  inspectorId?: string;
  spotCheckId?: string;
  page: number;
  pageSize: number;
  /** Keyset paging: the records after this one (its id, a previous page's nextCursor); page is then ignored. */
  after?: string;
}

/**
 * The service's store: every change of one command (several aggregates, e.g. a grade with its
 * rectification order and revocation proposal) is saved with its action log and outbox rows in
 * one transaction, optimistically on each aggregate's version.
 */
export interface InspectionStore {
  commit(changes: Change[], origin: EventOrigin): Promise<void>;
  load<K extends Kind>(kind: K, id: string): Promise<Aggregates[K]['state']>;
  list<K extends Kind>(
    kind: K,
    filter: ListFilter,
    scope: Scope,
  ): Promise<{ items: Aggregates[K]['state'][]; total: number; nextCursor: string | null }>;
  /** Action log of one record, oldest first. */
  history(kind: Kind, id: string): Promise<{ type: string; actorId: string; at: string; data: unknown }[]>;
  nextDecisionNumber(kind: 'penalty' | 'blacklist', district: string, year: number): Promise<string>;

  institution(
    institutionId: string,
  ): Promise<(PoolInstitution & { licenseStatus: string; address: string }) | undefined>;
  institutionByLicense(licenseId: string): Promise<(PoolInstitution & { licenseStatus: string }) | undefined>;
  /** Licensed (active) institutions within a jurisdiction. */
  pool(jurisdiction: string): Promise<PoolEntry[]>;
  poolSize(): Promise<number>;
  roster(jurisdiction: string): Promise<RosterInspector[]>;
  /** The jurisdiction an inspector is on the roster for, if they are on it. */
  rosterJurisdiction(userId: string): Promise<string | undefined>;
  saveInspector(inspector: RosterInspector & { active: boolean }): Promise<void>;
  ledger(licenseId: string): Promise<IncomeLedger | undefined>;
  reportExists(licenseId: string, year: number): Promise<boolean>;
  earlierGrades(licenseId: string, year: number): Promise<{ year: number; grade: Grade }[]>;
  /** Orders still 'ordered' whose deadline is before today. */
  overdueRectifications(today: string): Promise<string[]>;
  /**
   * The dashboard's rectification figures in the console's stats contract: orders not yet
   * verified, those overdue (escalated, or still 'ordered' past their deadline), by district.
   */
  rectificationStats(scope: Scope, today: string): Promise<RectificationStats>;
  inspectionsOf(spotCheckId: string): Promise<InspectionState[]>;
  /** The records citing an evidence file (violations, rectification reports): a file is theirs to show. */
  evidenceCitedBy(
    sha256: string,
  ): Promise<{ kind: 'violation' | 'rectification'; id: string; subject: Subject }[]>;
}

/** Rule values for a district on a day, each with its source. */
export interface InspectionRules {
  grading: GradingRules;
  rectificationWorkingDays: number;
  minInspectors: number;
  spotCheckRatio: number;
  blacklistRemovalMonths: { months: number; source: string };
  fines: FineRules;
}

export interface InspectionRulesSource {
  forDistrict(district: string, on: Date): InspectionRules;
}

/** Evidence files by checksum (libs/storage). */
export interface EvidenceStore {
  has(sha256: string): Promise<boolean>;
}

/**
 * What the lead consumers read and write, in the consumer's own transaction (tx, opaque here):
 * the local pool of licensed institutions and the inspections already open.
 */
export interface LeadStore<Tx> {
  /** The institution holding a license, from the local pool; undefined when the pool never saw it. */
  licensedSubject(tx: Tx, licenseId: string): Promise<Subject | undefined>;
  /** Inspections of the institution for this reason still to schedule or scheduled. */
  openLeads(tx: Tx, institutionId: string, triggerKind: InspectionTrigger['kind']): Promise<number>;
  /** Saves changes with their action log and outbox rows in tx, as InspectionStore.commit does. */
  commit(tx: Tx, changes: Change[], origin: EventOrigin): Promise<void>;
}
