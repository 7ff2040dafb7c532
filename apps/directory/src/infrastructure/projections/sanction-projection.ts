import {
  BlacklistEntryAdded,
  BlacklistEntryRemoved,
  Envelope,
  PayloadOf,
  PenaltyDecided,
} from '@otr/contracts';
import { DirectoryTx } from '../directory-prisma';

/** A decided penalty, published with its decision (处罚决定公开); a newer decision of the same id wins. */
export async function onPenaltyDecided(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof PenaltyDecided>;
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.penalty AS p (id, institution_id, decision_number, subject_name, penalty_type,
       legal_basis, fine_fen, license_action, reasons, decided_on, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11::timestamptz)
     ON CONFLICT (id) DO UPDATE SET decision_number = EXCLUDED.decision_number,
       subject_name = EXCLUDED.subject_name, penalty_type = EXCLUDED.penalty_type,
       legal_basis = EXCLUDED.legal_basis, fine_fen = EXCLUDED.fine_fen,
       license_action = EXCLUDED.license_action, reasons = EXCLUDED.reasons,
       decided_on = EXCLUDED.decided_on, decided_at = EXCLUDED.decided_at
     WHERE p.decided_at <= EXCLUDED.decided_at`,
    p.penaltyId,
    event.institutionId,
    p.decisionNumber,
    p.subjectName,
    p.penaltyType,
    p.legalBasis,
    p.fineFen ?? null,
    p.licenseAction,
    p.reasons,
    p.decidedOn,
    event.occurredAt,
  );
}

/**
 * An entry on the black list. Only the subject, reason, decision and dates are kept: the legal
 * representative and credit code in the event are for officials' matching, not the public list.
 */
export async function onBlacklistEntryAdded(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof BlacklistEntryAdded>;
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.blacklist_entry AS b (id, institution_id, subject_name, reason, decision_number,
       listed_on, removable_on, added_at)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8::timestamptz)
     ON CONFLICT (id) DO UPDATE SET subject_name = EXCLUDED.subject_name, reason = EXCLUDED.reason,
       decision_number = EXCLUDED.decision_number, listed_on = EXCLUDED.listed_on,
       removable_on = EXCLUDED.removable_on, added_at = EXCLUDED.added_at
     WHERE b.added_at IS NULL OR b.added_at <= EXCLUDED.added_at`,
    p.entryId,
    event.institutionId,
    p.subjectName,
    p.reason,
    p.decisionNumber,
    p.listedOn,
    p.removableOn,
    event.occurredAt,
  );
}

/** Credit repair (信用修复): the removal may arrive before the entry; the latest removal is kept. */
export async function onBlacklistEntryRemoved(event: Envelope, tx: DirectoryTx): Promise<void> {
  const p = event.payload as PayloadOf<typeof BlacklistEntryRemoved>;
  await tx.$executeRawUnsafe(
    `INSERT INTO directory.blacklist_entry AS b (id, institution_id, removed_on, removed_at)
     VALUES ($1, $2, $3::date, $4::timestamptz)
     ON CONFLICT (id) DO UPDATE SET removed_on = EXCLUDED.removed_on, removed_at = EXCLUDED.removed_at
     WHERE b.removed_at IS NULL OR b.removed_at <= EXCLUDED.removed_at`,
    p.entryId,
    event.institutionId,
    p.removedOn,
    event.occurredAt,
  );
}

/** On the black list: added, and added after any removal. */
export const BLACKLISTED = 'added_at IS NOT NULL AND (removed_at IS NULL OR removed_at < added_at)';
