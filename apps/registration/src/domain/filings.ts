import { z } from 'zod';
import { Category, Scope } from '@otr/contracts';
import { PersonName, publicText, ResidentIdNumber, ResidentIdNumberField } from '@otr/kernel';
import { LicensingRuleViolated } from './errors';
import { assertNoneInService, hashIdNumber, InServiceTeacher } from './in-service-roster';
import { LicenseProfile, LicenseState } from './license';

/** A course filed with the licensing department (课程备案): content, hours and fee standard. */
/**
 * The dearest course a filing may state: ¥1,000,000 (100,000,000 fen). Far above any real course,
 * far below 9e15 fen (which was accepted and published) and Number.MAX_SAFE_INTEGER.
 */
export const MAX_COURSE_PRICE_FEN = 100_000_000;

export const CourseFiling = z.object({
  name: publicText('text', 2, 100),
  subject: publicText('text', 1, 50),
  mode: Scope,
  gradeLevels: z.array(z.enum(['primary', 'junior-secondary', 'senior-secondary', 'adult'])).min(1),
  outline: publicText('multiline', 10, 5000),
  totalHours: z.number().int().positive().max(2000),
  lessonMinutes: z.number().int().positive().max(240),
  maxClassSize: z.number().int().positive().max(500),
  /** The fee for the whole course in integer fen (分), at most MAX_COURSE_PRICE_FEN. */
  priceFen: z.number().int().nonnegative().max(MAX_COURSE_PRICE_FEN),
});
export type CourseFiling = z.infer<typeof CourseFiling>;

/** The certificate a teacher holds: 教师资格证 (with its subject) or a professional one for non-subject training. */
export const Certificate = z.object({
  kind: z.enum(['teacher-qualification', 'sports-coach', 'arts-professional', 'science-professional']),
  number: publicText('text', 4, 40),
  subject: publicText('text', 1, 50).optional(),
});

/**
 * A staff member filed (人员备案). The identity number is checked (GB 11643-1999: address code, date
 * of birth, check character), keyed-hashed and never stored in clear.
 */
export const StaffFiling = z.object({
  name: PersonName,
  idNumber: ResidentIdNumberField,
  role: z.enum(['teacher', 'other']),
  subject: z.string().trim().min(1).max(50).optional(),
  certificate: Certificate.optional(),
});
export type StaffFiling = z.infer<typeof StaffFiling>;

/**
 * A staff member as kept after filing: the identity number only as a keyed HMAC (server-side only,
 * for roster matching; see withoutIdNumberHashes) and a masked form (the only one ever shown).
 */
export const StaffMember = StaffFiling.omit({ idNumber: true }).extend({
  idNumberHash: z.string().regex(/^[0-9a-f]{64}$|^legacy:/),
  idNumberMasked: z.string(),
});
export type StaffMember = z.infer<typeof StaffMember>;

/** A staff member as answers show them: the masked number only, never the HMAC (withoutIdNumberHashes). */
export const ShownStaffMember = StaffMember.omit({ idNumberHash: true });

/** 33010619900101123X → 330106********123X, and the HMAC under the server's key. */
export const toStaffMember = ({ idNumber, ...rest }: StaffFiling, key: string): StaffMember => {
  const id = ResidentIdNumber.parse(idNumber);
  return { ...rest, idNumberHash: hashIdNumber(idNumber, key), idNumberMasked: id.masked };
};

/**
 * What may leave the service: the value without any `idNumberHash`, at any depth. Answers and
 * action logs go through it; the HMAC stays in the staff table and the application's own record.
 */
export function withoutIdNumberHashes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutIdNumberHashes) as T;
  // Only plain objects are rebuilt: dates, buffers and streamed files pass as they are.
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => k !== 'idNumberHash')
      .map(([k, v]) => [k, withoutIdNumberHashes(v)]),
  ) as T;
}

const DOUBLE_REDUCTION = '中办发〔2021〕40号 (双减)';
const NON_SUBJECT_STANDARDS = '教监管厅函〔2023〕4号 (非学科类校外培训机构设置标准)';

/** The certificate each category requires of its teachers (DOMAIN.md, Licensing). */
const REQUIRED_CERTIFICATE: Record<Category, z.infer<typeof Certificate>['kind'][]> = {
  subject: ['teacher-qualification'],
  sports: ['sports-coach', 'teacher-qualification'],
  arts: ['arts-professional', 'teacher-qualification'],
  'science-tech': ['science-professional', 'teacher-qualification'],
};

/**
 * Each teacher holds the certificate the category requires; for subject-type training that is a
 * teacher qualification of the subject taught.
 */
export function checkStaffQualification(category: Category, staff: StaffMember, at = 'staff'): void {
  if (staff.role !== 'teacher') return;
  const cert = staff.certificate;
  const kinds = REQUIRED_CERTIFICATE[category];
  if (!cert || !kinds.includes(cert.kind)) {
    throw new LicensingRuleViolated(`${staff.name} holds no certificate accepted for ${category} training`, {
      field: `${at}.certificate`,
      rule: `teachers hold one of: ${kinds.join(', ')}`,
      source: category === 'subject' ? DOUBLE_REDUCTION : NON_SUBJECT_STANDARDS,
    });
  }
  if (category === 'subject' && cert.subject !== staff.subject) {
    throw new LicensingRuleViolated(
      `${staff.name}'s teacher qualification is not for ${staff.subject ?? 'the subject taught'}`,
      {
        field: `${at}.certificate.subject`,
        rule: 'a subject-type teacher is qualified in the subject taught',
        source: DOUBLE_REDUCTION,
      },
    );
  }
}

/** A course must fit the license: its category, a licensed mode, the venue's class size, online lesson length. */
export function checkCourse(
  profile: LicenseProfile,
  course: CourseFiling,
  onlineLessonMaxMinutes: { value: number; source: string },
  at = 'course',
): void {
  if (!profile.scopes.includes(course.mode)) {
    throw new LicensingRuleViolated(`the license does not cover ${course.mode} training`, {
      field: `${at}.mode`,
      rule: 'courses stay within the licensed scope',
      source: DOUBLE_REDUCTION,
    });
  }
  if (course.maxClassSize > profile.maxClassSize) {
    throw new LicensingRuleViolated(
      `a class of ${course.maxClassSize} exceeds the licensed ${profile.maxClassSize}`,
      {
        field: `${at}.maxClassSize`,
        rule: 'class size within the venue the license was issued for',
      },
    );
  }
  if (course.mode === 'online' && course.lessonMinutes > onlineLessonMaxMinutes.value) {
    throw new LicensingRuleViolated(`online lessons of ${course.lessonMinutes} minutes are too long`, {
      field: `${at}.lessonMinutes`,
      rule: `an online lesson lasts at most ${onlineLessonMaxMinutes.value} minutes`,
      source: onlineLessonMaxMinutes.source,
    });
  }
}

/** Filing after licensing needs a license that is in force and enrolling. */
export function assertCanFile(license: LicenseState, what: string): void {
  if (license.status !== 'active') {
    throw new LicensingRuleViolated(`cannot file ${what} while the license is ${license.status}`, {
      field: 'license.status',
      rule: 'filings need an active license',
    });
  }
}

/** What filing after licensing produces; the license's action log and the outbox carry it. */
export type FilingEvent =
  | { type: 'CourseFiled'; licenseId: string; courseId: string; course: CourseFiling }
  | { type: 'StaffFiled'; licenseId: string; staffId: string; staff: StaffMember }
  | { type: 'StaffRemoved'; licenseId: string; staffId: string; reason: string };

/** decide: file a course for an active license, within what the license allows. */
export function fileCourse(
  license: LicenseState,
  course: CourseFiling,
  onlineLessonMaxMinutes: { value: number; source: string },
  courseId: string,
): FilingEvent[] {
  assertCanFile(license, 'a course');
  checkCourse(license.profile, course, onlineLessonMaxMinutes);
  return [{ type: 'CourseFiled', licenseId: license.id, courseId, course }];
}

/** decide: file a staff member: qualified for the category and not teaching in a school. */
export function fileStaff(
  license: LicenseState,
  staff: StaffMember,
  rosterMatches: InServiceTeacher[],
  staffId: string,
): FilingEvent[] {
  assertCanFile(license, 'staff');
  checkStaffQualification(license.profile.category, staff);
  assertNoneInService([staff], rosterMatches, 'staff');
  return [{ type: 'StaffFiled', licenseId: license.id, staffId, staff }];
}

/** decide: a staff member leaves; removal is recorded with its reason, whatever the license state. */
export function removeStaff(
  license: LicenseState,
  staff: { staffId: string; removed: boolean },
  reason: string,
): FilingEvent[] {
  if (staff.removed) {
    throw new LicensingRuleViolated('this staff member was already removed', {
      field: 'staffId',
      rule: 'a staff member is removed once',
    });
  }
  return [{ type: 'StaffRemoved', licenseId: license.id, staffId: staff.staffId, reason }];
}
