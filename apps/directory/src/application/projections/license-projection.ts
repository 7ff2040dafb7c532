import { Envelope, LicenseIssued, PayloadOf } from '@otr/contracts';
import { nameGrams, normalise, pinyinInitials } from '../../domain/search-text';
import { DirectoryTx } from '../../infrastructure/directory-prisma';

/** Projects license facts into the public institution entry (白名单). */
export async function onLicenseIssued(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof LicenseIssued>;
  const searchName = normalise(p.institutionName);
  const at = new Date(event.occurredAt);
  const row = {
    name: p.institutionName,
    searchName,
    nameGrams: nameGrams(searchName),
    pinyinInitials: pinyinInitials(p.institutionName),
    category: p.category,
    scopes: p.scopes,
    district: p.district,
    address: p.address,
    lat: p.location?.lat ?? null,
    lng: p.location?.lng ?? null,
    licenseNumber: p.licenseNumber,
    licenseStatus: 'active',
    validFrom: new Date(p.validFrom),
    validUntil: new Date(p.validUntil),
    lastEventAt: at,
  };
  await tx.institution.upsert({
    where: { id: event.institutionId },
    create: { id: event.institutionId, ...row },
    update: row,
  });
}

const STATUS_AFTER: Record<string, string> = {
  'registration.LicenseSuspended': 'suspended',
  'registration.LicenseReinstated': 'active',
  'registration.LicenseRevoked': 'revoked',
  'registration.LicenseExpired': 'expired',
};

/**
 * Status and validity changes. A change older than what the entry already reflects is skipped,
 * so a late redelivery cannot undo a newer fact.
 */
export async function onLicenseChanged(event: Envelope, tx: DirectoryTx): Promise<void> {
  const at = new Date(event.occurredAt);
  const renewal = event.type === 'registration.LicenseRenewed';
  await tx.institution.updateMany({
    where: { id: event.institutionId, lastEventAt: { lte: at } },
    data: {
      lastEventAt: at,
      ...(renewal
        ? { validUntil: new Date((event.payload as { validUntil: string }).validUntil) }
        : { licenseStatus: STATUS_AFTER[event.type] }),
    },
  });
}

export const licenseChangeTypes = [...Object.keys(STATUS_AFTER), 'registration.LicenseRenewed'];
