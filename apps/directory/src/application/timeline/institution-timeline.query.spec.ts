import { TimelineCriteria } from './institution-timeline.query';

describe('the timeline criteria', () => {
  const fields = (criteria: object) => {
    const result = TimelineCriteria.safeParse({ institutionId: 'i-1', ...criteria });
    return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
  };

  it('takes a window of ISO times with their offsets', () => {
    expect(fields({ from: '2026-01-01T00:00:00+08:00', to: '2026-12-31T23:59:59Z' })).toEqual([]);
  });

  it('refuses a time in the year 0, which PostgreSQL cannot hold (a 500 before, issue #14)', () => {
    expect(fields({ to: '0000-02-29T20:26:49.173Z' })).toEqual(['to']);
    // An offset can carry the first hours of the year 1 back into the year 0.
    expect(fields({ from: '0001-01-01T01:00:00+05:00' })).toEqual(['from']);
    expect(fields({ from: '0001-01-01T00:00:00Z' })).toEqual([]);
  });
});
