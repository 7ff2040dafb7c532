import { IsoDate } from './common';

describe('IsoDate', () => {
  it('takes a calendar date, leap days included', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDate.safeParse('0001-01-01').success).toBe(true);
    expect(IsoDate.safeParse('2026-02-29').success).toBe(false);
  });

  it('refuses the year 0, which PostgreSQL has not (a 500 before, issue #14)', () => {
    const result = IsoDate.safeParse('0000-02-29');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('a date from the year 1 on');
  });
});
