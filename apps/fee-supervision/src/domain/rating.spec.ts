import { InvalidRating } from './errors';
import { rateOrder } from './rating';

const order = (status = 'paid') => ({ id: 'o-1', institutionId: 'i-1', status });
const AT = '2026-09-20T08:00:00.000Z';

describe('rating an institution on an order (评价)', () => {
  it('gives a rating of whole stars from 1 to 5 on a paid order', () => {
    expect(rateOrder(order(), 1, AT)).toEqual({
      orderId: 'o-1',
      institutionId: 'i-1',
      stars: 1,
      ratedAt: AT,
    });
    expect(rateOrder(order(), 5, AT).stars).toBe(5);
  });

  it('lets a family rate an order refunded since it paid', () => {
    expect(rateOrder(order('refunded'), 3, AT).stars).toBe(3);
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses %p stars, naming the field and the rule', (stars) => {
    expect(() => rateOrder(order(), stars, AT)).toThrow(
      expect.objectContaining({
        constructor: InvalidRating,
        citation: expect.objectContaining({ field: 'stars', rule: 'a rating is 1 to 5 whole stars' }),
      }),
    );
  });

  it.each(['awaiting-payment', 'closed'])(
    'refuses a rating on an order that is %s: nothing was paid',
    (status) => {
      expect(() => rateOrder(order(status), 4, AT)).toThrow(
        expect.objectContaining({ citation: expect.objectContaining({ field: 'orderId' }) }),
      );
    },
  );
});
