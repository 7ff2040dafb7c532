import { ClosureRecord, ClosureStore, Tx } from '../application/ports';
import { FeesPrisma, prismaTx } from './fees-prisma';

export class PrismaClosureStore implements ClosureStore {
  constructor(private readonly prisma: FeesPrisma) {}

  find(institutionId: string, tx?: Tx): Promise<ClosureRecord | null> {
    return (tx ? prismaTx(tx) : this.prisma).closure.findUnique({ where: { institutionId } });
  }

  async start(tx: Tx, closure: { institutionId: string; reason: string }): Promise<void> {
    await prismaTx(tx).closure.create({ data: { ...closure, status: 'refunding' } });
  }

  async complete(institutionId: string, at: Date): Promise<void> {
    await this.prisma.closure.updateMany({
      where: { institutionId, status: 'refunding' },
      data: { status: 'completed', completedAt: at },
    });
  }

  families(ids: string[]): Promise<{ id: string; phone: string }[]> {
    return this.prisma.family.findMany({ where: { id: { in: ids } } });
  }
}
