import { Category, CourseFiled, createEvent, EventOrigin, StaffFiled } from '@otr/contracts';
import { CourseFiling, StaffMember } from '../domain/filings';

type Base = EventOrigin & { institutionId: string };

/** registration.CourseFiled for a course filed with an application or after licensing. */
export const courseFiledEvent = (
  base: Base,
  filing: { licenseId: string; courseId: string; course: CourseFiling; category: Category },
) => {
  const { outline: _outline, ...c } = filing.course;
  return createEvent(CourseFiled, {
    ...base,
    aggregateId: filing.licenseId,
    payload: { ...c, courseId: filing.courseId, licenseId: filing.licenseId, category: filing.category },
  });
};

/** registration.StaffFiled: name, role and certificate only; the identity number never leaves the service. */
export const staffFiledEvent = (
  base: Base,
  filing: { licenseId: string; staffId: string; staff: StaffMember },
) =>
  createEvent(StaffFiled, {
    ...base,
    aggregateId: filing.licenseId,
    payload: {
      staffId: filing.staffId,
      licenseId: filing.licenseId,
      name: filing.staff.name,
      role: filing.staff.role,
      ...(filing.staff.subject ? { subject: filing.staff.subject } : {}),
      ...(filing.staff.certificate
        ? {
            certificateNumber: filing.staff.certificate.number,
            certificateKind: filing.staff.certificate.kind,
          }
        : {}),
    },
  });
