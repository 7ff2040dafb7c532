import { defaultRulebook, InvalidRuleEntry, Rulebook, RuleEntry, RuleNotFound } from '.';
import { ancestorsOf, isWithin, levelOf } from './jurisdiction';

const entry = (e: Partial<RuleEntry<'fees.maxHoursPerCharge'>>): RuleEntry => ({
  key: 'fees.maxHoursPerCharge',
  jurisdiction: 'CN',
  effectiveFrom: '2021-07-24',
  value: 60,
  source: 'test',
  ...e,
});

describe('jurisdictions', () => {
  it('nest province › city › district', () => {
    expect(ancestorsOf('CN-ZJ-HZ-XH')).toEqual(['CN-ZJ-HZ-XH', 'CN-ZJ-HZ', 'CN-ZJ', 'CN']);
    expect(levelOf('CN-ZJ-HZ')).toBe('city');
    expect(isWithin('CN-ZJ-HZ-XH', 'CN-ZJ-HZ')).toBe(true);
    expect(isWithin('CN-ZJ-HZX', 'CN-ZJ-HZ')).toBe(false);
  });
});

describe('the rulebook', () => {
  const book = new Rulebook([
    entry({ value: 60 }),
    entry({ jurisdiction: 'CN-ZJ', value: 50 }),
    entry({ jurisdiction: 'CN-ZJ-HZ', value: 40 }),
    entry({ jurisdiction: 'CN-ZJ-HZ-XH', value: 30 }),
    entry({ jurisdiction: 'CN-JS', value: 45, effectiveFrom: '2025-01-01' }),
    entry({ jurisdiction: 'CN-JS', value: 42, effectiveFrom: '2026-01-01' }),
    entry({ jurisdiction: 'CN-SH', value: 20, effectiveFrom: '2027-01-01' }),
  ]);
  const at = (jurisdiction: string, on = '2026-11-22') => book.get('fees.maxHoursPerCharge', { jurisdiction, on });

  it('lets the most specific jurisdiction win: district › city › province › national', () => {
    expect(at('CN-ZJ-HZ-XH')).toBe(30);
    expect(at('CN-ZJ-HZ-BJ')).toBe(40);
    expect(at('CN-ZJ-NB')).toBe(50);
    expect(at('CN-GD-SZ')).toBe(60);
  });

  it('uses the newest entry in force and ignores one that takes effect later', () => {
    expect(at('CN-JS-NJ')).toBe(42);
    expect(at('CN-JS-NJ', '2025-06-30')).toBe(45);
    expect(at('CN-SH')).toBe(60);
    expect(at('CN-SH', '2027-01-01')).toBe(20);
  });

  it('returns the entry so an error can cite its source', () => {
    expect(book.resolve('fees.maxHoursPerCharge', { jurisdiction: 'CN-ZJ', on: '2026-01-01' }).entry.jurisdiction).toBe('CN-ZJ');
  });

  it('throws a typed error when no entry is in force', () => {
    expect(() => at('CN-ZJ', '2020-01-01')).toThrow(RuleNotFound);
  });

  it('refuses a malformed entry when loaded', () => {
    expect(() => new Rulebook([entry({ value: -1 })])).toThrow(InvalidRuleEntry);
    expect(() => new Rulebook([entry({ source: '' })])).toThrow('a source document is required');
  });

  it('bundles cited defaults and the demo city’s overrides', () => {
    const rules = defaultRulebook();
    const on = new Date('2026-11-22T02:00:00Z');
    expect(rules.get('venue.minAreaPerStudent', { jurisdiction: 'CN-ZJ-HZ-XH', on })).toBe(3);
    expect(rules.get('fees.deemedConfirmationWorkingDays', { jurisdiction: 'CN-ZJ-HZ-XH', on })).toBe(15);
    expect(rules.get('fees.deemedConfirmationWorkingDays', { jurisdiction: 'CN-ZJ-HZ-BJ', on })).toBe(7);
    expect(rules.resolve('licensing.newSubjectApprovalsAllowed', { jurisdiction: 'CN-ZJ-HZ', on }).entry.source).toMatch(/40号/);
  });
});
