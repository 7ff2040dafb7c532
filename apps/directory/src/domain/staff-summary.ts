import { z } from 'zod';
/** A staff member as the directory keeps one: no identity number, no certificate number. */
export interface StaffOnFile {
  /** Known once the filing arrives (a removal may come first). */
  name: string | null;
  role: string | null;
  subject: string | null;
  certified: boolean | null;
  certificateKind: string | null;
}

/** One filed staff member on the public page: name and qualification, never identity data. */
export const PublicStaffMember = z.object({
  name: z.string(),
  role: z.enum(['teacher', 'other']),
  subject: z.string().nullable(),
  certified: z
    .boolean()
    .describe('A qualification certificate is on file (教师资格 or a matching professional certificate).'),
  certificateKind: z
    .string()
    .nullable()
    .describe('teacher-qualification (教师资格证), sports-coach, arts- or science-professional.'),
});
export type PublicStaffMember = z.infer<typeof PublicStaffMember>;

export const StaffSummary = z.object({
  teachers: z.number().int().nonnegative(),
  certifiedTeachers: z
    .number()
    .int()
    .nonnegative()
    .describe('Teachers with a qualification certificate on file.'),
  otherStaff: z.number().int().nonnegative(),
  bySubject: z.array(
    z.object({ subject: z.string(), teachers: z.number().int(), certified: z.number().int() }),
  ),
  members: z
    .array(PublicStaffMember)
    .describe('Teachers first, by subject, then name, in pinyin order (从业人员信息公开).'),
});
export type StaffSummary = z.infer<typeof StaffSummary>;

/** The public page's staff: who teaches what with which qualification, and the counts. */
export function summariseStaff(staff: StaffOnFile[]): StaffSummary {
  const teachers = staff.filter((s) => s.role === 'teacher');
  const bySubject = new Map<string, { teachers: number; certified: number }>();
  for (const t of teachers) {
    const key = t.subject ?? '';
    const s = bySubject.get(key) ?? { teachers: 0, certified: 0 };
    s.teachers++;
    if (t.certified) s.certified++;
    bySubject.set(key, s);
  }
  const members = staff
    .filter((s) => s.name !== null)
    .map((s): PublicStaffMember => ({
      name: s.name!,
      role: s.role === 'teacher' ? 'teacher' : 'other',
      subject: s.subject,
      certified: Boolean(s.certified),
      certificateKind: s.certificateKind,
    }))
    .sort(
      (a, b) =>
        Number(a.role !== 'teacher') - Number(b.role !== 'teacher') ||
        (a.subject ?? '').localeCompare(b.subject ?? '', 'zh-CN') ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
  return {
    teachers: teachers.length,
    certifiedTeachers: teachers.filter((t) => t.certified).length,
    otherStaff: staff.length - teachers.length,
    bySubject: [...bySubject]
      .map(([subject, s]) => ({ subject, ...s }))
      .sort((a, b) => b.teachers - a.teachers || a.subject.localeCompare(b.subject)),
    members,
  };
}
