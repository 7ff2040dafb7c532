import { ForbiddenException } from '@nestjs/common';
import { EventOrigin } from '@otr/contracts';
import { currentContext } from '@otr/messaging';
import { hasRole, Principal } from './principal';

/**
 * The one read policy of every service (issue #14): an institution operator reads its own
 * institution's records, an official those in their jurisdiction and below. Services apply it to
 * their records through `readScopeOf` (lists, SQL) and `canRead`/`assertCanRead` (one record).
 */

/**
 * The institution id no institution has (the nil UUID, valid wherever an id column is a uuid):
 * the scope of an operator not (yet) linked to an institution, who reads nothing — never their
 * whole district.
 */
export const NO_INSTITUTION = '00000000-0000-0000-0000-000000000000';

export type ReadScope = { institutionId: string } | { jurisdiction: string };

/**
 * An account acts for an institution when it holds the operator role or is linked to one; such an
 * account reads as the institution even if it also holds an official role (least privilege: an
 * operator must never see its competitors' files by also being an approver).
 */
export const actsForInstitution = (p: Principal): boolean =>
  hasRole(p, 'institution-operator') || !!p.institutionId;

export const readScopeOf = (p: Principal): ReadScope =>
  actsForInstitution(p) ? { institutionId: p.institutionId ?? NO_INSTITUTION } : { jurisdiction: p.jurisdiction };

/** A record as the policy sees it: the institution it concerns (if any) and the district it lies in. */
export interface OwnedRecord {
  institutionId?: string | null;
  district: string;
}

/**
 * Every kind of record the services serve one by one, and whether the institution it concerns
 * reads it (its own only) or officials alone do. Files are served through the record that cites
 * them and take its row (complaint evidence has its own: a photo can show who complained).
 */
export const RECORD_READERS = {
  application: 'institution',
  'application-document': 'institution',
  license: 'institution',
  'license-request': 'institution',
  'annual-report': 'institution',
  inspection: 'institution',
  violation: 'institution',
  rectification: 'institution',
  'inspection-evidence': 'institution',
  penalty: 'institution',
  blacklist: 'officials',
  'joint-case': 'officials',
  'spot-check': 'officials',
  complaint: 'institution',
  'complaint-evidence': 'officials',
  'fee-account': 'institution',
  refund: 'institution',
  'fee-alert': 'officials',
} as const satisfies Record<string, 'institution' | 'officials'>;
export type RecordKind = keyof typeof RECORD_READERS;

/** Whether the scope covers the record (each service's SQL scope helper says the same in SQL). */
export function scopeCovers(scope: ReadScope, record: OwnedRecord): boolean {
  if ('institutionId' in scope)
    return scope.institutionId !== NO_INSTITUTION && record.institutionId === scope.institutionId;
  return record.district === scope.jurisdiction || record.district.startsWith(`${scope.jurisdiction}-`);
}

/** Whether the caller may read this record of this kind. */
export function canRead(p: Principal, kind: RecordKind, record: OwnedRecord): boolean {
  if (actsForInstitution(p) && RECORD_READERS[kind] === 'officials') return false;
  return scopeCovers(readScopeOf(p), record);
}

/** 403 when the caller may not read the record, naming its kind. */
export function assertCanRead(p: Principal, kind: RecordKind, record: OwnedRecord): void {
  if (!canRead(p, kind, record)) throw new ForbiddenException(`${kind} outside what you may read`);
}

/** The origin every event of the caller's command carries: who acted, in which role, and the request's correlation id. */
export const originOf = (p: Principal): EventOrigin => ({
  actor: { userId: p.userId, role: p.roles[0], ...(p.department ? { department: p.department } : {}) },
  correlationId: currentContext()?.correlationId ?? 'none',
});
