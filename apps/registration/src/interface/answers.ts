import { z } from 'zod';
import { ApplicationForm } from '../domain/application-form';
import { ShownStaffMember } from '../domain/filings';
import { LicenseCommand } from '../domain/license';
import { ApplicationCommand, ApplicationState } from '../domain/license-application';
import { LicenseRequestCommand } from '../domain/license-request';
import { applicationActions } from '../application/record-actions';
import { LicenseFile, LicenseListItem, LicenseRequestRow } from '../infrastructure/license-read-model';
import type { Principal } from '@otr/auth';

/**
 * What registration's routes answer (issue #16), for the OpenAPI document and the tests' answer
 * check. The domain's and the read models' own schemas are reused; these are the receipts.
 */

/** What the caller may do with the record now: its state's commands this caller may run. */
const actionsOf = <T extends z.ZodEnum>(commands: T) =>
  z
    .array(commands)
    .describe('The commands this caller may run on the record now (its state, roles and 职责分离 allowing).');

/** An application as answers show it: staff with the masked identity number only (no HMAC). */
export const ApplicationView = ApplicationState.extend({
  form: ApplicationForm.extend({ staff: z.array(ShownStaffMember) }),
  actions: actionsOf(ApplicationCommand),
});

/** An application with what this caller may do with it. */
export const applicationView = <S extends ApplicationState>(application: S, p: Principal) => ({
  ...application,
  actions: applicationActions(application, p),
});

/** A license in the lists, with what this caller may do with it. */
export const LicenseItem = LicenseListItem.extend({ actions: actionsOf(LicenseCommand) });
export const LicensePage = z.object({
  items: z.array(LicenseItem),
  total: z.number().int().nonnegative(),
});

/** A license's whole file, with what this caller may do with it. */
export const LicenseFileView = LicenseFile.extend({ actions: actionsOf(LicenseCommand) });

/** A change or closure request in the queue, with what this caller may decide on it. */
export const LicenseRequestItem = LicenseRequestRow.extend({ actions: actionsOf(LicenseRequestCommand) });
export const LicenseRequestPage = z.object({
  items: z.array(LicenseRequestItem),
  total: z.number().int().nonnegative(),
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
