import {
  defaultRulebook,
  HANGZHOU_DISTRICTS,
  InvalidRuleEntry,
  RULE_KEYS,
  Rulebook,
  RuleEntry,
  RuleNotFound,
} from '.';

const hours = (over: Partial<RuleEntry<'fees.maxHoursPerCharge'>>): RuleEntry => ({
  key: 'fees.maxHoursPerCharge',
  jurisdiction: 'CN',
  effectiveFrom: '2021-07-24',
  value: 60,
  source: 'test document',
  ...over,
});
const TODAY = '2026-11-22';

describe('the rulebook', () => {
  describe('resolving a value', () => {
    const book = new Rulebook([
      hours({ value: 60 }),
      hours({ jurisdiction: 'CN-ZJ', value: 50 }),
      hours({ jurisdiction: 'CN-ZJ-HZ', value: 40 }),
      hours({ jurisdiction: 'CN-ZJ-HZ-XH', value: 30 }),
    ]);
    const at = (jurisdiction: string) => book.get('fees.maxHoursPerCharge', { jurisdiction, on: TODAY });

    it('lets the most specific jurisdiction win: district › city › province › national', () => {
      expect(at('CN-ZJ-HZ-XH')).toBe(30);
      expect(at('CN-ZJ-HZ-BJ')).toBe(40);
      expect(at('CN-ZJ-NB')).toBe(50);
      expect(at('CN-GD-SZ')).toBe(60);
      expect(at('CN')).toBe(60);
    });

    it('returns the winning entry too, so a refusal can cite its source', () => {
      const { value, entry } = book.resolve('fees.maxHoursPerCharge', {
        jurisdiction: 'CN-ZJ-HZ-GS',
        on: TODAY,
      });
      expect(value).toBe(40);
      expect(entry).toMatchObject({ jurisdiction: 'CN-ZJ-HZ', source: 'test document' });
    });

    it('types each value by its key, at compile time as well as at load', () => {
      const max: number = at('CN');
      expect(max).toBe(60);
      // @ts-expect-error: not a rule key
      expect(() => book.get('fees.noSuchRule', { jurisdiction: 'CN', on: TODAY })).toThrow(RuleNotFound);
      const wrong: RuleEntry<'training.offlineEndTime'> = {
        key: 'training.offlineEndTime',
        jurisdiction: 'CN',
        effectiveFrom: '2021-04-02',
        // @ts-expect-error: an end time is 'HH:mm' text, not a number
        value: 2030,
        source: 'test document',
      };
      expect(() => new Rulebook([wrong])).toThrow(InvalidRuleEntry);
    });
  });

  describe('effective dates', () => {
    const book = new Rulebook([
      hours({ value: 60 }),
      hours({ jurisdiction: 'CN-JS', value: 45, effectiveFrom: '2025-01-01' }),
      hours({ jurisdiction: 'CN-JS', value: 42, effectiveFrom: '2026-01-01' }),
      hours({ jurisdiction: 'CN-JS-NJ', value: 20, effectiveFrom: '2026-12-01' }),
    ]);
    const at = (jurisdiction: string, on: string | Date) =>
      book.get('fees.maxHoursPerCharge', { jurisdiction, on });

    it('uses the newest entry in force: a newer one replaces an older one', () => {
      expect(at('CN-JS-SZ', TODAY)).toBe(42);
      expect(at('CN-JS-SZ', '2025-12-31')).toBe(45);
      expect(at('CN-JS-SZ', '2024-12-31')).toBe(60);
    });

    it('ignores an entry that takes effect next month, falling back to the level above', () => {
      expect(at('CN-JS-NJ', TODAY)).toBe(42);
      expect(at('CN-JS-NJ', '2026-12-01')).toBe(20);
    });

    it('reads an instant as a Beijing date: 16:30 UTC on 30 November is already 1 December', () => {
      expect(at('CN-JS-NJ', new Date('2026-11-30T15:59:59Z'))).toBe(42);
      expect(at('CN-JS-NJ', new Date('2026-11-30T16:30:00Z'))).toBe(20);
    });

    it('throws a typed error, naming key, place and day, when nothing is in force', () => {
      expect(() => at('CN-ZJ', '2020-01-01')).toThrow(RuleNotFound);
      expect(() => at('CN-ZJ', '2020-01-01')).toThrow(
        'no rule fees.maxHoursPerCharge in force for CN-ZJ on 2020-01-01',
      );
    });
  });

  describe('loading entries', () => {
    const load = (entry: unknown) => () => new Rulebook([entry as RuleEntry]);

    it('refuses a value that does not fit its key', () => {
      expect(load(hours({ value: -1 }))).toThrow(InvalidRuleEntry);
      expect(load(hours({ value: 1.5 }))).toThrow('value');
      expect(load({ ...hours({}), value: '60' })).toThrow(InvalidRuleEntry);
      expect(
        load({
          ...hours({}),
          key: 'inspection.gradeThresholds',
          value: { excellent: 60, pass: 70, basicPass: 50 },
        }),
      ).toThrow('expected excellent > pass > basicPass');
    });

    it('refuses an unknown key, a bad jurisdiction or date, and a missing source', () => {
      expect(load({ ...hours({}), key: 'fees.noSuchRule' })).toThrow(InvalidRuleEntry);
      expect(load(hours({ jurisdiction: 'Zhejiang' }))).toThrow('not a jurisdiction code');
      expect(load(hours({ effectiveFrom: '2024-02-30' }))).toThrow('YYYY-MM-DD');
      expect(load(hours({ source: ' ' }))).toThrow('a source document is required');
    });

    it('refuses two entries for the same key, place and day', () => {
      expect(() => new Rulebook([hours({ value: 60 }), hours({ value: 50 })])).toThrow(InvalidRuleEntry);
    });
  });

  describe('the bundled rules', () => {
    const rules = defaultRulebook();
    const on = new Date('2026-11-22T02:00:00Z');

    it('answer every key for every Hangzhou district', () => {
      for (const d of HANGZHOU_DISTRICTS) {
        for (const key of RULE_KEYS)
          expect(() => rules.resolve(key, { jurisdiction: d.code, on })).not.toThrow();
      }
    });

    it('cite their sources', () => {
      expect(
        rules.resolve('licensing.newSubjectApprovalsAllowed', { jurisdiction: 'CN-ZJ-HZ', on }).entry.source,
      ).toMatch(/中办发〔2021〕40号/);
      expect(
        rules.resolve('penalties.unlicensed.incomeMultiple', { jurisdiction: 'CN-ZJ-HZ-XH', on }).entry
          .source,
      ).toMatch(/教育部令第53号.*第十七条/);
    });

    it('show a district override: Binjiang deems lessons confirmed after 7 working days, the rest after 15', () => {
      expect(rules.get('fees.deemedConfirmationWorkingDays', { jurisdiction: 'CN-ZJ-HZ-BJ', on })).toBe(7);
      expect(rules.get('fees.deemedConfirmationWorkingDays', { jurisdiction: 'CN-ZJ-HZ-XH', on })).toBe(15);
    });

    it('carry the national numbers of DOMAIN.md', () => {
      const at = { jurisdiction: 'CN-ZJ-HZ-XH', on };
      expect(rules.get('venue.minAreaPerStudent', at)).toBe(3);
      expect(rules.get('fees.nonSubjectMaxPerCharge', at)).toBe(500_000);
      expect(rules.get('inspection.gradeThresholds', at)).toEqual({ excellent: 90, pass: 70, basicPass: 60 });
      expect(rules.get('fees.guidedBasePrice', at).offline.lessonMinutes).toBe(45);
    });

    it('carry Hangzhou’s school vacations (寒暑假) with their school calendar, and no national dates', () => {
      const vacations = rules.resolve('training.schoolVacations', { jurisdiction: 'CN-ZJ-HZ-XH', on });
      expect(vacations.value).toContainEqual({ name: '2026年暑假', from: '2026-07-04', to: '2026-08-31' });
      expect(vacations.entry.source).toMatch(/杭州市中小学校历/);
      expect(() => rules.get('training.schoolVacations', { jurisdiction: 'CN-ZJ-NB', on })).toThrow(
        RuleNotFound,
      );
    });

    it('have no national license validity: outside the demo province asking fails loudly', () => {
      expect(rules.get('licensing.validityYears', { jurisdiction: 'CN-ZJ-HZ-XH', on })).toBe(3);
      expect(() => rules.get('licensing.validityYears', { jurisdiction: 'CN-JS', on })).toThrow(RuleNotFound);
    });
  });
});
