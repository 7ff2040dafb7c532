import { z } from 'zod';
import { ApplicationForm } from '../domain/application-form';
import { StaffFiling, StaffMember, toStaffMember } from '../domain/filings';
import { ResubmittedForm } from '../domain/license-application';
import { idNumberPepper } from '../application/id-number-pepper';

/** The form as an operator sends it: staff with their identity numbers, which stop here. */
export const ApplicationFormInput = ApplicationForm.extend({
  staff: z.array(StaffFiling).max(500).default([]),
}).meta({
  examples: [
    {
      institutionName: '杭州市西湖区启航美术培训学校',
      legalForm: 'non-profit',
      category: 'arts',
      scopes: ['offline'],
      district: 'CN-ZJ-HZ-XH',
      address: '浙江省杭州市西湖区文三路 398 号 3 楼',
      location: { lat: 30.2781, lng: 120.1315 },
      venue: { area: 420, maxClassSize: 20, fireSafetyAccepted: true },
      legalRepresentative: '王建国',
      ageGroups: ['primary', 'junior-secondary'],
      staff: [
        {
          name: '李明华',
          idNumber: '330106198805122045',
          role: 'teacher',
          subject: '美术',
          certificate: { kind: 'arts-professional', number: 'MS-2019-0318', subject: '美术' },
        },
      ],
      courses: [
        {
          name: '少儿素描基础班',
          subject: '美术',
          mode: 'offline',
          gradeLevels: ['primary'],
          outline: '线条与明暗、静物写生、结构素描，每 8 课时一次作品点评。',
          totalHours: 48,
          lessonMinutes: 90,
          maxClassSize: 15,
          priceFen: 288000,
        },
      ],
    },
  ],
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
