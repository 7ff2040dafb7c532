import { actsForInstitution, NO_INSTITUTION, originOf, Principal, Role } from '@otr/auth';
import { EventOrigin } from '@otr/contracts';
import { currentContext } from '@otr/messaging';
import { levelOf } from '@otr/rules';
import { Actor } from '../domain/vocabulary';

/** The roles that handle complaints (the gateway lets them write); viewers and administrators only read. */
export const HANDLER_ROLES: Role[] = ['task-force-officer', 'inspector', 'approver', 'fund-supervisor'];

/**
 * The principal as the complaint domain sees it. A handling official above the district level
 * (city, province) is the supervising level (督办) for the districts within it.
 */
export function actorOf(p: Principal): Actor {
  // An operator is the institution even when not yet linked to one (then an institution nobody is):
  // never an official of its district (the one policy, libs/auth).
  if (actsForInstitution(p)) return { kind: 'institution', institutionId: p.institutionId ?? NO_INSTITUTION };
  const handles = p.roles.some((r) => HANDLER_ROLES.includes(r));
  return {
    kind: 'official',
    userId: p.userId,
    ...(p.department ? { department: p.department } : {}),
    roles: p.roles,
    jurisdiction: p.jurisdiction,
    ...(handles && levelOf(p.jurisdiction) !== 'district' ? { supervisor: true } : {}),
  };
}

const correlationId = () => currentContext()?.correlationId ?? 'none';

/** The origin of an official's or operator's command: libs/auth says it once for every service. */
export { originOf };

/** The public and the complainant act without an account; events name no person for them. */
export const publicOrigin = (): EventOrigin => ({
  actor: { userId: 'public', role: 'public' },
  correlationId: correlationId(),
});

export const systemOrigin = (): EventOrigin => ({
  actor: { userId: 'system', role: 'system' },
  correlationId: correlationId(),
});

/** Events of a 12345 work order name the hotline system that filed it, never the caller. */
export const hotlineOrigin = (system: string): EventOrigin => ({
  actor: { userId: `hotline:${system}`, role: 'hotline-12345' },
  correlationId: correlationId(),
});
