import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { Category, Fen, IsoDate, LegalForm, Location, Scope } from './common';

const topic = Topics.registration;

export const ApplicationSubmitted = defineEvent({
  type: 'registration.ApplicationSubmitted',
  version: 1,
  topic,
  payload: z.object({
    applicationId: z.string(),
    institutionName: z.string().min(1),
    category: Category,
    scopes: z.array(Scope).min(1),
    district: z.string(),
    competentDepartment: z.string(),
  }),
});

/** Returned for correction (补正), with a reason per item. */
export const ApplicationReturned = defineEvent({
  type: 'registration.ApplicationReturned',
  version: 1,
  topic,
  payload: z.object({
    applicationId: z.string(),
    items: z.array(z.object({ field: z.string(), reason: z.string().min(1) })).min(1),
  }),
});

/** Joint review (联合审查): another department is asked for its opinion by a deadline. */
export const OpinionRequested = defineEvent({
  type: 'registration.OpinionRequested',
  version: 1,
  topic,
  payload: z.object({
    applicationId: z.string(),
    department: z.string(),
    dueBy: IsoDate,
    district: z.string(),
  }),
});

export const OpinionGiven = defineEvent({
  type: 'registration.OpinionGiven',
  version: 1,
  topic,
  payload: z.object({
    applicationId: z.string(),
    department: z.string(),
    agrees: z.boolean(),
    reasons: z.string(),
  }),
});

export const ApplicationRejected = defineEvent({
  type: 'registration.ApplicationRejected',
  version: 1,
  topic,
  payload: z.object({ applicationId: z.string(), reasons: z.string().min(1) }),
});

export const ApplicationApproved = defineEvent({
  type: 'registration.ApplicationApproved',
  version: 1,
  topic,
  payload: z.object({ applicationId: z.string(), licenseId: z.string() }),
});

/** The school-running license (办学许可证) exists: the institution joins the white list. */
export const LicenseIssued = defineEvent({
  type: 'registration.LicenseIssued',
  version: 1,
  topic,
  payload: z.object({
    licenseId: z.string(),
    licenseNumber: z.string(),
    institutionName: z.string().min(1),
    legalForm: LegalForm,
    category: Category,
    scopes: z.array(Scope).min(1),
    district: z.string(),
    address: z.string(),
    location: Location.optional(),
    validFrom: IsoDate,
    validUntil: IsoDate,
  }),
});

const licenseChange = z.object({
  licenseId: z.string(),
  licenseNumber: z.string(),
  reason: z.string().min(1),
  /** The decision it rests on, e.g. a penalty decision number from inspection. */
  decision: z.string().optional(),
});

/** Enrolment stops (暂停招生) until reinstated. */
export const LicenseSuspended = defineEvent({
  type: 'registration.LicenseSuspended',
  version: 1,
  topic,
  payload: licenseChange,
});
export const LicenseReinstated = defineEvent({
  type: 'registration.LicenseReinstated',
  version: 1,
  topic,
  payload: licenseChange,
});
/** The license is withdrawn (吊销): fee supervision freezes and refunds, the directory shows it. */
export const LicenseRevoked = defineEvent({
  type: 'registration.LicenseRevoked',
  version: 1,
  topic,
  payload: licenseChange,
});
export const LicenseExpired = defineEvent({
  type: 'registration.LicenseExpired',
  version: 1,
  topic,
  payload: z.object({ licenseId: z.string(), licenseNumber: z.string(), validUntil: IsoDate }),
});
/** Renewal keeps the number and moves the end of validity. */
export const LicenseRenewed = defineEvent({
  type: 'registration.LicenseRenewed',
  version: 1,
  topic,
  payload: z.object({ licenseId: z.string(), licenseNumber: z.string(), validUntil: IsoDate }),
});

/** A document filed with an application, named by its SHA-256 so anyone can check the copy. */
export const DocumentAttached = defineEvent({
  type: 'registration.DocumentAttached',
  version: 1,
  topic,
  payload: z.object({
    applicationId: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    kind: z.string().min(1),
    contentType: z.string().min(1),
    size: z.number().int().nonnegative(),
  }),
});

/** The competent department's site visit (实地核查). */
export const SiteVisitRecorded = defineEvent({
  type: 'registration.SiteVisitRecorded',
  version: 1,
  topic,
  payload: z.object({
    applicationId: z.string(),
    visitedOn: IsoDate,
    conforms: z.boolean(),
    findings: z.string(),
  }),
});

/** Days before the end of validity the operator is reminded to renew (90 and 30 by default). */
export const LicenseExpiryReminderDue = defineEvent({
  type: 'registration.LicenseExpiryReminderDue',
  version: 1,
  topic,
  payload: z.object({
    licenseId: z.string(),
    licenseNumber: z.string(),
    validUntil: IsoDate,
    daysBefore: z.number().int().positive(),
  }),
});

/** A review step passed its working-day deadline (超期). */
export const ReviewStepOverdue = defineEvent({
  type: 'registration.ReviewStepOverdue',
  version: 1,
  topic,
  payload: z.object({
    applicationId: z.string(),
    step: z.enum(['decision', 'opinion']),
    department: z.string(),
    dueBy: IsoDate,
    district: z.string(),
  }),
});

/** An approved change of name, address, legal representative or scope (变更). */
export const InstitutionChanged = defineEvent({
  type: 'registration.InstitutionChanged',
  version: 1,
  topic,
  payload: z.object({
    licenseId: z.string(),
    licenseNumber: z.string(),
    changes: z
      .object({
        institutionName: z.string().min(1),
        address: z.string().min(1),
        district: z.string(),
        location: Location,
        legalRepresentative: z.string().min(1),
        scopes: z.array(Scope).min(1),
      })
      .partial(),
  }),
});

/** A course filed with the licensing department (课程备案), with its fee standard. */
export const CourseFiled = defineEvent({
  type: 'registration.CourseFiled',
  version: 1,
  topic,
  payload: z.object({
    courseId: z.string(),
    licenseId: z.string(),
    name: z.string().min(1),
    category: Category,
    subject: z.string().min(1),
    mode: Scope,
    gradeLevels: z.array(z.string()),
    totalHours: z.number().int().positive(),
    lessonMinutes: z.number().int().positive(),
    maxClassSize: z.number().int().positive(),
    /** The filed fee for the whole course, integer fen. */
    priceFen: Fen,
  }),
});

/** A staff member filed (人员备案); the identity number never travels, not even hashed (a hash gives it back). */
export const StaffFiled = defineEvent({
  type: 'registration.StaffFiled',
  version: 1,
  topic,
  payload: z.object({
    staffId: z.string(),
    licenseId: z.string(),
    name: z.string().min(1),
    role: z.enum(['teacher', 'other']),
    subject: z.string().optional(),
    certificateNumber: z.string().optional(),
    /** The kind of certificate (教师资格证 or a professional one), for the public page; absent in early events. */
    certificateKind: z
      .enum(['teacher-qualification', 'sports-coach', 'arts-professional', 'science-professional'])
      .optional(),
  }),
});

export const StaffRemoved = defineEvent({
  type: 'registration.StaffRemoved',
  version: 1,
  topic,
  payload: z.object({ staffId: z.string(), licenseId: z.string(), reason: z.string().min(1) }),
});

/** The institution closed (终止办学): the license ends and fee supervision runs the closure playbook. */
export const InstitutionClosed = defineEvent({
  type: 'registration.InstitutionClosed',
  version: 1,
  topic,
  payload: z.object({
    licenseId: z.string(),
    licenseNumber: z.string(),
    closedOn: IsoDate,
    reason: z.string().min(1),
  }),
});

/** A staff member matches the in-service school teacher roster (在职教师违规有偿补课): inspection acts on it. */
export const InServiceTeacherDetected = defineEvent({
  type: 'registration.InServiceTeacherDetected',
  version: 1,
  topic,
  payload: z.object({
    staffName: z.string().min(1),
    school: z.string().min(1),
    licenseId: z.string().optional(),
    applicationId: z.string().optional(),
    detectedAt: z.enum(['application', 'staff-filing', 'roster-import']),
  }),
});

export const registrationEvents = [
  ApplicationSubmitted,
  ApplicationReturned,
  OpinionRequested,
  OpinionGiven,
  ApplicationRejected,
  ApplicationApproved,
  LicenseIssued,
  LicenseSuspended,
  LicenseReinstated,
  LicenseRevoked,
  LicenseExpired,
  LicenseRenewed,
  DocumentAttached,
  SiteVisitRecorded,
  LicenseExpiryReminderDue,
  ReviewStepOverdue,
  InstitutionChanged,
  CourseFiled,
  StaffFiled,
  StaffRemoved,
  InstitutionClosed,
  InServiceTeacherDetected,
];
