import { InvalidApplicationState } from './errors';

/** License states (DOMAIN.md): active, suspended (stop enrolling), revoked, expired, closed. */
export type LicenseStatus = 'active' | 'suspended' | 'revoked' | 'expired' | 'closed';

export interface LicenseState {
  id: string;
  institutionId: string;
  number: string;
  status: LicenseStatus;
  validUntil: string;
  /** Who may change it: the competent department in the institution's district. */
  district: string;
  competentDepartment: string;
  version: number;
}

export type LicenseEvent =
  | { type: 'LicenseSuspended'; reason: string; decision?: string }
  | { type: 'LicenseReinstated'; reason: string; decision?: string }
  | { type: 'LicenseRevoked'; reason: string; decision?: string }
  | { type: 'LicenseExpired'; validUntil: string }
  | { type: 'LicenseRenewed'; validUntil: string };

const refuse = (action: string, s: LicenseState) =>
  new InvalidApplicationState(`${action} a license`, s.status);

/** decide: stop enrolment (暂停招生), from a penalty decision or the approver. */
export function suspend(s: LicenseState, reason: string, decision?: string): LicenseEvent[] {
  if (s.status !== 'active') throw refuse('suspend', s);
  return [{ type: 'LicenseSuspended', reason, decision }];
}

export function reinstate(s: LicenseState, reason: string, decision?: string): LicenseEvent[] {
  if (s.status !== 'suspended') throw refuse('reinstate', s);
  return [{ type: 'LicenseReinstated', reason, decision }];
}

/** decide: revocation (吊销) is final; a revoked license cannot come back. */
export function revoke(s: LicenseState, reason: string, decision?: string): LicenseEvent[] {
  if (s.status === 'revoked' || s.status === 'closed') throw refuse('revoke', s);
  return [{ type: 'LicenseRevoked', reason, decision }];
}

/** decide: a license whose last valid day has passed expires; none other does. */
export function expire(s: LicenseState, today: string): LicenseEvent[] {
  if ((s.status !== 'active' && s.status !== 'suspended') || today <= s.validUntil) return [];
  return [{ type: 'LicenseExpired', validUntil: s.validUntil }];
}

/** decide: renewal keeps the number; only an active license, and only forward. */
export function renew(s: LicenseState, validUntil: string): LicenseEvent[] {
  if (s.status !== 'active') throw refuse('renew', s);
  if (validUntil <= s.validUntil) throw refuse(`move back the end of`, s);
  return [{ type: 'LicenseRenewed', validUntil }];
}

export function evolveLicense(s: LicenseState, e: LicenseEvent): LicenseState {
  switch (e.type) {
    case 'LicenseSuspended':
      return { ...s, status: 'suspended' };
    case 'LicenseReinstated':
      return { ...s, status: 'active' };
    case 'LicenseRevoked':
      return { ...s, status: 'revoked' };
    case 'LicenseExpired':
      return { ...s, status: 'expired' };
    case 'LicenseRenewed':
      return { ...s, validUntil: e.validUntil };
  }
}
