import {
  BlacklistEntryAdded,
  BlacklistEntryRemoved,
  Envelope,
  PenaltyDecided,
  RectificationOverdue,
  Topics,
} from '@otr/contracts';
import { ConsumerSpec } from '@otr/runtime';
import { applyPenalty, evolveLicense } from '../domain/license';
import { PrismaLicenseRepository } from '../infrastructure/prisma-license.repository';
import { RegistrationTx } from '../infrastructure/registration-prisma';

const causedBy = (e: Envelope) => ({ actor: e.actor, correlationId: e.correlationId, causationId: e.id });

/**
 * What registration does with inspection's decisions, each in the inbox's transaction so a
 * redelivery has no second effect: a penalty that stops enrolment, suspends or revokes changes the
 * license (the decision number travels with it); black-list entries are kept for the applicant check.
 */
export function inspectionDecisions(licenses: PrismaLicenseRepository): ConsumerSpec<RegistrationTx> {
  return {
    name: 'registration.inspection-decisions',
    topics: [Topics.inspection],
    handlers: {
      [PenaltyDecided.type]: async (e, tx) => {
        const p = PenaltyDecided.payload.parse(e.payload);
        if (!p.licenseId || p.licenseAction === 'none') return;
        const license = await licenses.load(p.licenseId);
        const events = applyPenalty(license, p.licenseAction, p.decisionNumber, p.reasons);
        await licenses.saveIn(tx, events.reduce(evolveLicense, license), events, causedBy(e));
      },
      // Not rectified by the deadline: black list and training ban (DOMAIN.md, grade consequences).
      [RectificationOverdue.type]: async (e, tx) => {
        const p = RectificationOverdue.payload.parse(e.payload);
        if (!p.licenseId || p.licenseAction === 'none') return;
        const license = await licenses.load(p.licenseId);
        const reason = `逾期未整改 (rectification ${p.rectificationId} due ${p.dueBy})`;
        const events = applyPenalty(license, p.licenseAction, `blacklist ${p.blacklistEntryId}`, reason);
        await licenses.saveIn(tx, events.reduce(evolveLicense, license), events, causedBy(e));
      },
      [BlacklistEntryAdded.type]: async (e, tx) => {
        const p = BlacklistEntryAdded.payload.parse(e.payload);
        const row = {
          entryId: p.entryId,
          subjectName: p.subjectName,
          legalRepresentative: p.legalRepresentative ?? null,
          decisionNumber: p.decisionNumber,
          removableOn: new Date(p.removableOn),
          removed: false,
        };
        await tx.blacklistEntry.upsert({ where: { entryId: p.entryId }, create: row, update: row });
      },
      [BlacklistEntryRemoved.type]: async (e, tx) => {
        const p = BlacklistEntryRemoved.payload.parse(e.payload);
        await tx.blacklistEntry.updateMany({ where: { entryId: p.entryId }, data: { removed: true } });
      },
    },
  };
}
