import { summariseRatings } from './rating-summary';

describe('a rating summary', () => {
  it('has no average before the first rating', () => {
    expect(summariseRatings(0, 0)).toEqual({ average: null, count: 0 });
  });

  it('averages to one decimal, halves rounding up', () => {
    expect(summariseRatings(5 + 4 + 4, 3)).toEqual({ average: 4.3, count: 3 });
    expect(summariseRatings(5 + 4, 2)).toEqual({ average: 4.5, count: 2 });
    expect(summariseRatings(4 + 4 + 4 + 5, 4)).toEqual({ average: 4.3, count: 4 });
    expect(summariseRatings(1, 1)).toEqual({ average: 1, count: 1 });
  });
});
