import { z } from 'zod';
import { ApplicationForm } from '../domain/application-form';
import { StaffFiling, StaffMember, toStaffMember } from '../domain/filings';
import { ResubmittedForm } from '../domain/license-application';
import { idNumberPepper } from '../application/id-number-pepper';

/** The form as an operator sends it: staff with their identity numbers, which stop here. */
export const ApplicationFormInput = ApplicationForm.extend({
  staff: z.array(StaffFiling).max(500).default([]),
});
export type ApplicationFormInput = z.infer<typeof ApplicationFormInput>;

export const toApplicationForm = (input: ApplicationFormInput): ApplicationForm => ({
  ...input,
  staff: input.staff.map((s) => toStaffMember(s, idNumberPepper())),
});

/**
 * The corrected form (PUT /applications/:id): a staff member already on the returned application
 * may be sent with the masked number the application shows instead of the number itself.
 */
const ResubmittedStaffInput = StaffFiling.omit({ idNumber: true })
  .extend({
    idNumber: StaffFiling.shape.idNumber.optional(),
    idNumberMasked: StaffMember.shape.idNumberMasked.optional(),
  })
  .refine((s) => !!s.idNumber || !!s.idNumberMasked, {
    message: 'an identity number, or the masked number shown for a staff member filed with this application',
    path: ['idNumber'],
  });
export const ResubmissionInput = ApplicationForm.extend({
  staff: z.array(ResubmittedStaffInput).max(500).default([]),
});
export type ResubmissionInput = z.infer<typeof ResubmissionInput>;

export const toResubmittedForm = (input: ResubmissionInput): ResubmittedForm => ({
  ...input,
  staff: input.staff.map(({ idNumber, idNumberMasked, ...rest }) =>
    idNumber
      ? toStaffMember({ ...rest, idNumber }, idNumberPepper())
      : { ...rest, idNumberMasked: idNumberMasked! },
  ),
});
