import { z } from 'zod';
import { Category, LegalForm, Scope } from '@otr/contracts';
import { ChinaLocation, InstitutionName, PersonName, publicText } from '@otr/kernel';
import { demoJurisdiction } from '@otr/rules';
import { CourseFiling, StaffMember } from './filings';

/**
 * Bounds of what a venue can be: a training venue is not a stadium (a 1e300 m² venue was accepted
 * and published); the class-size bound is the largest lecture room, the licence narrows it.
 */
export const MAX_VENUE_AREA_M2 = 100_000;
export const MAX_CLASS_SIZE = 500;

/** A district (county-level) code on the platform's list (libs/rules), e.g. CN-ZJ-HZ-XH. */
export const DistrictCode = z.string().superRefine((code, ctx) => {
  if (!/^CN(-[A-Z0-9]+){3}$/.test(code))
    ctx.addIssue({ code: 'custom', message: 'a district code such as CN-ZJ-HZ-XH' });
  else if (demoJurisdiction(code)?.level !== 'district')
    ctx.addIssue({ code: 'custom', message: 'a district the platform serves (libs/rules jurisdictions)' });
});

/** What an operator files to apply for a school-running license (办学许可申请). */
export const ApplicationForm = z.object({
  /** NFKC, no invisible/bidi characters, no look-alike letters (InstitutionName, libs/kernel). */
  institutionName: InstitutionName,
  legalForm: LegalForm,
  category: Category,
  scopes: z.array(Scope).min(1),
  /** Jurisdiction code of the district, e.g. CN-ZJ-HZ-XH. */
  district: DistrictCode,
  address: publicText('text', 4, 200),
  location: ChinaLocation.optional(),
  venue: z.object({
    /** Floor area in m². */
    area: z.number().positive().max(MAX_VENUE_AREA_M2),
    maxClassSize: z.number().int().positive().max(MAX_CLASS_SIZE),
    fireSafetyAccepted: z.boolean(),
  }),
  legalRepresentative: PersonName,
  /** Preschool (学前) training is banned outright; the form says who is taught. */
  ageGroups: z
    .array(z.enum(['preschool', 'primary', 'junior-secondary', 'senior-secondary', 'adult']))
    .min(1),
  /** Staff with their certificates, and the courses with outline, hours and fee standard. */
  staff: z.array(StaffMember).default([]),
  courses: z.array(CourseFiling).default([]),
});
export type ApplicationForm = z.infer<typeof ApplicationForm>;
