import { Inject, Injectable } from '@nestjs/common';
import { EventOrigin, OrderRated } from '@otr/contracts';
import { FeeRecordNotFound, NotYours, rateOrder } from '../domain';
import { FeesContext } from './fees-context';
import { ORDERS, OrderRepository } from './ports';

/**
 * Families rate the institution on their own orders (评价), one rating per order: rating again
 * replaces it. Each rating goes out as OrderRated for the directory's average.
 */
@Injectable()
export class Ratings {
  constructor(
    private readonly fees: FeesContext,
    @Inject(ORDERS) private readonly orders: OrderRepository,
  ) {}

  async rate(familyId: string, orderId: string, stars: number, origin: EventOrigin) {
    return this.fees.transaction(async (tx) => {
      // Locked, so two ratings of one order are stored and published in the same order.
      const order = await this.fees.rows.lockOrder(tx, orderId);
      if (!order) throw new FeeRecordNotFound('order', orderId);
      if (order.familyId !== familyId) throw new NotYours('order');
      const rating = rateOrder(order, stars, this.fees.clock.now().toISOString());
      const account = await this.fees.account(tx, order.institutionId);
      await this.orders.rate(tx, {
        orderId,
        familyId,
        institutionId: order.institutionId,
        stars: rating.stars,
        ratedAt: new Date(rating.ratedAt),
      });
      await this.fees.emit(
        tx,
        OrderRated,
        account,
        orderId,
        { orderId, licenseId: account.licenseId, stars: rating.stars, ratedAt: rating.ratedAt },
        origin,
      );
      return { ...rating, institutionName: account.institutionName };
    });
  }
}
