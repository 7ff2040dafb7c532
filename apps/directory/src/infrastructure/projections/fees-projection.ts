import {
  Envelope,
  OrderRated,
  PayloadOf,
  ReserveStandingChanged,
  SupervisedAccountOpened,
} from '@otr/contracts';
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

/**
 * The risk reserve's standing (风险保证金), so the page says what the ledger says. The latest
 * change wins; at the same instant the larger reserve held (deposits only add), so any delivery
 * order gives one answer. Arriving before the account's opening, it implies risk-reserve mode
 * (opened at -infinity, which the opening then replaces).
 */
export async function onReserveStandingChanged(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof ReserveStandingChanged>;
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.fee_supervision AS f
       (institution_id, mode, opened_at, reserve_standing, reserve_required_fen, reserve_held_fen, reserve_as_of)
     VALUES ($1, 'risk-reserve', '-infinity', $2, $3, $4, $5::timestamptz)
     ON CONFLICT (institution_id) DO UPDATE SET reserve_standing = EXCLUDED.reserve_standing,
       reserve_required_fen = EXCLUDED.reserve_required_fen, reserve_held_fen = EXCLUDED.reserve_held_fen,
       reserve_as_of = EXCLUDED.reserve_as_of
     WHERE f.reserve_as_of IS NULL
        OR (f.reserve_as_of, f.reserve_held_fen) < (EXCLUDED.reserve_as_of, EXCLUDED.reserve_held_fen)`,
    event.institutionId,
    p.standing,
    p.requiredFen,
    p.heldFen,
    event.occurredAt,
  );
}
