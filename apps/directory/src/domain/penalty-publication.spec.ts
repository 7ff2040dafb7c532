import { isPublished, publicationOf } from './penalty-publication';

const rule = { minimumMonths: 3, maximumMonths: 36, source: '国家发展改革委令2023年第58号' };

describe('the publication period of a penalty (行政处罚信息公示期)', () => {
  it('runs from the decision date for at most the maximum period, and may end early after the minimum', () => {
    expect(publicationOf('2026-03-10', rule)).toEqual({
      until: '2029-03-10',
      earlyEndFrom: '2026-06-11',
      source: '国家发展改革委令2023年第58号',
    });
  });

  it('is shown on its last day and not the day after', () => {
    const p = publicationOf('2026-03-10', rule);
    expect(isPublished(p, '2029-03-10')).toBe(true);
    expect(isPublished(p, '2029-03-11')).toBe(false);
  });

  it('ends a period on the last day of a month without the corresponding day (民法典第二百零三条)', () => {
    expect(publicationOf('2025-11-30', rule).earlyEndFrom).toBe('2026-03-01');
    expect(publicationOf('2024-02-29', { ...rule, maximumMonths: 12 }).until).toBe('2025-02-28');
  });
});
