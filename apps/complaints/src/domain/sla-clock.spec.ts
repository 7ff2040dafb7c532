import { clock, rules } from './complaint.fixture';
import { ComplaintRuleViolated } from './errors';

describe('the working-day SLA clock', () => {
  it('reads every deadline from the rulebook with its source', () => {
    expect(rules.signWorkingDays).toEqual({
      value: 1,
      source: expect.stringContaining('国办发〔2020〕53号'),
    });
    expect(clock.answerRule('complaint').value).toBe(15);
    expect(rules.repeatFlag.value).toEqual({ count: 3, withinDays: 30 });
    expect(rules.duplicateWindowDays.value).toBe(7);
  });

  it('counts sign and answer deadlines across Spring Festival 2026 with both make-up Saturdays', () => {
    // Holidays 2-15…2-23; Saturdays 2-14 and 2-28 are worked.
    expect(clock.signDeadline('2026-02-13')).toBe('2026-02-14');
    expect(clock.answerDeadline('consultation', '2026-02-13')).toBe('2026-02-24');
    expect(clock.answerDeadline('help', '2026-02-13')).toBe('2026-02-27'); // 2-14, 2-24, 2-25, 2-26, 2-27
    expect(clock.answerDeadline('help', '2026-02-20')).toBe('2026-02-28'); // 2-24…2-27, Sat 2-28
  });

  it('extends by whole working days only', () => {
    expect(clock.extend('2026-09-30', 1)).toBe('2026-10-08');
    expect(() => clock.extend('2026-09-30', 0)).toThrow(ComplaintRuleViolated);
  });

  it('escalates district → city → province, and no further', () => {
    expect(clock.supervisingLevelAbove('CN-ZJ-HZ-XH')).toBe('CN-ZJ-HZ');
    expect(clock.supervisingLevelAbove('CN-ZJ-HZ')).toBe('CN-ZJ');
    expect(clock.supervisingLevelAbove('CN-ZJ')).toBeUndefined();
  });
});
