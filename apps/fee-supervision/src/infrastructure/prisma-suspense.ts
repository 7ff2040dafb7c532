import { SqlClient } from '@otr/messaging';
import { LockedSuspenseItem, NewSuspenseItem, SuspenseItem, SuspenseStore, Tx } from '../application/ports';
import { FeesPrisma, prismaTx } from './fees-prisma';

const LOCK_ITEM = 'SELECT * FROM fees.suspense_item WHERE id = $1::uuid FOR UPDATE';

interface ItemRow {
  id: string;
  institution_id: string;
  bank_reference: string;
  named_order_id: string;
  /** text on a bare connection, bigint through Prisma */
  amount_fen: string | bigint;
  status: string;
}

export class PrismaSuspenseStore implements SuspenseStore {
  constructor(private readonly prisma: FeesPrisma) {}

  async hold(tx: Tx, item: NewSuspenseItem): Promise<boolean> {
    const inserted = await prismaTx(tx).$executeRawUnsafe(
      `INSERT INTO fees.suspense_item (id, institution_id, bank_reference, named_order_id, amount_fen, paid_at, payer_account, reason)
       VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5::bigint, $6::timestamptz, $7, $8)
       ON CONFLICT (bank_reference) DO NOTHING`,
      item.id,
      item.institutionId,
      item.bankReference,
      item.namedOrderId,
      item.amountFen,
      item.paidAt,
      item.payerAccount,
      item.reason,
    );
    return inserted > 0;
  }

  byReference(tx: Tx, bankReference: string): Promise<SuspenseItem> {
    return prismaTx(tx).suspenseItem.findUniqueOrThrow({ where: { bankReference } });
  }

  list(institutionIds: string[], status?: string): Promise<SuspenseItem[]> {
    return this.prisma.suspenseItem.findMany({
      where: { institutionId: { in: institutionIds }, ...(status ? { status } : {}) },
      orderBy: [{ status: 'asc' }, { createdAt: 'asc' }],
      take: 500,
    });
  }

  find(id: string): Promise<SuspenseItem | null> {
    return this.prisma.suspenseItem.findUnique({ where: { id } });
  }

  async lock(db: SqlClient, id: string): Promise<LockedSuspenseItem | null> {
    const [item] = await db.$queryRawUnsafe<ItemRow[]>(LOCK_ITEM, id);
    if (!item) return null;
    return {
      id: item.id,
      institutionId: item.institution_id,
      bankReference: item.bank_reference,
      namedOrderId: item.named_order_id,
      amountFen: BigInt(item.amount_fen),
      status: item.status,
    };
  }

  refunded(tx: Tx, id: string, by: { by: string; at: Date; note: string }): Promise<SuspenseItem> {
    return prismaTx(tx).suspenseItem.update({
      where: { id },
      data: { status: 'refunded', resolvedBy: by.by, resolvedAt: by.at, note: by.note },
    });
  }

  async matched(
    db: SqlClient,
    id: string,
    orderId: string,
    by: { by: string; at: Date; note: string },
  ): Promise<void> {
    await db.$executeRawUnsafe(
      `UPDATE fees.suspense_item SET status = 'matched', matched_order_id = $2::uuid, resolved_by = $3,
              resolved_at = $4::timestamptz, note = $5 WHERE id = $1::uuid`,
      id,
      orderId,
      by.by,
      by.at,
      by.note,
    );
  }
}
