import { overdueSteps } from './review-deadlines';

describe('overdue review steps (超期)', () => {
  const app = {
    competentDepartment: 'sports',
    opinions: { fire: { dueBy: '2026-11-30' }, health: { dueBy: '2026-11-20', agrees: true } },
    overdueReported: [] as string[],
  };

  it('an opinion is on time through its due day and overdue the day after', () => {
    expect(overdueSteps(app, '2026-12-20', '2026-11-30')).toEqual([]);
    expect(overdueSteps(app, '2026-12-20', '2026-12-01')).toEqual([
      { key: 'opinion:fire', step: 'opinion', department: 'fire', dueBy: '2026-11-30' },
    ]);
  });

  it('an answered opinion is never overdue; the decision is, after its deadline', () => {
    expect(overdueSteps(app, '2026-12-20', '2026-12-21').map((s) => s.key)).toEqual([
      'opinion:fire',
      'decision',
    ]);
  });

  it('a step already reported is not reported again', () => {
    const reported = { ...app, overdueReported: ['opinion:fire', 'decision'] };
    expect(overdueSteps(reported, '2026-12-20', '2027-01-05')).toEqual([]);
  });
});
