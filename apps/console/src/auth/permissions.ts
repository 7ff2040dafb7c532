/** What each role may do in the console: the menus and buttons follow this table (the gateway enforces it again). */
export type Action =
  | 'list'
  | 'show'
  | 'create'
  | 'edit'
  | 'export'
  | 'approve'
  | 'return'
  | 'reject'
  | 'requestOpinion'
  | 'giveOpinion';

const read: Action[] = ['list', 'show', 'export'];

export const PERMISSIONS: Record<string, Record<string, Action[]>> = {
  administrator: { users: [...read, 'create', 'edit'], audit: read, institutions: read, timeline: read },
  approver: {
    applications: [...read, 'approve', 'return', 'reject', 'requestOpinion'],
    institutions: read,
    timeline: read,
  },
  inspector: { applications: read, institutions: read, timeline: read },
  'task-force-officer': { applications: [...read, 'giveOpinion'], institutions: read, timeline: read },
  'fund-supervisor': { institutions: read, timeline: read },
  'spot-check-planner': { institutions: read, timeline: read },
  viewer: { applications: read, institutions: read, timeline: read },
  'institution-operator': { applications: read, timeline: read },
};

/** A user may act on a resource when any of their roles allows it; unknown means no. */
export function can(roles: string[], resource: string, action: string): boolean {
  return roles.some((r) =>
    (PERMISSIONS[r]?.[resource] as string[] | undefined)?.includes(action === 'delete' ? '-' : action),
  );
}

/** Resources in menu order. */
export const MENU = ['applications', 'institutions', 'timeline', 'users', 'audit'] as const;
