import { SqlClient } from '@otr/messaging';
import {
  BankRecords,
  NewReconciliationRun,
  PendingInstruction,
  ReconciliationRun,
  Tx,
} from '../application/ports';
import { FeesPrisma, prismaTx } from './fees-prisma';

export class PrismaBankRecords implements BankRecords {
  constructor(private readonly prisma: FeesPrisma) {}

  pendingInstructions(limit: number): Promise<PendingInstruction[]> {
    return this.prisma.bankInstruction.findMany({
      where: { status: 'pending' },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }

  async transactionDate(transactionId: string): Promise<Date> {
    return (await this.prisma.journalTransaction.findUniqueOrThrow({ where: { id: transactionId } })).on;
  }

  async confirmInstruction(id: string, bankReference: string, at: Date): Promise<void> {
    await this.prisma.bankInstruction.update({
      where: { id },
      data: { status: 'confirmed', bankReference, confirmedAt: at },
    });
  }

  async reconciledOn(date: string): Promise<string[]> {
    const rows = await this.prisma.reconciliationRun.findMany({
      where: { statementDate: new Date(date) },
      select: { institutionId: true },
      distinct: ['institutionId'],
    });
    return rows.map((r) => r.institutionId);
  }

  recordRun(tx: Tx, run: NewReconciliationRun): Promise<ReconciliationRun> {
    return prismaTx(tx).reconciliationRun.create({ data: run });
  }

  async paymentKnown(reference: string, db: SqlClient = this.prisma): Promise<boolean> {
    const rows = await db.$queryRawUnsafe<unknown[]>(
      'SELECT 1 FROM fees.journal_transaction WHERE idempotency_key IN ($1, $2)',
      `payment:${reference}`,
      `suspense:${reference}`,
    );
    return rows.length > 0;
  }

  async receipt(
    entry: { key: string | null; outcome: string; reason: string | null; body: string },
    db: SqlClient = this.prisma,
  ): Promise<void> {
    await db.$executeRawUnsafe(
      'INSERT INTO fees.webhook_receipt (idempotency_key, outcome, reason, body) VALUES ($1, $2, $3, $4)',
      entry.key,
      entry.outcome,
      entry.reason,
      entry.body.slice(0, 10_000),
    );
  }
}
