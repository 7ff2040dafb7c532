import { CourseFiled, Envelope, PayloadOf, StaffFiled, StaffRemoved } from '@otr/contracts';
import { DirectoryTx } from '../directory-prisma';

/** A filed course and its fee standard (明码标价); a re-filing of the same course replaces it unless older. */
export async function onCourseFiled(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof CourseFiled>;
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.course AS c (id, institution_id, name, category, subject, mode, grade_levels,
       total_hours, lesson_minutes, max_class_size, price_fen, filed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10, $11, $12::timestamptz)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category,
       subject = EXCLUDED.subject, mode = EXCLUDED.mode, grade_levels = EXCLUDED.grade_levels,
       total_hours = EXCLUDED.total_hours, lesson_minutes = EXCLUDED.lesson_minutes,
       max_class_size = EXCLUDED.max_class_size, price_fen = EXCLUDED.price_fen, filed_at = EXCLUDED.filed_at
     WHERE c.filed_at <= EXCLUDED.filed_at`,
    p.courseId,
    event.institutionId,
    p.name,
    p.category,
    p.subject,
    p.mode,
    p.gradeLevels,
    p.totalHours,
    p.lessonMinutes,
    p.maxClassSize,
    p.priceFen,
    event.occurredAt,
  );
}

/**
 * A filed staff member, kept as name, role, subject and whether a certificate is on file: the
 * public page lists who teaches with which qualification, never certificate or identity numbers.
 */
export async function onStaffFiled(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof StaffFiled>;
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.staff AS s (id, institution_id, name, role, subject, certified, certificate_kind, filed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, subject = EXCLUDED.subject,
       certified = EXCLUDED.certified, certificate_kind = EXCLUDED.certificate_kind, filed_at = EXCLUDED.filed_at
     WHERE s.filed_at IS NULL OR s.filed_at <= EXCLUDED.filed_at`,
    p.staffId,
    event.institutionId,
    p.name,
    p.role,
    p.subject ?? null,
    Boolean(p.certificateNumber),
    p.certificateKind ?? null,
    event.occurredAt,
  );
}

/** A removal may arrive before the filing it ends; a member counts while filed after any removal. */
export async function onStaffRemoved(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof StaffRemoved>;
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.staff AS s (id, institution_id, removed_at) VALUES ($1, $2, $3::timestamptz)
     ON CONFLICT (id) DO UPDATE SET removed_at = GREATEST(s.removed_at, EXCLUDED.removed_at)`,
    p.staffId,
    event.institutionId,
    event.occurredAt,
  );
}

/** Counted staff: filed, and filed after any removal. */
export const STAFF_ON_FILE = 'filed_at IS NOT NULL AND (removed_at IS NULL OR removed_at < filed_at)';
