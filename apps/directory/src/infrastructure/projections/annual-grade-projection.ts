import { AnnualReportGraded, Envelope, PayloadOf } from '@otr/contracts';
import { DirectoryTx } from '../directory-prisma';

/** An annual inspection result (年检结论) for one report; a later grading of the same report replaces it. */
export async function onAnnualReportGraded(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof AnnualReportGraded>;
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.annual_grade AS g (report_id, institution_id, year, grade, total, graded_at)
     VALUES ($1, $2, $3, $4, $5, $6::timestamptz)
     ON CONFLICT (report_id) DO UPDATE SET institution_id = EXCLUDED.institution_id, year = EXCLUDED.year,
       grade = EXCLUDED.grade, total = EXCLUDED.total, graded_at = EXCLUDED.graded_at
     WHERE (g.graded_at, g.total) < (EXCLUDED.graded_at, EXCLUDED.total)`,
    p.reportId,
    event.institutionId,
    p.year,
    p.grade,
    p.total,
    event.occurredAt,
  );
}
