import { ComplaintClosed, ComplaintFiled, ComplaintRated, Envelope, PayloadOf } from '@otr/contracts';
import { DirectoryTx } from '../directory-prisma';

// Each event sets its own column, and each setting commutes (a value, a maximum, a flag), so the
// complaint's figures do not depend on the order its events arrive in.

/** Every complaint event carries its complaintId and, as the key, the institution. */
const upsert = (tx: DirectoryTx, event: Envelope, columns: string, set: string, ...values: unknown[]) =>
  tx.$executeRawUnsafe(
    `INSERT INTO directory.complaint AS c (id, institution_id, ${columns})
     VALUES ($1, $2, ${values.map((_, i) => `$${i + 3}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${set}`,
    (event.payload as { complaintId: string }).complaintId,
    event.institutionId,
    ...values,
  );

/** Keeps the highest value a column has been given. */
const highest = (column: string) => `${column} = GREATEST(c.${column}, EXCLUDED.${column})`;

/** Accepted (受理): what kind of request it is, and when. */
export async function onComplaintFiled(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof ComplaintFiled>;
  await upsert(
    tx,
    event,
    'kind, filed_at',
    'kind = EXCLUDED.kind, filed_at = EXCLUDED.filed_at',
    p.kind,
    event.occurredAt,
  );
}

/** Closed (办结) in a round: the highest round closed is kept. */
export async function onComplaintClosed(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof ComplaintClosed>;
  await upsert(tx, event, 'closed_round', highest('closed_round'), p.round);
}

/** Reopened after an unsatisfied first round: open again until the second round closes. */
export async function onComplaintReopened(event: Envelope, tx: DirectoryTx): Promise<void> {
  await upsert(tx, event, 'reopened', 'reopened = true', true);
}

/** The complainant's rating of a round's answer: the highest round rated "not satisfied" is kept. */
export async function onComplaintRated(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof ComplaintRated>;
  await upsert(tx, event, 'unsatisfied_round', highest('unsatisfied_round'), p.satisfied ? 0 : p.round);
}

/** Folded into an earlier complaint (重复件合并): counted once, as that one. */
export async function onComplaintMerged(event: Envelope, tx: DirectoryTx): Promise<void> {
  await upsert(tx, event, 'merged', 'merged = true', true);
}

/** Counted on the public page: complaints (not consultations or requests for help), filed, not merged. */
export const COUNTED_COMPLAINT = `kind = 'complaint' AND filed_at IS NOT NULL AND NOT merged`;
