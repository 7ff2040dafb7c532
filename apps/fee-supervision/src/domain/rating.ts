import { InvalidRating } from './errors';

/** A family's rating (评价) of the institution on one of its orders. */
export interface OrderRating {
  orderId: string;
  institutionId: string;
  /** Whole stars, 1 to 5. */
  stars: number;
  /** ISO instant; a later rating of the same order replaces this one. */
  ratedAt: string;
}

/** Orders a family has paid for, whatever happened since: only those rate the institution. */
const RATEABLE: readonly string[] = ['paid', 'refunded'];

/** 查询评价投诉一键融通: families rate the institutions they bought from, on the platform. */
const RATING_SOURCE = '查询评价投诉一键融通（校外培训监管与服务综合平台）';

/**
 * decide: the family's rating of the institution on one of its own orders (the caller checks the
 * order is the family's). Whole stars from 1 to 5, on an order the family paid for; rating the
 * same order again gives a new rating that replaces the earlier one.
 */
export function rateOrder(
  order: { id: string; institutionId: string; status: string },
  stars: number,
  ratedAt: string,
): OrderRating {
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) {
    throw new InvalidRating(`${stars} stars`, {
      field: 'stars',
      rule: 'a rating is 1 to 5 whole stars',
      source: RATING_SOURCE,
    });
  }
  if (!RATEABLE.includes(order.status)) {
    throw new InvalidRating(`order ${order.id} is ${order.status}`, {
      field: 'orderId',
      rule: 'a family rates the institution on an order it has paid for',
      source: RATING_SOURCE,
    });
  }
  return { orderId: order.id, institutionId: order.institutionId, stars, ratedAt };
}
