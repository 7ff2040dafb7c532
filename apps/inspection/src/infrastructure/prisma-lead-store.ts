import { contracts, EventOrigin } from '@otr/contracts';
import { Outbox } from '@otr/messaging';
import { InspectionTrigger } from '../domain/inspection';
import { Subject } from '../domain/official';
import { Change, LeadStore } from '../application/ports';
import { InspectionTx } from './inspection-prisma';
import { writeChanges } from './prisma-inspection.store';

/** The lead consumers' reads and writes, on the consumer's Prisma transaction. */
export class PrismaLeadStore implements LeadStore<InspectionTx> {
  private readonly outbox = new Outbox('inspection', contracts);

  async licensedSubject(tx: InspectionTx, licenseId: string): Promise<Subject | undefined> {
    const row = await tx.institution.findUnique({ where: { licenseId } });
    if (!row) return undefined;
    return {
      institutionId: row.institutionId,
      licenseId: row.licenseId,
      name: row.name,
      district: row.district,
      address: row.address,
    };
  }

  openLeads(
    tx: InspectionTx,
    institutionId: string,
    triggerKind: InspectionTrigger['kind'],
  ): Promise<number> {
    return tx.inspection.count({
      where: { institutionId, triggerKind, status: { in: ['to-schedule', 'scheduled'] } },
    });
  }

  commit(tx: InspectionTx, changes: Change[], origin: EventOrigin): Promise<void> {
    return writeChanges(tx, this.outbox, changes, origin);
  }
}
