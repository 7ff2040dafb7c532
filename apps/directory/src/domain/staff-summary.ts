/** A staff member as the directory keeps one: no name, no certificate number. */
export interface StaffOnFile {
  role: string | null;
  subject: string | null;
  certified: boolean | null;
}

export interface StaffSummary {
  teachers: number;
  /** Teachers with a qualification certificate on file (教师资格 or a matching professional certificate). */
  certifiedTeachers: number;
  otherStaff: number;
  bySubject: { subject: string; teachers: number; certified: number }[];
}

/** The public page's staff figures: counts by subject, never who (从业人员信息公开, no personal data). */
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
  return {
    teachers: teachers.length,
    certifiedTeachers: teachers.filter((t) => t.certified).length,
    otherStaff: staff.length - teachers.length,
    bySubject: [...bySubject]
      .map(([subject, s]) => ({ subject, ...s }))
      .sort((a, b) => b.teachers - a.teachers || a.subject.localeCompare(b.subject)),
  };
}
