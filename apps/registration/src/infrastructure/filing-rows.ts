import { CourseFiling, StaffMember } from '../domain/filings';
import { RegistrationTx } from './registration-prisma';

/** Rows for filed courses and staff, written in the transaction that files them. */
export const insertCourse = (
  tx: RegistrationTx,
  f: { licenseId: string; courseId: string; course: CourseFiling },
) =>
  tx.course.create({
    data: { id: f.courseId, licenseId: f.licenseId, name: f.course.name, details: f.course },
  });

export const insertStaff = (
  tx: RegistrationTx,
  f: { licenseId: string; staffId: string; staff: StaffMember },
) =>
  tx.staff.create({
    data: {
      id: f.staffId,
      licenseId: f.licenseId,
      name: f.staff.name,
      role: f.staff.role,
      idNumberHash: f.staff.idNumberHash,
      details: f.staff,
    },
  });
