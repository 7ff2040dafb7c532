import { defaultRulebook } from '@otr/rules';
import { InspectionRuleViolated, TwoPersonRuleViolated } from './errors';
import { fineRange, FineRules, illegalIncome } from './fine';
import {
  decidePenalty,
  evolvePenalty,
  PENALTY_TYPES,
  PenaltyState,
  proposePenalty,
  rejectPenalty,
} from './penalty';

const at = { jurisdiction: 'CN-ZJ-HZ-XH', on: '2026-11-22' };
const book = defaultRulebook();
const multiple = book.resolve('penalties.unlicensed.incomeMultiple', at);
const disguised = book.resolve('penalties.disguisedSubjectTraining', at);
const rules: FineRules = {
  unlicensedMultiple: { ...multiple.value, source: multiple.entry.source },
  disguised: { ...disguised.value, source: disguised.entry.source },
};

const proposal: Omit<PenaltyState, 'status' | 'version'> = {
  id: 'p',
  subject: { institutionId: 'i', licenseId: 'l', name: '博雅学科培训', district: 'CN-ZJ-HZ-XH' },
  violationIds: ['v'],
  type: 'warning',
  legalBasis: PENALTY_TYPES.warning.article,
  reasons: '变相开展学科类培训',
  proposedBy: { userId: 'inspector', department: 'education' },
  proposedOn: '2026-11-20',
};
const proposed: PenaltyState = { ...proposal, status: 'proposed', version: 1 };
const approver = { userId: 'approver', department: 'education', jurisdiction: 'CN-ZJ-HZ-XH' };

describe('the fine helper', () => {
  it('takes illegal income from the fee ledger (released less refunds) when it has figures', () => {
    expect(illegalIncome({ releasedFen: 1_000_000, refundedFen: 250_000 }, 99)).toEqual({
      fen: 750_000,
      source: 'fee-ledger',
    });
    expect(illegalIncome({ releasedFen: 100, refundedFen: 300 }, undefined)).toEqual({
      fen: 0,
      source: 'fee-ledger',
    });
    expect(illegalIncome(undefined, 500_000)).toEqual({ fen: 500_000, source: 'declared' });
    expect(illegalIncome(undefined, undefined)).toBeUndefined();
  });

  it('unlicensed operation: 1 to 5 times illegal income (第十七条)', () => {
    expect(fineRange({ kind: 'unlicensed-operation' }, 750_000, rules)).toEqual({
      minFen: 750_000,
      maxFen: 3_750_000,
      source: expect.stringContaining('第十七条'),
    });
    expect(() => fineRange({ kind: 'unlicensed-operation' }, undefined, rules)).toThrow(
      InspectionRuleViolated,
    );
  });

  it('disguised subject training: up to 50,000 yuan; 50,000–100,000 when especially serious (第十八条)', () => {
    expect(
      fineRange({ kind: 'disguised-subject-training', especiallySerious: false }, undefined, rules),
    ).toMatchObject({
      minFen: 0,
      maxFen: 5_000_000,
    });
    expect(
      fineRange({ kind: 'disguised-subject-training', especiallySerious: true }, undefined, rules),
    ).toMatchObject({
      minFen: 5_000_000,
      maxFen: 10_000_000,
      source: expect.stringContaining('第十八条'),
    });
  });
});

describe('a penalty', () => {
  it('each type rests on its item of 教育部令第53号 第五条', () => {
    expect(PENALTY_TYPES['revoke-license'].article).toBe(
      '教育部令第53号《校外培训行政处罚暂行办法》 第五条第（五）项',
    );
    expect(PENALTY_TYPES['revoke-license'].licenseAction).toBe('revoke');
    expect(PENALTY_TYPES['stop-enrolling'].licenseAction).toBe('stop-enrolling');
  });

  it('a fine outside the legal range is refused with its source; inside it is proposed', () => {
    const range = fineRange(
      { kind: 'disguised-subject-training', especiallySerious: false },
      undefined,
      rules,
    );
    const fine = { ...proposal, type: 'fine' as const, fineFen: 6_000_000 };
    expect(() => proposePenalty(fine, range)).toThrow(
      expect.objectContaining({
        citation: expect.objectContaining({ field: 'fineFen', source: range.source }),
      }),
    );
    expect(() => proposePenalty({ ...fine, fineFen: undefined }, range)).toThrow(/names its amount/);
    expect(proposePenalty({ ...fine, fineFen: 3_000_000 }, range)).toEqual([{ type: 'PenaltyProposed' }]);
  });

  it('a revocation needs a license', () => {
    const unlicensed = {
      ...proposal,
      type: 'revoke-license' as const,
      subject: { ...proposal.subject, licenseId: undefined },
    };
    expect(() => proposePenalty(unlicensed)).toThrow(/licensed institution/);
  });

  it('when the proposer tries to decide it, then the two-person rule refuses', () => {
    expect(() =>
      decidePenalty(proposed, { ...approver, userId: 'inspector' }, 'XH教罚〔2026〕1号', '2026-11-22'),
    ).toThrow(TwoPersonRuleViolated);
    expect(() => rejectPenalty(proposed, { ...approver, userId: 'inspector' }, 'x', '2026-11-22')).toThrow(
      TwoPersonRuleViolated,
    );
  });

  it('when another official decides it, then it carries the decision number, once', () => {
    const decided = decidePenalty(proposed, approver, 'XH教罚〔2026〕1号', '2026-11-22').reduce(
      evolvePenalty,
      proposed,
    );
    expect(decided).toMatchObject({
      status: 'decided',
      decision: { number: 'XH教罚〔2026〕1号', by: 'approver' },
    });
    expect(() => decidePenalty(decided, approver, 'again', '2026-11-22')).toThrow(/decided/);
  });
});
