import { z } from 'zod';
import { ApplicationForm } from '../domain/application-form';
import { ShownStaffMember } from '../domain/filings';
import { ApplicationState } from '../domain/license-application';

/**
 * What registration's routes answer (issue #16), for the OpenAPI document and the tests' answer
 * check. The domain's and the read models' own schemas are reused; these are the receipts.
 */

/** An application as answers show it: staff with the masked identity number only (no HMAC). */
export const ApplicationView = ApplicationState.extend({
  form: ApplicationForm.extend({ staff: z.array(ShownStaffMember) }),
});

export const SubmittedReceipt = z.object({
  applicationId: z.uuid(),
  institutionId: z.string().describe('The institution the application is for (new on a first application).'),
});

export const ApprovedReceipt = z.object({
  licenseId: z.uuid(),
  licenseNumber: z.string().describe('The license number issued (许可证编号).'),
});

export const CourseReceipt = z.object({ courseId: z.uuid() });
export const StaffReceipt = z.object({ staffId: z.uuid() });
export const StaffRemoved = z.object({ removed: z.uuid().describe('The staff member removed.') });
export const RequestReceipt = z.object({ requestId: z.uuid() });
export const RequestDecided = z.object({ id: z.uuid(), status: z.enum(['approved', 'rejected']) });

export const RosterImported = z.object({
  teachers: z.number().int().nonnegative().describe('Teachers on the roster now (在职教师名单).'),
  detected: z.number().int().nonnegative().describe('Filed staff found on it, reported to inspection.'),
});

export const UpkeepDone = z.object({
  expired: z.number().int().nonnegative().describe('Licenses expired by this run.'),
  reminded: z.number().int().nonnegative().describe('Expiry reminders sent (90 and 30 days before).'),
  overdue: z.number().int().nonnegative().describe('Review steps newly reported overdue.'),
});
