import { z } from 'zod';
import { Category, Scope } from '@otr/contracts';
import { InvalidApplicationState, LicensingRuleViolated } from './errors';

/** License states (DOMAIN.md): active, suspended (stop enrolling), revoked, expired, closed. */
export const LicenseStatus = z
  .enum(['active', 'suspended', 'revoked', 'expired', 'closed'])
  .describe('active 有效, suspended 暂停招生, revoked 吊销, expired 过期, closed 终止办学');
export type LicenseStatus = z.infer<typeof LicenseStatus>;

/** What the license certifies about the institution; changes (变更) move it. */
export const LicenseProfile = z.object({
  institutionName: z.string(),
  address: z.string(),
  legalRepresentative: z.string(),
  scopes: z.array(Scope),
  category: Category,
  maxClassSize: z.number().int().positive(),
});
export type LicenseProfile = z.infer<typeof LicenseProfile>;

/** The parts of a profile a change may move (名称、地址、法定代表人、办学范围). */
export const ProfileChange = LicenseProfile.pick({
  institutionName: true,
  address: true,
  legalRepresentative: true,
  scopes: true,
}).partial();
export type ProfileChange = z.infer<typeof ProfileChange>;

/** An issued school-running license (办学许可证) as the service keeps it. */
export const LicenseState = z.object({
  id: z.uuid(),
  institutionId: z.string(),
  number: z.string().describe('The license number (许可证编号).'),
  status: LicenseStatus,
  validUntil: z.iso.date().describe('The last day of validity (有效期至).'),
  /** Who may change it: the competent department in the institution's district. */
  district: z.string(),
  competentDepartment: z.string(),
  profile: LicenseProfile,
  /** Expiry reminders already sent for the current validity, as days before (90, 30). */
  remindersSent: z.array(z.number().int()).describe('Expiry reminders sent, as days before (90, 30).'),
  version: z.number().int().nonnegative(),
});
export type LicenseState = z.infer<typeof LicenseState>;

/**
 * The commands on an issued license: the approver's decisions (暂停招生, 恢复, 吊销, 延续), the
 * operator's filings (课程/人员备案) and requests (变更, 终止办学).
 */
export const LicenseCommand = z
  .enum([
    'suspend',
    'reinstate',
    'revoke',
    'renew',
    'fileCourse',
    'fileStaff',
    'requestChange',
    'requestClosure',
  ])
  .describe(
    'A command on a license: suspend, reinstate, revoke, renew, fileCourse, fileStaff, requestChange, requestClosure.',
  );
export type LicenseCommand = z.infer<typeof LicenseCommand>;

/**
 * Which commands each status allows, as decide below (and filings.ts, license-request.ts) rule:
 * license.spec.ts holds every entry to them. Who may run them is the interface's business.
 */
const OFFERED: Record<LicenseStatus, readonly LicenseCommand[]> = {
  active: ['suspend', 'revoke', 'renew', 'fileCourse', 'fileStaff', 'requestChange', 'requestClosure'],
  suspended: ['reinstate', 'revoke', 'requestChange', 'requestClosure'],
  expired: ['revoke', 'requestClosure'],
  revoked: [],
  closed: [],
};

/** The commands a license in this state accepts (for anyone allowed to run them). */
export const licenseCommandsOffered = (s: Pick<LicenseState, 'status'>): LicenseCommand[] => [
  ...OFFERED[s.status],
];

export type LicenseEvent =
  | { type: 'LicenseSuspended'; reason: string; decision?: string }
  | { type: 'LicenseReinstated'; reason: string; decision?: string }
  | { type: 'LicenseRevoked'; reason: string; decision?: string }
  | { type: 'LicenseExpired'; validUntil: string }
  | { type: 'LicenseRenewed'; validUntil: string }
  | { type: 'LicenseExpiryReminderDue'; daysBefore: number }
  | { type: 'InstitutionChanged'; changes: ProfileChange }
  | { type: 'InstitutionClosed'; closedOn: string; reason: string };

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

/** A penalty's consequence for the license, as inspection decided it (教育部令第53号). */
export type PenaltyLicenseAction = 'none' | 'stop-enrolling' | 'suspend' | 'revoke';

/**
 * decide: apply a penalty decision. Stopping enrolment and suspension both stop enrolling here;
 * a decision that finds the license already in that state (or ended) changes nothing, so a
 * redelivered or late decision is harmless.
 */
export function applyPenalty(
  s: LicenseState,
  action: PenaltyLicenseAction,
  decision: string,
  reason: string,
): LicenseEvent[] {
  if (action === 'none' || s.status === 'revoked' || s.status === 'closed') return [];
  if (action === 'revoke') return revoke(s, reason, decision);
  return s.status === 'active' ? suspend(s, reason, decision) : [];
}

/** Whole days from one ISO date to another. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * decide: the expiry reminders due today (90 and 30 days before by default). Only the nearest
 * missed one is sent, so a sweep that did not run for weeks does not send a burst.
 */
export function remindersDue(s: LicenseState, today: string, reminderDays: number[]): LicenseEvent[] {
  if (s.status !== 'active' && s.status !== 'suspended') return [];
  const left = daysBetween(today, s.validUntil);
  const due = reminderDays
    .filter((d) => left >= 0 && left <= d && !s.remindersSent.some((sent) => sent <= d))
    .sort((a, b) => a - b);
  return due.length ? [{ type: 'LicenseExpiryReminderDue', daysBefore: due[0] }] : [];
}

/** decide: an approved change of name, address, legal representative or scope. */
export function changeProfile(s: LicenseState, changes: ProfileChange): LicenseEvent[] {
  if (s.status !== 'active' && s.status !== 'suspended') throw refuse('change', s);
  const moved = Object.fromEntries(
    Object.entries(changes).filter(
      ([k, v]) =>
        v !== undefined && JSON.stringify(v) !== JSON.stringify(s.profile[k as keyof LicenseProfile]),
    ),
  ) as ProfileChange;
  if (Object.keys(moved).length === 0) {
    throw new LicensingRuleViolated('the change request changes nothing', {
      field: 'changes',
      rule: 'a change names at least one item that differs from the license',
    });
  }
  return [{ type: 'InstitutionChanged', changes: moved }];
}

/** decide: closing (终止办学) ends any license that has not already been revoked or closed. */
export function close(s: LicenseState, closedOn: string, reason: string): LicenseEvent[] {
  if (s.status === 'revoked' || s.status === 'closed') throw refuse('close', s);
  return [{ type: 'InstitutionClosed', closedOn, reason }];
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
      return { ...s, validUntil: e.validUntil, remindersSent: [] };
    case 'LicenseExpiryReminderDue':
      return { ...s, remindersSent: [...s.remindersSent, e.daysBefore] };
    case 'InstitutionChanged':
      return { ...s, profile: { ...s.profile, ...e.changes } };
    case 'InstitutionClosed':
      return { ...s, status: 'closed' };
  }
}
