// Integration events as other contexts publish them, for the directory's own tests.
import {
  AnnualReportGraded,
  BlacklistEntryAdded,
  BlacklistEntryRemoved,
  ComplaintClosed,
  ComplaintFiled,
  ComplaintMerged,
  ComplaintRated,
  ComplaintReopened,
  contracts,
  CourseFiled,
  createEvent,
  Envelope,
  EventDefinition,
  InstitutionChanged,
  InstitutionClosed,
  LicenseIssued,
  LicenseReinstated,
  LicenseRenewed,
  LicenseSuspended,
  OrderRated,
  PayloadOf,
  PenaltyDecided,
  RiskAlertRaised,
  StaffFiled,
  StaffRemoved,
  ReserveStandingChanged,
  SupervisedAccountOpened,
  SYSTEM_ACTOR,
} from '@otr/contracts';
import type { Pool } from 'pg';
import { InProcessTransport, OutgoingMessage } from '@otr/messaging';
import { RunningService, startService } from '@otr/runtime';
import { createTestDatabase, freePort, TestDatabase } from '@otr/testing';
import { directoryService } from './directory.module';

/** Strings that must never leave the directory through a public endpoint. */
export const PRIVATE = {
  certificateNumber: 'CERT-PRIVATE-20260001',
  legalRepresentative: '私密法人乙',
  creditCode: '91330100PRIVATE0001',
  riskDetail: '私密风险预警详情丙',
  bankAccountNo: '6222-PRIVATE-0001',
  trackingNumber: 'TS20260101-PRIV01',
} as const;

/** A teacher's name: public on the institution page (从业人员信息公开), unlike the fields above. */
export const STAFF_NAME = '李明华';

const at = (day: number, hour = 8) => new Date(Date.UTC(2026, 0, day, hour));

/** Builds one institution's events, each at a given day of January 2026 (out-of-order tests need times). */
export function eventsFor(institutionId: string, name: string) {
  const licenseId = `l-${institutionId}`;
  const licenseNumber = `教民3301${institutionId.slice(-6)}号`;
  const make = <D extends EventDefinition>(def: D, day: number, payload: PayloadOf<D>): Envelope =>
    createEvent(def, {
      actor: SYSTEM_ACTOR,
      correlationId: 'directory-test',
      aggregateId: licenseId,
      institutionId,
      occurredAt: at(day),
      payload,
    });
  return {
    issued: (location?: { lat: number; lng: number }) =>
      make(LicenseIssued, 1, {
        licenseId,
        licenseNumber,
        institutionName: name,
        legalForm: 'non-profit',
        category: 'arts',
        scopes: ['offline'],
        district: 'CN-ZJ-HZ-XH',
        address: '浙江省杭州市西湖区文三路1号',
        ...(location && { location }),
        validFrom: '2026-01-01',
        validUntil: '2028-12-31',
      }),
    changed: (day: number, changes: PayloadOf<typeof InstitutionChanged>['changes']) =>
      make(InstitutionChanged, day, { licenseId, licenseNumber, changes }),
    suspended: (day: number) =>
      make(LicenseSuspended, day, { licenseId, licenseNumber, reason: '责令停止招生' }),
    reinstated: (day: number) =>
      make(LicenseReinstated, day, { licenseId, licenseNumber, reason: '整改完成' }),
    renewed: (day: number, validUntil: string) =>
      make(LicenseRenewed, day, { licenseId, licenseNumber, validUntil }),
    closed: (day: number) =>
      make(InstitutionClosed, day, { licenseId, licenseNumber, closedOn: '2026-01-28', reason: '终止办学' }),
    course: (day: number, courseId: string, priceFen: number) =>
      make(CourseFiled, day, {
        courseId,
        licenseId,
        name: '少儿美术启蒙',
        category: 'arts',
        subject: '美术',
        mode: 'offline',
        gradeLevels: ['小学一年级', '小学二年级'],
        totalHours: 48,
        lessonMinutes: 45,
        maxClassSize: 12,
        priceFen,
      }),
    staffFiled: (day: number, staffId: string, subject: string, certified: boolean, name = STAFF_NAME) =>
      make(StaffFiled, day, {
        staffId,
        licenseId,
        name,
        role: 'teacher',
        subject,
        ...(certified && {
          certificateNumber: PRIVATE.certificateNumber,
          certificateKind: 'teacher-qualification' as const,
        }),
      }),
    staffRemoved: (day: number, staffId: string) =>
      make(StaffRemoved, day, { staffId, licenseId, reason: '离职' }),
    /** A fine decided on the given January day, or on `decidedOn` for one from another time. */
    penalty: (day: number, penaltyId: string, decidedOn = `2026-01-${String(day).padStart(2, '0')}`) =>
      make(PenaltyDecided, day, {
        penaltyId,
        decisionNumber: `西教罚〔2026〕${penaltyId.slice(-3)}号`,
        licenseId,
        subjectName: name,
        penaltyType: 'fine',
        legalBasis: '教育部令第53号 第十九条',
        fineFen: 2_000_000,
        licenseAction: 'none',
        reasons: '超标准收费',
        decidedOn,
      }),
    blacklisted: (day: number, entryId: string) =>
      make(BlacklistEntryAdded, day, {
        entryId,
        subjectName: name,
        licenseId,
        creditCode: PRIVATE.creditCode,
        legalRepresentative: PRIVATE.legalRepresentative,
        reason: '逾期未整改',
        decisionNumber: `西教黑〔2026〕${entryId.slice(-3)}号`,
        listedOn: `2026-01-${String(day).padStart(2, '0')}`,
        removableOn: '2029-01-01',
      }),
    unlisted: (day: number, entryId: string) =>
      make(BlacklistEntryRemoved, day, {
        entryId,
        reason: '信用修复',
        removedOn: `2026-01-${String(day).padStart(2, '0')}`,
      }),
    graded: (
      day: number,
      reportId: string,
      year: number,
      grade: 'excellent' | 'pass' | 'basic-pass' | 'fail',
      total: number,
    ) =>
      make(AnnualReportGraded, day, {
        reportId,
        licenseId,
        subjectName: name,
        district: 'CN-ZJ-HZ-XH',
        year,
        total,
        grade,
        vetoes: [],
        rectificationOrdered: grade === 'basic-pass' || grade === 'fail',
        revocationProposed: false,
      }),
    accountOpened: (day: number, mode: 'bank-escrow' | 'risk-reserve') =>
      make(SupervisedAccountOpened, day, {
        licenseId,
        mode,
        bankAccountNo: PRIVATE.bankAccountNo,
        ...(mode === 'risk-reserve' && { requiredReserveFen: 50_000_000 }),
      }),
    /** Fee supervision's word on the risk reserve (风险保证金) of 500,000 yuan required. */
    reserveStanding: (day: number, standing: 'funded' | 'partly-funded' | 'unfunded', heldFen: number) =>
      make(ReserveStandingChanged, day, { licenseId, requiredFen: 50_000_000, heldFen, standing }),
    /** A family rates the institution for one order; ratedAt is the hour of that day. */
    rated: (day: number, orderId: string, stars: number, hour = 8) =>
      make(OrderRated, day, { orderId, licenseId, stars, ratedAt: at(day, hour).toISOString() }),
    complaintFiled: (
      day: number,
      complaintId: string,
      kind: 'complaint' | 'consultation' | 'help' = 'complaint',
    ) =>
      make(ComplaintFiled, day, {
        complaintId,
        trackingNumber: PRIVATE.trackingNumber,
        kind,
        category: 'fees-refunds',
        channel: 'portal',
        subject: { kind: 'licensed', licenseId, name, district: 'CN-ZJ-HZ-XH' },
        anonymous: false,
        answerBy: '2026-01-30',
      }),
    complaintClosed: (day: number, complaintId: string, round: 1 | 2) =>
      make(ComplaintClosed, day, { complaintId, trackingNumber: PRIVATE.trackingNumber, round }),
    complaintReopened: (day: number, complaintId: string) =>
      make(ComplaintReopened, day, {
        complaintId,
        trackingNumber: PRIVATE.trackingNumber,
        signBy: '2026-01-30',
        answerBy: '2026-02-20',
      }),
    complaintRated: (day: number, complaintId: string, satisfied: boolean, round: 1 | 2) =>
      make(ComplaintRated, day, { complaintId, trackingNumber: PRIVATE.trackingNumber, satisfied, round }),
    complaintMerged: (day: number, complaintId: string, into: string) =>
      make(ComplaintMerged, day, { complaintId, trackingNumber: PRIVATE.trackingNumber, into }),
    riskAlert: (day: number) =>
      make(RiskAlertRaised, day, {
        alertId: `a-${institutionId}`,
        licenseId,
        rule: 'fees.alert.singlePaymentAbove',
        detail: PRIVATE.riskDetail,
        severity: 'high',
      }),
  };
}

/** The event as its context's relay publishes it: validated, keyed by institution. */
export const message = (e: Envelope): OutgoingMessage => ({
  key: e.institutionId,
  value: JSON.stringify(contracts.parse(e)),
});

/** Its contract's topic. */
export const topicOf = (e: Envelope) => contracts.definition(e.type, e.version)!.topic;

/**
 * The directory service on a fresh database, fed through the in-process transport (each event is
 * applied before delivery resolves), and read through its public HTTP API.
 */
export async function startTestDirectory() {
  const db: TestDatabase = await createTestDatabase();
  const transport = new InProcessTransport();
  const service: RunningService = await startService(directoryService, {
    databaseUrl: db.url,
    transport,
    port: await freePort(),
  });
  const base = `http://127.0.0.1:${service.port}`;
  return {
    db,
    base,
    transport,
    /** Delivers events one by one in the order given. */
    deliver: async (...events: Envelope[]) => {
      for (const e of events) await transport.publish(topicOf(e), [message(e)]);
    },
    get: async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base}/public${path}`, { headers });
      return { status: res.status, headers: res.headers, text: await res.text() };
    },
    stop: async () => {
      await service.stop();
      await db.drop();
    },
  };
}
export type TestDirectory = Awaited<ReturnType<typeof startTestDirectory>>;

/**
 * Every row of the read model about the given institutions, in a stable order, without arrival
 * sequence numbers: what the public sees, and what a rebuild must reproduce exactly.
 */
export async function canonicalDump(pool: Pool, ids: string[]) {
  const table = async (sql: string) => (await pool.query(sql, [ids])).rows;
  return {
    institution: await table(`SELECT * FROM directory.institution WHERE id = ANY($1) ORDER BY id`),
    facts: await table(
      `SELECT event_id, institution_id, type, occurred_at, payload FROM directory.institution_fact
       WHERE institution_id = ANY($1) ORDER BY event_id`,
    ),
    course: await table(`SELECT * FROM directory.course WHERE institution_id = ANY($1) ORDER BY id`),
    staff: await table(`SELECT * FROM directory.staff WHERE institution_id = ANY($1) ORDER BY id`),
    penalty: await table(`SELECT * FROM directory.penalty WHERE institution_id = ANY($1) ORDER BY id`),
    blacklist: await table(
      `SELECT * FROM directory.blacklist_entry WHERE institution_id = ANY($1) ORDER BY id`,
    ),
    annualGrade: await table(
      `SELECT * FROM directory.annual_grade WHERE institution_id = ANY($1) ORDER BY report_id`,
    ),
    rating: await table(`SELECT * FROM directory.rating WHERE institution_id = ANY($1) ORDER BY order_id`),
    feeSupervision: await table(
      `SELECT * FROM directory.fee_supervision WHERE institution_id = ANY($1) ORDER BY institution_id`,
    ),
    complaint: await table(`SELECT * FROM directory.complaint WHERE institution_id = ANY($1) ORDER BY id`),
    timeline: await table(
      `SELECT * FROM directory.timeline_event WHERE institution_id = ANY($1) ORDER BY id`,
    ),
  };
}
