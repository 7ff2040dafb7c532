import { z } from 'zod';
import { Money } from '@otr/kernel';
import { InspectionRuleViolated } from './errors';

/** The facts a fine's legal range rests on (教育部令第53号 第十七条、第十八条). */
export const FineBasis = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unlicensed-operation') }),
  z.object({ kind: z.literal('disguised-subject-training'), especiallySerious: z.boolean() }),
]);
export type FineBasis = z.infer<typeof FineBasis>;

export interface FineRules {
  unlicensedMultiple: { min: number; max: number; source: string };
  disguised: { seriousMax: number; especiallySerious: { min: number; max: number }; source: string };
}

export const FineRange = z.object({
  minFen: z.number().int().describe('The least fine, in fen (integer).'),
  maxFen: z.number().int().describe('The largest fine, in fen (integer).'),
  source: z.string().describe('The article the range rests on.'),
});
export type FineRange = z.infer<typeof FineRange>;

/** What the fee ledger knows of one license: money released to it, and refunds paid back. */
export interface IncomeLedger {
  releasedFen: number;
  refundedFen: number;
}

/**
 * Illegal income (违法所得): released fees less refunds when fee supervision has figures for the
 * license, else the amount the inspector established. Refunded fees are deducted, never below zero.
 */
export function illegalIncome(
  ledger: IncomeLedger | undefined,
  declaredFen: number | undefined,
): { fen: number; source: 'fee-ledger' | 'declared' } | undefined {
  if (ledger)
    return {
      fen: Math.max(0, Money.fen(ledger.releasedFen).subtract(Money.fen(ledger.refundedFen)).fen),
      source: 'fee-ledger',
    };
  return declaredFen === undefined ? undefined : { fen: declaredFen, source: 'declared' };
}

/** The legal range of a fine, in fen. */
export function fineRange(basis: FineBasis, incomeFen: number | undefined, rules: FineRules): FineRange {
  if (basis.kind === 'unlicensed-operation') {
    if (incomeFen === undefined)
      throw new InspectionRuleViolated('the fine for unlicensed operation is a multiple of illegal income', {
        field: 'illegalIncomeFen',
        rule: 'illegal income is needed: from the fee ledger, or established by the inspector',
        source: rules.unlicensedMultiple.source,
      });
    // Multiples may be fractional in a local rule; round to the fen.
    const times = (m: number) => Money.fen(Math.round(incomeFen * m)).fen;
    return {
      minFen: times(rules.unlicensedMultiple.min),
      maxFen: times(rules.unlicensedMultiple.max),
      source: rules.unlicensedMultiple.source,
    };
  }
  const d = rules.disguised;
  return basis.especiallySerious
    ? { minFen: d.especiallySerious.min, maxFen: d.especiallySerious.max, source: d.source }
    : { minFen: 0, maxFen: d.seriousMax, source: d.source };
}
