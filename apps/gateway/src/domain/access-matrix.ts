import { Role } from '@otr/auth';

export type Caller = Role | 'anonymous';

/**
 * The expected outcome for every route × caller, kept beside the policy and written out by hand,
 * so a change to the policy that widens access fails the matrix test until this table agrees.
 * 'allow' means the gateway lets the request through to the service; 'deny' is 401 or 403.
 */
/** Public routes: anyone, signed in or not. */
const EVERYONE: Caller[] = [
  'anonymous',
  'approver',
  'inspector',
  'task-force-officer',
  'fund-supervisor',
  'spot-check-planner',
  'institution-operator',
  'viewer',
  'administrator',
];

export const ACCESS_MATRIX: { method: string; path: string; allowed: Caller[] }[] = [
  {
    method: 'GET',
    path: '/api/public/institutions?q=美术',
    allowed: [
      'anonymous',
      'approver',
      'inspector',
      'task-force-officer',
      'fund-supervisor',
      'spot-check-planner',
      'institution-operator',
      'viewer',
      'administrator',
    ],
  },
  { method: 'POST', path: '/api/public/institutions', allowed: [] },
  { method: 'POST', path: '/api/complaints/public/complaints', allowed: [...EVERYONE] },
  { method: 'GET', path: '/api/complaints/public/complaints/TS2026', allowed: [...EVERYONE] },
  { method: 'DELETE', path: '/api/complaints/public/complaints/TS2026', allowed: [] },
  { method: 'GET', path: '/api/open311/v2/services.json', allowed: [...EVERYONE] },
  { method: 'POST', path: '/api/open311/v2/requests.json', allowed: [...EVERYONE] },
  { method: 'DELETE', path: '/api/open311/v2/requests/TS2026.json', allowed: [] },
  { method: 'POST', path: '/api/fee-supervision/public/family/sign-in', allowed: [...EVERYONE] },
  // A family's rating of its order: the fee service checks the family token itself.
  { method: 'POST', path: '/api/fee-supervision/public/family/ratings', allowed: [...EVERYONE] },
  { method: 'PUT', path: '/api/fee-supervision/public/family/orders', allowed: [] },
  { method: 'GET', path: '/api/asyncapi', allowed: [...EVERYONE] },
  { method: 'POST', path: '/api/asyncapi', allowed: [] },
  {
    method: 'GET',
    path: '/api/directory/timeline?institutionId=x',
    allowed: [
      'approver',
      'inspector',
      'task-force-officer',
      'fund-supervisor',
      'spot-check-planner',
      'institution-operator',
      'viewer',
      'administrator',
    ],
  },
  { method: 'GET', path: '/api/directory/anything-else', allowed: [] },
  {
    method: 'GET',
    path: '/api/directory/stats',
    allowed: [
      'approver',
      'inspector',
      'task-force-officer',
      'fund-supervisor',
      'spot-check-planner',
      'viewer',
      'administrator',
    ],
  },
  {
    method: 'GET',
    path: '/api/registration/applications',
    allowed: [
      'approver',
      'inspector',
      'task-force-officer',
      'fund-supervisor',
      'spot-check-planner',
      'institution-operator',
      'viewer',
      'administrator',
    ],
  },
  {
    method: 'POST',
    path: '/api/registration/applications',
    allowed: ['approver', 'task-force-officer', 'institution-operator', 'administrator'],
  },
  {
    method: 'POST',
    path: '/api/registration/applications/00000000-0000-4000-8000-000000000000/approve',
    allowed: ['approver', 'task-force-officer', 'institution-operator', 'administrator'],
  },
  {
    method: 'GET',
    path: '/api/inspection/inspections',
    allowed: [
      'approver',
      'inspector',
      'task-force-officer',
      'fund-supervisor',
      'spot-check-planner',
      'institution-operator',
      'viewer',
      'administrator',
    ],
  },
  {
    method: 'POST',
    path: '/api/inspection/inspections',
    allowed: ['approver', 'inspector', 'task-force-officer', 'spot-check-planner', 'institution-operator'],
  },
  // Exactly the roles with the dashboard's 'rectifications' panel (apps/console/src/auth/permissions.ts).
  {
    method: 'GET',
    path: '/api/inspection/stats',
    allowed: ['approver', 'inspector', 'spot-check-planner', 'viewer'],
  },
  { method: 'POST', path: '/api/inspection/stats', allowed: [] },
  // Exactly the roles with the dashboard's 'fundAlerts' panel (apps/console/src/auth/permissions.ts).
  { method: 'GET', path: '/api/fee-supervision/stats', allowed: ['fund-supervisor', 'viewer'] },
  { method: 'POST', path: '/api/fee-supervision/stats', allowed: [] },
  {
    method: 'GET',
    path: '/api/fee-supervision/accounts',
    allowed: ['approver', 'inspector', 'fund-supervisor', 'institution-operator', 'viewer', 'administrator'],
  },
  {
    method: 'POST',
    path: '/api/fee-supervision/accounts',
    allowed: ['fund-supervisor', 'institution-operator'],
  },
  {
    method: 'GET',
    path: '/api/complaints/complaints',
    allowed: [
      'approver',
      'inspector',
      'task-force-officer',
      'fund-supervisor',
      'spot-check-planner',
      'institution-operator',
      'viewer',
      'administrator',
    ],
  },
  {
    method: 'POST',
    path: '/api/complaints/complaints',
    allowed: ['approver', 'inspector', 'task-force-officer', 'fund-supervisor', 'institution-operator'],
  },
  // Gateway-local: the bell's feed, for every official.
  {
    method: 'GET',
    path: '/api/me/notifications?locale=en',
    allowed: [
      'approver',
      'inspector',
      'task-force-officer',
      'fund-supervisor',
      'spot-check-planner',
      'viewer',
      'administrator',
    ],
  },
  { method: 'POST', path: '/api/me/notifications', allowed: [] },
  { method: 'GET', path: '/api/admin/users', allowed: ['administrator'] },
  { method: 'POST', path: '/api/admin/users', allowed: ['administrator'] },
  { method: 'GET', path: '/api/admin/audit', allowed: ['administrator'] },
  // Dead letters: administrators only, though each service's officials read (and write) the rest of it.
  { method: 'GET', path: '/api/registration/dead-letters?open=true', allowed: ['administrator'] },
  { method: 'POST', path: '/api/registration/dead-letters/redrive', allowed: ['administrator'] },
  { method: 'GET', path: '/api/inspection/dead-letters', allowed: ['administrator'] },
  { method: 'POST', path: '/api/inspection/dead-letters/x/redrive', allowed: ['administrator'] },
  { method: 'GET', path: '/api/fee-supervision/dead-letters', allowed: ['administrator'] },
  { method: 'GET', path: '/api/complaints/dead-letters', allowed: ['administrator'] },
  { method: 'POST', path: '/api/complaints/dead-letters/redrive', allowed: ['administrator'] },
  { method: 'GET', path: '/api/directory/dead-letters', allowed: ['administrator'] },
  { method: 'DELETE', path: '/api/directory/dead-letters/x', allowed: [] },
  {
    method: 'GET',
    path: '/api/auth/me',
    allowed: [
      'approver',
      'inspector',
      'task-force-officer',
      'fund-supervisor',
      'spot-check-planner',
      'institution-operator',
      'viewer',
      'administrator',
    ],
  },
];
