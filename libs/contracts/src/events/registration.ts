import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { Category, IsoDate, LegalForm, Location, Scope } from './common';

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
];
