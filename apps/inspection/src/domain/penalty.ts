import { z } from 'zod';
import { LicenseAction as LicenseActionSchema } from '@otr/contracts';
import { InspectionRuleViolated, InvalidState, TwoPersonRuleViolated } from './errors';
import { FineBasis, FineRange } from './fine';
import { Official, Subject } from './official';

type LicenseAction = z.infer<typeof LicenseActionSchema>;

const MEASURES = '教育部令第53号《校外培训行政处罚暂行办法》';

/** Penalty types of 教育部令第53号 第五条, with the item they rest on and what they do to the license. */
export const PENALTY_TYPES = {
  warning: { name: '警告、通报批评', article: `${MEASURES} 第五条第（一）项`, licenseAction: 'none' },
  fine: { name: '罚款', article: `${MEASURES} 第五条第（二）项`, licenseAction: 'none' },
  'confiscate-illegal-income': {
    name: '没收违法所得',
    article: `${MEASURES} 第五条第（二）项`,
    licenseAction: 'none',
  },
  'stop-enrolling': {
    name: '责令停止招收学员',
    article: `${MEASURES} 第五条第（三）项`,
    licenseAction: 'stop-enrolling',
  },
  suspend: { name: '责令停止举办', article: `${MEASURES} 第五条第（四）项`, licenseAction: 'suspend' },
  'revoke-license': {
    name: '吊销许可证件',
    article: `${MEASURES} 第五条第（五）项`,
    licenseAction: 'revoke',
  },
  ban: { name: '限制从业', article: `${MEASURES} 第五条第（六）项`, licenseAction: 'none' },
} as const satisfies Record<string, { name: string; article: string; licenseAction: LicenseAction }>;
export type PenaltyType = keyof typeof PENALTY_TYPES;
export const PENALTY_TYPE_KEYS = Object.keys(PENALTY_TYPES) as [PenaltyType, ...PenaltyType[]];

/** A penalty (行政处罚) from proposal to decision or rejection. */
export const PenaltyState = z.object({
  id: z.uuid(),
  subject: Subject,
  violationIds: z.array(z.uuid()),
  type: z.enum(PENALTY_TYPE_KEYS),
  legalBasis: z
    .string()
    .describe('The article of the type, plus the article on the facts when the proposer names one.'),
  reasons: z.string(),
  fineFen: z.number().int().optional().describe('The fine (罚款), in fen (integer; 100 fen = 1 yuan).'),
  fineBasis: FineBasis.optional(),
  illegalIncome: z
    .object({
      fen: z.number().int().describe('Illegal income (违法所得), in fen (integer).'),
      source: z.enum(['fee-ledger', 'declared']),
    })
    .optional(),
  proposedBy: z.object({ userId: z.string(), department: z.string().optional() }),
  proposedOn: z.iso.date(),
  status: z.enum(['proposed', 'decided', 'rejected']),
  decision: z
    .object({
      number: z.string().describe('The decision number, e.g. XH教罚〔2026〕7号.'),
      by: z.string(),
      on: z.iso.date(),
    })
    .optional(),
  rejection: z.object({ by: z.string(), on: z.iso.date(), reason: z.string() }).optional(),
  version: z.number().int(),
});
export type PenaltyState = z.infer<typeof PenaltyState>;

export type PenaltyEvent =
  | { type: 'PenaltyProposed' }
  | { type: 'PenaltyDecided'; decisionNumber: string; by: string; on: string }
  | { type: 'PenaltyRejected'; by: string; on: string; reason: string };

export const licenseActionOf = (type: PenaltyType): LicenseAction => PENALTY_TYPES[type].licenseAction;

/**
 * decide: an inspector proposes a penalty. A revocation needs a license; a fine needs an amount,
 * inside the legal range when the facts have one (unlicensed operation, disguised subject training).
 */
export function proposePenalty(
  p: Omit<PenaltyState, 'status' | 'version'>,
  range?: FineRange,
): PenaltyEvent[] {
  const refuse = (field: string, rule: string, source?: string) =>
    new InspectionRuleViolated(`${field}: ${rule}`, { field, rule, source });
  if (
    (p.type === 'revoke-license' || p.type === 'stop-enrolling' || p.type === 'suspend') &&
    !p.subject.licenseId
  )
    throw refuse(
      'type',
      `${PENALTY_TYPES[p.type].name} applies to a licensed institution`,
      PENALTY_TYPES[p.type].article,
    );
  if (p.type === 'fine') {
    if (!p.fineFen || p.fineFen <= 0) throw refuse('fineFen', 'a fine names its amount in fen');
    if (range && (p.fineFen < range.minFen || p.fineFen > range.maxFen))
      throw refuse('fineFen', `between ${range.minFen} and ${range.maxFen} fen`, range.source);
  } else if (p.fineFen !== undefined) throw refuse('fineFen', 'only a fine carries an amount');
  return [{ type: 'PenaltyProposed' }];
}

/** Only a proposed penalty is decided, and never by its proposer (两人原则). */
export function assertMayDecide(s: PenaltyState, by: Official): void {
  if (s.status !== 'proposed') throw new InvalidState('decide a penalty', s.status);
  if (by.userId === s.proposedBy.userId) throw new TwoPersonRuleViolated();
}

/** decide: another official decides and the decision gets its number. */
export function decidePenalty(
  s: PenaltyState,
  by: Official,
  decisionNumber: string,
  today: string,
): PenaltyEvent[] {
  assertMayDecide(s, by);
  return [{ type: 'PenaltyDecided', decisionNumber, by: by.userId, on: today }];
}

export function rejectPenalty(s: PenaltyState, by: Official, reason: string, today: string): PenaltyEvent[] {
  assertMayDecide(s, by);
  return [{ type: 'PenaltyRejected', by: by.userId, on: today, reason }];
}

export function evolvePenalty(s: PenaltyState, e: PenaltyEvent): PenaltyState {
  switch (e.type) {
    case 'PenaltyProposed':
      return { ...s, status: 'proposed' };
    case 'PenaltyDecided':
      return { ...s, status: 'decided', decision: { number: e.decisionNumber, by: e.by, on: e.on } };
    case 'PenaltyRejected':
      return { ...s, status: 'rejected', rejection: { by: e.by, on: e.on, reason: e.reason } };
  }
}
