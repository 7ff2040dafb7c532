import { NewRefundRequest, RefundRepository, RefundRequestRecord, Tx } from '../application/ports';
import { FeesPrisma, prismaTx } from './fees-prisma';

export class PrismaRefundRepository implements RefundRepository {
  constructor(private readonly prisma: FeesPrisma) {}

  underWay(tx: Tx, orderId: string): Promise<RefundRequestRecord | null> {
    return prismaTx(tx).refundRequest.findFirst({
      where: { orderId, status: { in: ['awaiting-institution', 'agreed'] } },
    });
  }

  async create(tx: Tx, request: NewRefundRequest): Promise<void> {
    await prismaTx(tx).refundRequest.create({ data: request });
  }

  async createMany(tx: Tx, requests: NewRefundRequest[]): Promise<void> {
    await prismaTx(tx).refundRequest.createMany({ data: requests });
  }

  async unansweredBefore(today: string): Promise<string[]> {
    const due = await this.prisma.refundRequest.findMany({
      where: { status: 'awaiting-institution', answerBy: { lt: new Date(today) } },
      select: { id: true },
      take: 1000,
    });
    return due.map((r) => r.id);
  }

  async agreedUnpaid(): Promise<string[]> {
    const unpaid = await this.prisma.refundRequest.findMany({
      where: { status: 'agreed', closure: false },
      select: { id: true },
      take: 1000,
    });
    return unpaid.map((r) => r.id);
  }

  closureClaimsDue(institutionId?: string): Promise<RefundRequestRecord[]> {
    return this.prisma.refundRequest.findMany({
      where: { closure: true, status: 'agreed', ...(institutionId ? { institutionId } : {}) },
      orderBy: { createdAt: 'asc' },
      take: 500,
    });
  }

  closureClaimsNotPaid(institutionId: string): Promise<number> {
    return this.prisma.refundRequest.count({
      where: { institutionId, closure: true, status: { not: 'paid' } },
    });
  }

  closureClaims(institutionId: string): Promise<RefundRequestRecord[]> {
    return this.prisma.refundRequest.findMany({
      where: { institutionId, closure: true },
      orderBy: [{ familyId: 'asc' }, { orderId: 'asc' }],
    });
  }

  requestedSince(tx: Tx, institutionId: string, since: string): Promise<{ id: string; requestedOn: Date }[]> {
    return prismaTx(tx).refundRequest.findMany({
      where: { institutionId, closure: false, requestedOn: { gte: new Date(since) } },
      select: { id: true, requestedOn: true },
    });
  }

  find(refundId: string): Promise<RefundRequestRecord | null> {
    return this.prisma.refundRequest.findUnique({ where: { id: refundId } });
  }
}
