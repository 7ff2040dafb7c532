/**
 * What each role may do in the console, in one table: the menu, the buttons and the dashboard
 * panels all follow it through the authProvider's canAccess. The gateway and the services
 * enforce access again on every request; this table only keeps the UI from offering what a
 * role cannot do. Pure module: no react-admin import, so jest can load it.
 */
import type { Role } from '@otr/auth/src/principal';

export type Action =
  | 'list'
  | 'show'
  | 'create'
  | 'edit'
  | 'export'
  | 'view'
  | 'approve'
  | 'return'
  | 'reject'
  | 'requestOpinion'
  | 'giveOpinion';

/** Screens of the console, in menu order; a new service's screen is added here and in resources.ts. */
export const MENU = ['applications', 'institutions', 'timeline', 'users', 'audit'] as const;
export type MenuResource = (typeof MENU)[number];

/** Dashboard panels are resources too ('dashboard.<panel>', action 'view'). */
export const PANELS = [
  'applications',
  'rectifications',
  'complaints',
  'fundAlerts',
  'institutions',
  'audit',
] as const;
export type Panel = (typeof PANELS)[number];

type Grants = Partial<Record<MenuResource | `dashboard.${Panel}`, Action[]>>;

const read: Action[] = ['list', 'show', 'export'];
const panels = (...names: Panel[]): Grants =>
  Object.fromEntries(names.map((p) => [`dashboard.${p}`, ['view'] as Action[]]));

export const PERMISSIONS: Record<Role, Grants> = {
  // Licensing: the work queue and its decisions, the directory, each institution's history.
  approver: {
    applications: [...read, 'approve', 'return', 'reject', 'requestOpinion'],
    institutions: read,
    timeline: read,
    ...panels('applications', 'rectifications', 'complaints', 'institutions'),
  },
  // Inspections and rectifications (screens come with the inspection service).
  inspector: {
    institutions: read,
    timeline: read,
    ...panels('rectifications', 'complaints', 'institutions'),
  },
  // Joint review: opinions on applications routed to the officer's department; complaints.
  'task-force-officer': {
    applications: [...read, 'giveOpinion'],
    institutions: read,
    timeline: read,
    ...panels('applications', 'complaints', 'institutions'),
  },
  'fund-supervisor': {
    institutions: read,
    timeline: read,
    ...panels('fundAlerts', 'complaints', 'institutions'),
  },
  'spot-check-planner': {
    institutions: read,
    timeline: read,
    ...panels('rectifications', 'institutions'),
  },
  // The operator sees the institution's own applications and history only (the services scope it).
  'institution-operator': {
    applications: read,
    timeline: read,
    ...panels('applications'),
  },
  // Read-only oversight of everything a task-force leader looks at.
  viewer: {
    applications: read,
    institutions: read,
    timeline: read,
    ...panels('applications', 'rectifications', 'complaints', 'fundAlerts', 'institutions'),
  },
  // Accounts and the audit log, nothing of the regulatory work itself.
  administrator: {
    users: [...read, 'create', 'edit'],
    audit: read,
    ...panels('audit', 'institutions'),
  },
};

/** Every role, from the table (typed against @otr/auth, so a new role cannot be left out). */
export const ROLES = Object.keys(PERMISSIONS) as Role[];

/** A user may act on a resource when any of their roles allows it; unknown roles, resources and actions mean no. */
export function can(roles: readonly string[], resource: string, action: string): boolean {
  return roles.some(
    (r) =>
      (PERMISSIONS[r as Role]?.[resource as keyof Grants] as string[] | undefined)?.includes(action) ?? false,
  );
}

/** The menu a user sees: the screens they may list, in menu order. */
export const menuFor = (roles: readonly string[]): MenuResource[] =>
  MENU.filter((r) => can(roles, r, 'list'));

/** The dashboard panels a user sees. */
export const panelsFor = (roles: readonly string[]): Panel[] =>
  PANELS.filter((p) => can(roles, `dashboard.${p}`, 'view'));
