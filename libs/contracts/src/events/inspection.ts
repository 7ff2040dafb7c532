import { z } from 'zod';
import { defineEvent, EventDefinition } from '../registry';
import { Topics } from '../topics';
import { Fen, IsoDate } from './common';

const topic = Topics.inspection;

/**
 * What a decided penalty does to the license, if anything: stop enrolling (责令停止招生),
 * suspend (暂停办学) or revoke (吊销办学许可证). Registration acts on it; fee supervision freezes.
 */
export const LicenseAction = z.enum(['none', 'stop-enrolling', 'suspend', 'revoke']);

/** A penalty decided under 教育部令第53号, by someone other than its proposer. */
export const PenaltyDecided = defineEvent({
  type: 'inspection.PenaltyDecided',
  version: 1,
  topic,
  payload: z.object({
    penaltyId: z.string(),
    decisionNumber: z.string().min(1),
    /** The license it concerns; absent for an unlicensed operator. */
    licenseId: z.string().optional(),
    subjectName: z.string().min(1),
    penaltyType: z.enum([
      'warning',
      'fine',
      'confiscate-illegal-income',
      'stop-enrolling',
      'suspend',
      'revoke-license',
      'ban',
    ]),
    /** The article it rests on, e.g. '教育部令第53号 第十九条'. */
    legalBasis: z.string().min(1),
    fineFen: Fen.optional(),
    licenseAction: LicenseAction,
    reasons: z.string().min(1),
    decidedOn: IsoDate,
  }),
});

/** Entry on the black list (黑名单), published with its decision and a removal date for credit repair. */
export const BlacklistEntryAdded = defineEvent({
  type: 'inspection.BlacklistEntryAdded',
  version: 1,
  topic,
  payload: z.object({
    entryId: z.string(),
    subjectName: z.string().min(1),
    licenseId: z.string().optional(),
    /** Unified social credit code or the legal representative's name, whichever the entry is about. */
    creditCode: z.string().optional(),
    legalRepresentative: z.string().optional(),
    reason: z.string().min(1),
    decisionNumber: z.string().min(1),
    listedOn: IsoDate,
    removableOn: IsoDate,
  }),
});

export const BlacklistEntryRemoved = defineEvent({
  type: 'inspection.BlacklistEntryRemoved',
  version: 1,
  topic,
  payload: z.object({ entryId: z.string(), reason: z.string().min(1), removedOn: IsoDate }),
});

/** Who or what an enforcement record is about; licenseId is absent for an unlicensed operator. */
const subject = {
  licenseId: z.string().optional(),
  subjectName: z.string().min(1),
  district: z.string(),
};
const Grade = z.enum(['excellent', 'pass', 'basic-pass', 'fail']);
const Inspectors = z.array(z.object({ userId: z.string(), department: z.string() }));

/** An institution's annual report (年报) for a year, waiting to be scored. */
export const AnnualReportSubmitted = defineEvent({
  type: 'inspection.AnnualReportSubmitted',
  version: 1,
  topic,
  payload: z.object({ reportId: z.string(), ...subject, licenseId: z.string(), year: z.number().int() }),
});

/** The annual inspection result (年检结论) on the rulebook's score sheet, with what follows from it. */
export const AnnualReportGraded = defineEvent({
  type: 'inspection.AnnualReportGraded',
  version: 1,
  topic,
  payload: z.object({
    reportId: z.string(),
    ...subject,
    licenseId: z.string(),
    year: z.number().int(),
    total: z.number().min(0).max(100),
    grade: Grade,
    vetoes: z.array(z.string()),
    /** Excellent: out of the random spot-check pool through this day. */
    exemptFromSpotChecksUntil: IsoDate.optional(),
    rectificationOrdered: z.boolean(),
    revocationProposed: z.boolean(),
  }),
});

/** Inspectors are assigned to visit an institution (a lead, a spot-check draw, a joint case). */
export const InspectionScheduled = defineEvent({
  type: 'inspection.InspectionScheduled',
  version: 1,
  topic,
  payload: z.object({
    inspectionId: z.string(),
    ...subject,
    trigger: z.string(),
    spotCheckId: z.string().optional(),
    inspectors: Inspectors.min(2),
    scheduledFor: IsoDate,
  }),
});

export const InspectionClosed = defineEvent({
  type: 'inspection.InspectionClosed',
  version: 1,
  topic,
  payload: z.object({
    inspectionId: z.string(),
    ...subject,
    result: z.enum(['compliant', 'violations-found']),
    findings: z.string(),
    closedOn: IsoDate,
  }),
});

/** A violation logged on site with evidence (checksums, time, place). */
export const ViolationRecorded = defineEvent({
  type: 'inspection.ViolationRecorded',
  version: 1,
  topic,
  payload: z.object({
    violationId: z.string(),
    inspectionId: z.string().optional(),
    ...subject,
    code: z.string().min(1),
    severity: z.enum(['minor', 'serious', 'especially-serious']),
    description: z.string().min(1),
    evidence: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), takenAt: z.string() })).min(1),
  }),
});

/** Rectification ordered (责令整改) with a deadline in working days. */
export const RectificationOrdered = defineEvent({
  type: 'inspection.RectificationOrdered',
  version: 1,
  topic,
  payload: z.object({
    rectificationId: z.string(),
    ...subject,
    basis: z.enum(['annual-report', 'violations']),
    requirements: z.string().min(1),
    dueBy: IsoDate,
  }),
});

export const RectificationReported = defineEvent({
  type: 'inspection.RectificationReported',
  version: 1,
  topic,
  payload: z.object({
    rectificationId: z.string(),
    reportedOn: IsoDate,
    evidenceCount: z.number().int().positive(),
  }),
});

export const RectificationVerified = defineEvent({
  type: 'inspection.RectificationVerified',
  version: 1,
  topic,
  payload: z.object({ rectificationId: z.string(), passed: z.boolean(), verifiedOn: IsoDate }),
});

/**
 * Not rectified by the deadline: the institution goes on the black list and may not train
 * (培训禁令) until removed; licenseAction tells registration what to do to the license.
 */
export const RectificationOverdue = defineEvent({
  type: 'inspection.RectificationOverdue',
  version: 1,
  topic,
  payload: z.object({
    rectificationId: z.string(),
    ...subject,
    dueBy: IsoDate,
    trainingBan: z.boolean(),
    licenseAction: LicenseAction,
    blacklistEntryId: z.string(),
  }),
});

/** A penalty proposed by an inspector, waiting for another official's decision. */
export const PenaltyProposed = defineEvent({
  type: 'inspection.PenaltyProposed',
  version: 1,
  topic,
  payload: z.object({
    penaltyId: z.string(),
    ...subject,
    penaltyType: PenaltyDecided.payload.shape.penaltyType,
    legalBasis: z.string().min(1),
    fineFen: Fen.optional(),
    proposedBy: z.string(),
  }),
});

/** A random spot check drawn (双随机): the seed and algorithm are published so anyone can re-run it. */
export const SpotCheckDrawn = defineEvent({
  type: 'inspection.SpotCheckDrawn',
  version: 1,
  topic,
  payload: z.object({
    spotCheckId: z.string(),
    name: z.string().min(1),
    jurisdiction: z.string(),
    seed: z.string(),
    algorithm: z.string().min(1),
    inputDigest: z.string(),
    eligibleCount: z.number().int().nonnegative(),
    drawn: z.array(
      z.object({
        institutionId: z.string(),
        licenseId: z.string(),
        name: z.string(),
        district: z.string(),
        inspectionId: z.string(),
        inspectors: Inspectors,
      }),
    ),
  }),
});

/** The spot check's results are public (一公开) once every drawn inspection has closed. */
export const SpotCheckPublished = defineEvent({
  type: 'inspection.SpotCheckPublished',
  version: 1,
  topic,
  payload: z.object({
    spotCheckId: z.string(),
    name: z.string().min(1),
    publishedOn: IsoDate,
    results: z.array(z.object({ institutionId: z.string(), name: z.string(), result: z.string() })),
  }),
});

/** A joint case (联合执法) with one task per department, each on its own legal basis and deadline. */
export const JointCaseOpened = defineEvent({
  type: 'inspection.JointCaseOpened',
  version: 1,
  topic,
  payload: z.object({
    caseId: z.string(),
    ...subject,
    address: z.string().optional(),
    summary: z.string().min(1),
    tasks: z
      .array(
        z.object({
          taskId: z.string(),
          department: z.string(),
          legalBasis: z.string().min(1),
          dueBy: IsoDate,
        }),
      )
      .min(1),
  }),
});

export const JointCaseTaskCompleted = defineEvent({
  type: 'inspection.JointCaseTaskCompleted',
  version: 1,
  topic,
  payload: z.object({
    caseId: z.string(),
    taskId: z.string(),
    department: z.string(),
    findings: z.string().min(1),
    completedOn: IsoDate,
  }),
});

export const JointCaseClosed = defineEvent({
  type: 'inspection.JointCaseClosed',
  version: 1,
  topic,
  payload: z.object({ caseId: z.string(), conclusion: z.string().min(1), closedOn: IsoDate }),
});

/** inspection integration events; add each new one here. */
export const inspectionEvents: EventDefinition[] = [
  PenaltyDecided,
  BlacklistEntryAdded,
  BlacklistEntryRemoved,
  AnnualReportSubmitted,
  AnnualReportGraded,
  InspectionScheduled,
  InspectionClosed,
  ViolationRecorded,
  RectificationOrdered,
  RectificationReported,
  RectificationVerified,
  RectificationOverdue,
  PenaltyProposed,
  SpotCheckDrawn,
  SpotCheckPublished,
  JointCaseOpened,
  JointCaseTaskCompleted,
  JointCaseClosed,
];
