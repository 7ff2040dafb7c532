import { z } from 'zod';
import { Category, LegalForm, Location, Scope } from '@otr/contracts';
import { CourseFiling, StaffMember } from './filings';

/** What an operator files to apply for a school-running license (办学许可申请). */
export const ApplicationForm = z.object({
  institutionName: z.string().trim().min(2).max(100),
  legalForm: LegalForm,
  category: Category,
  scopes: z.array(Scope).min(1),
  /** Jurisdiction code of the district, e.g. CN-ZJ-HZ-XH. */
  district: z.string().regex(/^CN(-[A-Z0-9]+){3}$/, 'a district code such as CN-ZJ-HZ-XH'),
  address: z.string().trim().min(4).max(200),
  location: Location.optional(),
  venue: z.object({
    /** Floor area in m². */
    area: z.number().positive(),
    maxClassSize: z.number().int().positive(),
    fireSafetyAccepted: z.boolean(),
  }),
  legalRepresentative: z.string().trim().min(2).max(50),
  /** Preschool (学前) training is banned outright; the form says who is taught. */
  ageGroups: z
    .array(z.enum(['preschool', 'primary', 'junior-secondary', 'senior-secondary', 'adult']))
    .min(1),
  /** Staff with their certificates, and the courses with outline, hours and fee standard. */
  staff: z.array(StaffMember).default([]),
  courses: z.array(CourseFiling).default([]),
});
export type ApplicationForm = z.infer<typeof ApplicationForm>;
