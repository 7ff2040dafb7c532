import { newId } from '@otr/kernel';
import { Course, FeeOrder, NewFeeOrder, OrderRepository, Tx } from '../application/ports';
import { FeesPrisma, prismaTx } from './fees-prisma';

export class PrismaOrderRepository implements OrderRepository {
  constructor(private readonly prisma: FeesPrisma) {}

  course(courseId: string): Promise<Course | null> {
    return this.prisma.course.findUnique({ where: { id: courseId } });
  }

  familyOfPhone(phone: string, tx?: Tx): Promise<{ id: string }> {
    return (tx ? prismaTx(tx) : this.prisma).family.upsert({
      where: { phone },
      create: { id: newId(), phone },
      update: {},
    });
  }

  async lockCharges(tx: Tx, key: string): Promise<void> {
    await prismaTx(tx).$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', key);
  }

  awaitingOrPaid(
    tx: Tx,
    of: { institutionId: string; familyId: string; studentName: string; subject: string },
  ): Promise<FeeOrder[]> {
    return prismaTx(tx).feeOrder.findMany({
      where: { ...of, status: { in: ['awaiting-payment', 'paid'] } },
    });
  }

  async place(tx: Tx, order: NewFeeOrder): Promise<void> {
    await prismaTx(tx).feeOrder.create({ data: order });
  }

  ofInstitution(tx: Tx, institutionId: string): Promise<FeeOrder[]> {
    return prismaTx(tx).feeOrder.findMany({ where: { institutionId } });
  }

  byIds(tx: Tx, ids: string[]): Promise<FeeOrder[]> {
    return prismaTx(tx).feeOrder.findMany({ where: { id: { in: ids } } });
  }

  async closeAwaitingPayment(tx: Tx, institutionId: string): Promise<void> {
    await prismaTx(tx).feeOrder.updateMany({
      where: { institutionId, status: 'awaiting-payment' },
      data: { status: 'closed' },
    });
  }

  async rate(
    tx: Tx,
    rating: { orderId: string; familyId: string; institutionId: string; stars: number; ratedAt: Date },
  ): Promise<void> {
    const { orderId, familyId, institutionId, ...row } = rating;
    await prismaTx(tx).orderRating.upsert({
      where: { orderId },
      create: { orderId, familyId, institutionId, ...row },
      update: row,
    });
  }
}
