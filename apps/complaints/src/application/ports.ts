import { Envelope, EventOrigin } from '@otr/contracts';
import { z } from 'zod';
import { Department } from '@otr/auth';
import { AfterCursor } from '@otr/runtime';
import { ComplaintEvent, ComplaintState } from '../domain/complaint';
import { ComplaintRules } from '../domain/complaint-rules';
import { EarlierComplaint } from '../domain/patterns';
import { RoutingTable } from '../domain/routing';
import { WorkingDayClock } from '../domain/sla-clock';

/** A complaint as loaded: its state and the version a save must still find. */
export interface Loaded {
  state: ComplaintState;
  version: number;
}

/** One aggregate's change in a save: the state before, the events, and the version it was loaded at (0 = new). */
export interface Change {
  before: ComplaintState;
  events: ComplaintEvent[];
  version: number;
}

/** What intake stores beside a new complaint, in the same transaction. */
export interface IntakeExtras {
  identity?: { id: string; sealed: Uint8Array; keyId: string };
  idempotency?: { key: string; requestHash: string; receipt: Uint8Array };
}

export interface ComplaintRepository {
  load(id: string): Promise<Loaded>;
  loadByTracking(trackingNumber: string): Promise<Loaded | undefined>;
  /** Saves every change (optimistic on version) with its action log and outbox rows, atomically. */
  save(changes: Change[], origin: EventOrigin, intake?: IntakeExtras): Promise<void>;
  /** Earlier complaints about a subject filed since an instant, for duplicate and repeat detection. */
  earlierAbout(subjectKey: string, since: Date): Promise<EarlierComplaint[]>;
  /** The receipt kept for an Idempotency-Key, if that key was used. */
  intakeRequest(key: string): Promise<{ requestHash: string; receipt: Uint8Array } | undefined>;
  /** What tracking by number needs before it verifies a code. */
  accessOf(
    trackingNumber: string,
  ): Promise<{ id: string; accessCodeHash: string; failures: number; lockedUntil?: Date } | undefined>;
  /** Counts a wrong code (locking until `lockUntil` if given), or clears the count after a right one. */
  recordAccess(id: string, outcome: { ok: true } | { ok: false; lockUntil?: Date }): Promise<void>;
  /** A page of the work queue; `bounds` turn an SLA colour into a deadline range. */
  list(
    filter: QueueFilter,
    scope: QueueScope,
    bounds: { today: string; amberUntil: string },
  ): Promise<{ total: number; rows: QueueRow[] }>;
  /** Open complaints by district and SLA colour, for the dashboards. */
  openByColour(
    scope: QueueScope,
    bounds: { today: string; amberUntil: string },
  ): Promise<{ district: string; green: number; amber: number; red: number }[]>;
  /** The sealed identity, recording in the same transaction who opened it, when and why. */
  revealIdentity(
    complaintId: string,
    identityRef: string,
    viewerId: string,
    reason: string,
  ): Promise<Uint8Array>;
  /** Institutions with at least two complaints since an instant not yet counted in a flag. */
  repeatCandidates(since: Date): Promise<RepeatCandidate[]>;
  /** Records a repeat flag, marks its complaints as counted and writes its event, atomically. */
  flagRepeat(
    flag: { id: string; institutionId: string; complaintIds: string[]; at: Date },
    event: Envelope,
  ): Promise<void>;
  /** Penalties decided against the institution after this complaint (from inspection). */
  outcomesOf(
    complaintId: string,
  ): Promise<{ penaltyId: string; decisionNumber: string; penaltyType: string; decidedOn: string }[]>;
  /** Complaints whose running deadline is before the given Beijing date. */
  overdue(today: string): Promise<string[]>;
  /** The work orders one hotline system filed, newest first. */
  filedBy(system: string, filter: HotlineFilter): Promise<ComplaintState[]>;
  /** Complaints over a jurisdiction filed in a period, with their logs, for the rates. */
  filedIn(scope: { jurisdiction: string }, period: Period): Promise<ComplaintState[]>;
}

/** Filed on or after `from` and before `to`. */
export interface Period {
  from?: Date;
  to?: Date;
}

export interface HotlineFilter extends Period {
  trackingNumbers?: string[];
  categories?: string[];
  /** Only those ended (closed or merged), or only those not; both when undefined. */
  ended?: boolean;
  limit: number;
}

/** The hotline systems that may file work orders (GeoReport API), recognised by API key. */
export interface HotlineSystems {
  /** The system's id, or undefined for a missing or unknown key. */
  identify(apiKey: string | undefined): string | undefined;
}

export interface InstitutionRecord {
  institutionId: string;
  licenseId: string;
  name: string;
  district: string;
  status: string;
}

/** The local register of licensed institutions, kept from registration's events. */
export interface InstitutionRegister {
  byLicense(licenseId: string): Promise<InstitutionRecord | undefined>;
  byInstitution(institutionId: string): Promise<InstitutionRecord | undefined>;
  count(): Promise<number>;
}

/** The complaint rules, clock and routing table in force for a district on a day. */
export interface ComplaintContext {
  rules: ComplaintRules;
  clock: WorkingDayClock;
  routes: RoutingTable;
}

export interface ComplaintRulesSource {
  forDistrict(district: string, on: Date): ComplaintContext;
}

/** Seals what must not be stored in clear (the identity, a receipt) and hashes phones for matching. */
export interface IdentitySealer {
  readonly keyId: string;
  seal(value: unknown): Uint8Array;
  open<T>(sealed: Uint8Array): T;
  phoneHash(phone: string): string;
}

export const QueueFilter = z
  .object({
    department: Department.optional(),
    district: z.string().max(40).optional(),
    status: z
      .enum([
        'accepted',
        'routed',
        'signed',
        'handling',
        'replied',
        'closed',
        'called-back',
        'rated',
        'merged',
      ])
      .optional(),
    colour: z.enum(['green', 'amber', 'red']).optional(),
    /** Supervisors' lists: replies to review, extensions to decide; a department's transfers to answer. */
    awaiting: z.enum(['review', 'extension', 'transfer']).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
    after: AfterCursor.optional(),
  })
  .refine((f) => !f.after || f.page === 1, {
    message: 'after replaces page: give one of them',
    path: ['after'],
  })
  .refine((f) => !f.after || queueKeyOf(f.after[0]) !== null, {
    message: 'not a cursor this list returned as nextCursor',
    path: ['after'],
  });
export type QueueFilter = z.infer<typeof QueueFilter>;

/**
 * The work queue's order, soonest deadline first (none last), then first filed, then id: a row's
 * place in it as the cursor's key, `<deadline ISO or empty>|<filed ISO>`.
 */
export const queueKey = (row: { deadline: Date | null; filedAt: Date }) =>
  `${row.deadline?.toISOString() ?? ''}|${row.filedAt.toISOString()}`;

export function queueKeyOf(key: string): { deadline: Date | null; filedAt: Date } | null {
  const [deadline, filedAt, ...rest] = key.split('|');
  const d = deadline ? new Date(deadline) : null;
  const f = new Date(filedAt ?? '');
  if (rest.length || Number.isNaN(f.getTime()) || (d && Number.isNaN(d.getTime()))) return null;
  return { deadline: d, filedAt: f };
}

export type QueueScope = { jurisdiction: string } | { institutionId: string };

/** A complaint row as the queue lists it. */
export interface QueueRow {
  id: string;
  trackingNumber: string;
  kind: string;
  category: string;
  status: string;
  round: number;
  subjectName: string;
  district: string;
  leadDepartment: string | null;
  /** A transfer waiting for this department's answer. */
  transferTo: string | null;
  supervisedBy: string | null;
  deadlineStage: string | null;
  deadline: Date | null;
  awaiting: string | null;
  filedAt: Date;
}

export interface RepeatCandidate {
  institutionId: string;
  licenseId: string;
  subjectName: string;
  district: string;
  complaints: EarlierComplaint[];
}
