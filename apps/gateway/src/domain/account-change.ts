/**
 * Which administrator changes to an account end its sessions at once (等保 2.0 身份鉴别): a new
 * password, disabling, or any change to what the principal may do or see (roles, department,
 * jurisdiction, institution). A session signed in before such a change must not live on until its
 * access token expires.
 */
export interface AccountScope {
  roles: string[];
  department: string | null;
  jurisdiction: string;
  institutionId: string | null;
}

export interface AccountChange {
  password?: string;
  disabled?: boolean;
  roles?: string[];
  department?: string | null;
  jurisdiction?: string;
  institutionId?: string | null;
}

const sameRoles = (a: string[], b: string[]) => a.length === b.length && a.every((r) => b.includes(r));

export function endsSessions(before: AccountScope, change: AccountChange): boolean {
  if (change.password !== undefined || change.disabled === true) return true;
  if (change.roles !== undefined && !sameRoles(before.roles, change.roles)) return true;
  return (
    (change.department !== undefined && change.department !== before.department) ||
    (change.jurisdiction !== undefined && change.jurisdiction !== before.jurisdiction) ||
    (change.institutionId !== undefined && change.institutionId !== before.institutionId)
  );
}
