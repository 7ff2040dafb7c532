import { Envelope, OrderRated, PayloadOf, SupervisedAccountOpened } from '@otr/contracts';
import { DirectoryTx } from '../directory-prisma';

/**
 * A family's rating, one per order: a newer ratedAt replaces an older one (an edit), an older or
 * repeated delivery changes nothing; equal times keep the higher stars, so any order gives one answer.
 */
export async function onOrderRated(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof OrderRated>;
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.rating AS r (order_id, institution_id, stars, rated_at)
     VALUES ($1, $2, $3, $4::timestamptz)
     ON CONFLICT (order_id) DO UPDATE SET institution_id = EXCLUDED.institution_id, stars = EXCLUDED.stars,
       rated_at = EXCLUDED.rated_at
     WHERE (r.rated_at, r.stars) < (EXCLUDED.rated_at, EXCLUDED.stars)`,
    p.orderId,
    event.institutionId,
    p.stars,
    p.ratedAt,
  );
}

/** How the institution's prepaid fees are supervised; the account number stays out. The latest opening wins. */
export async function onSupervisedAccountOpened(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof SupervisedAccountOpened>;
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.fee_supervision AS f (institution_id, mode, opened_at) VALUES ($1, $2, $3::timestamptz)
     ON CONFLICT (institution_id) DO UPDATE SET mode = EXCLUDED.mode, opened_at = EXCLUDED.opened_at
     WHERE (f.opened_at, f.mode) < (EXCLUDED.opened_at, EXCLUDED.mode)`,
    event.institutionId,
    p.mode,
    event.occurredAt,
  );
}
