import { z } from 'zod';
import { ApplicationForm } from '../domain/application-form';
import { StaffFiling, toStaffMember } from '../domain/filings';
import { idNumberPepper } from '../infrastructure/id-number-pepper';

/** The form as an operator sends it: staff with their identity numbers, which stop here. */
export const ApplicationFormInput = ApplicationForm.extend({
  staff: z.array(StaffFiling).max(500).default([]),
});
export type ApplicationFormInput = z.infer<typeof ApplicationFormInput>;

export const toApplicationForm = (input: ApplicationFormInput): ApplicationForm => ({
  ...input,
  staff: input.staff.map((s) => toStaffMember(s, idNumberPepper())),
});
