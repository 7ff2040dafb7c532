import { Money } from '@otr/kernel';

/** Where an institution's risk reserve (风险保证金) stands against what the local rules require. */
export type ReserveStanding = 'funded' | 'partly-funded' | 'unfunded';

export const reserveStanding = (required: Money, held: Money): ReserveStanding =>
  held.greaterThanOrEqual(required)
    ? 'funded'
    : held.greaterThan(Money.zero())
      ? 'partly-funded'
      : 'unfunded';

export interface ReserveStandingChange {
  requiredFen: number;
  heldFen: number;
  standing: ReserveStanding;
}

/**
 * The standing to publish, or null when it is the one last published: families and the directory
 * hear of a change of state, not of every deposit.
 */
export function decideReserveStanding(
  lastPublished: ReserveStanding | null,
  required: Money,
  held: Money,
): ReserveStandingChange | null {
  const standing = reserveStanding(required, held);
  if (standing === lastPublished) return null;
  return { requiredFen: required.fen, heldFen: Math.max(held.fen, 0), standing };
}
