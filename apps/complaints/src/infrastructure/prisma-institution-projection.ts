import {
  Envelope,
  InstitutionChanged,
  InstitutionClosed,
  LicenseIssued,
  LicenseRevoked,
  PayloadOf,
  PenaltyDecided,
} from '@otr/contracts';
import { ComplaintsTx } from './complaints-prisma';

/**
 * The local register of licensed institutions, from registration's facts: complaints route to an
 * institution's district and a licenseId given by a complainant is checked against it. A fact
 * older than what the entry reflects is skipped, so a late redelivery cannot undo a newer one.
 */
export async function onLicenseIssued(event: Envelope, tx: ComplaintsTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof LicenseIssued>;
  const row = {
    licenseId: p.licenseId,
    licenseNumber: p.licenseNumber,
    name: p.institutionName,
    district: p.district,
    address: p.address,
    status: 'active',
    lastEventAt: new Date(event.occurredAt),
  };
  await tx.institution.upsert({
    where: { institutionId: event.institutionId },
    create: { institutionId: event.institutionId, ...row },
    update: row,
  });
}

export async function onInstitutionChanged(event: Envelope, tx: ComplaintsTx): Promise<void> {
  const { changes } = event.payload as PayloadOf<typeof InstitutionChanged>;
  const at = new Date(event.occurredAt);
  await tx.institution.updateMany({
    where: { institutionId: event.institutionId, lastEventAt: { lte: at } },
    data: {
      lastEventAt: at,
      ...(changes.institutionName ? { name: changes.institutionName } : {}),
      ...(changes.district ? { district: changes.district } : {}),
      ...(changes.address ? { address: changes.address } : {}),
    },
  });
}

/** Revoked or closed institutions stay in the register: parents still complain about unrefunded fees. */
export async function onLicenseEnded(event: Envelope, tx: ComplaintsTx): Promise<void> {
  const at = new Date(event.occurredAt);
  const status = event.type === LicenseRevoked.type ? 'revoked' : 'closed';
  await tx.institution.updateMany({
    where: { institutionId: event.institutionId, lastEventAt: { lte: at } },
    data: { lastEventAt: at, status },
  });
}

/** Links a decided penalty to the complaints about that license filed before the decision. */
export async function onPenaltyDecided(event: Envelope, tx: ComplaintsTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof PenaltyDecided>;
  if (!p.licenseId) return;
  const decidedOn = new Date(p.decidedOn);
  const complaints = await tx.complaint.findMany({
    where: { licenseId: p.licenseId, filedAt: { lte: new Date(`${p.decidedOn}T23:59:59+08:00`) } },
    select: { id: true },
  });
  await tx.complaintOutcome.createMany({
    data: complaints.map((c) => ({
      penaltyId: p.penaltyId,
      complaintId: c.id,
      decisionNumber: p.decisionNumber,
      penaltyType: p.penaltyType,
      decidedOn,
    })),
    skipDuplicates: true,
  });
}

export const institutionHandlers = {
  [LicenseIssued.type]: onLicenseIssued,
  [InstitutionChanged.type]: onInstitutionChanged,
  [LicenseRevoked.type]: onLicenseEnded,
  [InstitutionClosed.type]: onLicenseEnded,
};
