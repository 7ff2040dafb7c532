import { z } from 'zod';
import { InvalidApplicationState, LicensingRuleViolated } from './errors';
import { changeProfile, close, LicenseEvent, LicenseState, ProfileChange } from './license';
import { assertCompetent, assertNotOwnCase, Decider } from './license-application';

/**
 * What an operator asks of the licensing department after licensing: a change (变更) of name,
 * address, legal representative or scope, or closure (终止办学). The competent department decides.
 */
export const LicenseRequestKind = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('change'), changes: ProfileChange }),
  z.object({ kind: z.literal('closure'), closesOn: z.iso.date(), reason: z.string() }),
]);
export type LicenseRequestKind = z.infer<typeof LicenseRequestKind>;

export interface LicenseRequestState {
  id: string;
  licenseId: string;
  request: LicenseRequestKind;
  status: 'pending' | 'approved' | 'rejected';
  /** The user who filed it (from the license's action log): they never decide it. */
  filedBy?: string;
  version: number;
}

/** The competent department's decisions on a request. */
export const LicenseRequestCommand = z
  .enum(['approve', 'reject'])
  .describe('A decision on a change or closure request: approve, reject.');
export type LicenseRequestCommand = z.infer<typeof LicenseRequestCommand>;

/** A pending request is approved or rejected; a decided one takes nothing more (approveRequest, rejectRequest). */
export const requestCommandsOffered = (s: Pick<LicenseRequestState, 'status'>): LicenseRequestCommand[] =>
  s.status === 'pending' ? ['approve', 'reject'] : [];

export type LicenseRequestEvent =
  | { type: 'RequestFiled'; request: LicenseRequestKind }
  | { type: 'RequestApproved' }
  | { type: 'RequestRejected'; reasons: string };

/** The license events a request would produce, checked against the license as it is now. */
const consequences = (license: LicenseState, r: LicenseRequestKind): LicenseEvent[] =>
  r.kind === 'change' ? changeProfile(license, r.changes) : close(license, r.closesOn, r.reason);

/** decide: file a request; it must make sense for the license today, and closure cannot be back-dated. */
export function fileRequest(
  license: LicenseState,
  request: LicenseRequestKind,
  today: string,
): LicenseRequestEvent[] {
  if (request.kind === 'closure' && request.closesOn < today) {
    throw new LicensingRuleViolated('a closure date cannot be in the past', {
      field: 'closesOn',
      rule: 'closure dates from today on',
    });
  }
  consequences(license, request);
  return [{ type: 'RequestFiled', request }];
}

/** decide: the competent department approves; the license changes or closes in the same step. */
export function approveRequest(
  s: LicenseRequestState,
  license: LicenseState,
  by: Decider,
): { request: LicenseRequestEvent[]; license: LicenseEvent[] } {
  if (s.status !== 'pending') throw new InvalidApplicationState('approve a request', s.status);
  assertCompetent(license, by);
  assertNotOwnCase({ filedBy: s.filedBy ? [s.filedBy] : [], institutionId: license.institutionId }, by);
  return { request: [{ type: 'RequestApproved' }], license: consequences(license, s.request) };
}

export function rejectRequest(
  s: LicenseRequestState,
  license: LicenseState,
  reasons: string,
  by: Decider,
): LicenseRequestEvent[] {
  if (s.status !== 'pending') throw new InvalidApplicationState('reject a request', s.status);
  assertCompetent(license, by);
  assertNotOwnCase({ filedBy: s.filedBy ? [s.filedBy] : [], institutionId: license.institutionId }, by);
  return [{ type: 'RequestRejected', reasons }];
}

export function evolveRequest(s: LicenseRequestState, e: LicenseRequestEvent): LicenseRequestState {
  switch (e.type) {
    case 'RequestFiled':
      return { ...s, request: e.request, status: 'pending' };
    case 'RequestApproved':
      return { ...s, status: 'approved' };
    case 'RequestRejected':
      return { ...s, status: 'rejected' };
  }
}
