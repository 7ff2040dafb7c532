import { Envelope, FundsReleased, PayloadOf, RefundPaid } from '@otr/contracts';
import { InspectionTx } from './inspection-prisma';

/** Released fees and refunds per license: the basis of illegal income for a fine. */
export async function onFundsReleased(event: Envelope, tx: InspectionTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof FundsReleased>;
  await tx.incomeLedger.upsert({
    where: { licenseId: p.licenseId },
    create: { licenseId: p.licenseId, releasedFen: BigInt(p.amountFen) },
    update: { releasedFen: { increment: BigInt(p.amountFen) } },
  });
}

export async function onRefundPaid(event: Envelope, tx: InspectionTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof RefundPaid>;
  await tx.incomeLedger.upsert({
    where: { licenseId: p.licenseId },
    create: { licenseId: p.licenseId, refundedFen: BigInt(p.amountFen) },
    update: { refundedFen: { increment: BigInt(p.amountFen) } },
  });
}
