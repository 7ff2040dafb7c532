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

export const registrationEvents = [ApplicationSubmitted, ApplicationApproved, LicenseIssued];
