import { Envelope, InstitutionChanged, LicenseIssued, PayloadOf } from '@otr/contracts';
import { InspectionTx } from './inspection-prisma';

/** A licensed institution joins the pool of the random spot checks (双随机 检查对象名录库). */
export async function onLicenseIssued(event: Envelope, tx: InspectionTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof LicenseIssued>;
  const row = {
    licenseId: p.licenseId,
    licenseNumber: p.licenseNumber,
    name: p.institutionName,
    district: p.district,
    category: p.category,
    address: p.address,
    licenseStatus: 'active',
    lastEventAt: new Date(event.occurredAt),
  };
  await tx.institution.upsert({
    where: { institutionId: event.institutionId },
    create: { institutionId: event.institutionId, ...row },
    update: row,
  });
}

const STATUS_AFTER: Record<string, string> = {
  'registration.LicenseSuspended': 'suspended',
  'registration.LicenseReinstated': 'active',
  'registration.LicenseRevoked': 'revoked',
  'registration.LicenseExpired': 'expired',
  'registration.InstitutionClosed': 'closed',
};

/** Only active licenses stay in the pool; an older event than the row reflects changes nothing. */
export async function onLicenseStatusChanged(event: Envelope, tx: InspectionTx): Promise<void> {
  const at = new Date(event.occurredAt);
  await tx.institution.updateMany({
    where: { institutionId: event.institutionId, lastEventAt: { lte: at } },
    data: { licenseStatus: STATUS_AFTER[event.type], lastEventAt: at },
  });
}

/** Name, address and district follow approved changes (变更), so draws and records show the current ones. */
export async function onInstitutionChanged(event: Envelope, tx: InspectionTx): Promise<void> {
  const { changes } = event.payload as PayloadOf<typeof InstitutionChanged>;
  await tx.institution.updateMany({
    where: { institutionId: event.institutionId },
    data: {
      ...(changes.institutionName ? { name: changes.institutionName } : {}),
      ...(changes.address ? { address: changes.address } : {}),
      ...(changes.district ? { district: changes.district } : {}),
    },
  });
}

export const licenseStatusTypes = Object.keys(STATUS_AFTER);
