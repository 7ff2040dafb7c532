/**
 * What each role may do in the console, in one table: the menu, the buttons and the dashboard
 * panels all follow it through the authProvider's canAccess. The gateway and the services
 * enforce access again on every request; this table only keeps the UI from offering what a
 * role cannot do. Pure module: no react-admin import, so jest can load it.
 */
import type { Role } from '@otr/auth/browser';

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
  | 'giveOpinion'
  // application materials: documents filed by the applicant or the approver, the approver's site visit
  | 'attach'
  | 'recordSiteVisit'
  // licenses: the approver's decisions and the operator's filings and requests (licenses/license-file.ts)
  | 'suspend'
  | 'reinstate'
  | 'revoke'
  | 'renew'
  | 'fileCourse'
  | 'fileStaff'
  | 'removeStaff'
  | 'requestChange'
  | 'requestClosure'
  // an upload that replaces a register (the in-service teacher roster)
  | 'import'
  // complaints: the handlers' acts of the loop (complaints/complaint-file.ts decides which), the
  // audited view of the complainant's identity, and the institution's own answer
  | 'act'
  | 'revealContact'
  | 'institutionReply'
  // the response, resolution and satisfaction rates (complaints/ComplaintRates.tsx)
  | 'rates'
  // inspection: on-site work, decisions and the draw (inspection/inspection-file.ts)
  | 'schedule'
  | 'fillChecklist'
  | 'logViolation'
  | 'orderRectification'
  | 'closeInspection'
  | 'verify'
  | 'report'
  | 'decide'
  | 'remove'
  | 'publish'
  | 'grade'
  | 'completeTask'
  | 'close'
  // fee supervision: alerts, lessons, refunds, reconciliation and the closure playbook
  | 'acknowledge'
  | 'closeAlert'
  | 'recordLesson'
  | 'agreeRefund'
  | 'disputeRefund'
  | 'orderRefund'
  | 'payRefund'
  | 'reconcile'
  | 'startClosure'
  | 'runRefunds'
  // dead letters: handing the events a service refused to its consumer again (dead-letters/)
  | 'redrive';

/** Screens of the console, in menu order; a new service's screen is added here and in resources.ts. */
export const MENU = [
  'applications',
  'license-requests',
  'licenses',
  'complaints',
  'inspections',
  'rectifications',
  'penalties',
  'blacklist',
  'spot-checks',
  'annual-reports',
  'joint-cases',
  'fee-accounts',
  'fee-alerts',
  'fee-orders',
  'fee-lessons',
  'fee-refunds',
  'fee-reconciliations',
  'fee-closures',
  'institutions',
  'timeline',
  'users',
  'roster',
  'audit',
  'dead-letters',
] as const;
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
const licenseDecisions: Action[] = ['suspend', 'reinstate', 'revoke', 'renew'];
const licenseFilings: Action[] = [
  'fileCourse',
  'fileStaff',
  'removeStaff',
  'requestChange',
  'requestClosure',
];
/** Complaint handlers: the work queue, recording a call, the acts, the complainant's identity and the rates. */
const complaintHandling: Action[] = [...read, 'create', 'act', 'revealContact', 'rates'];
/** Inspection screens have no CSV export: every role that reads them reads all seven. */
const ENFORCEMENT = [
  'inspections',
  'rectifications',
  'penalties',
  'blacklist',
  'spot-checks',
  'annual-reports',
  'joint-cases',
] as const;
const enforcementRead: Grants = Object.fromEntries(ENFORCEMENT.map((r) => [r, ['list', 'show'] as Action[]]));
const panels = (...names: Panel[]): Grants =>
  Object.fromEntries(names.map((p) => [`dashboard.${p}`, ['view'] as Action[]]));

export const PERMISSIONS: Record<Role, Grants> = {
  // Licensing: the work queue and its decisions, the directory, each institution's history.
  approver: {
    ...enforcementRead,
    inspections: ['list', 'show', 'create', 'schedule'],
    penalties: ['list', 'show', 'decide', 'reject'],
    blacklist: ['list', 'show', 'create', 'remove'],
    'annual-reports': ['list', 'show', 'grade'],
    applications: [...read, 'approve', 'return', 'reject', 'requestOpinion', 'attach', 'recordSiteVisit'],
    'license-requests': [...read, 'approve', 'reject'],
    licenses: [...read, ...licenseDecisions],
    complaints: complaintHandling,
    institutions: read,
    timeline: read,
    ...panels('applications', 'rectifications', 'complaints', 'institutions'),
  },
  // Inspections and rectifications (screens come with the inspection service).
  inspector: {
    ...enforcementRead,
    inspections: [
      'list',
      'show',
      'create',
      'fillChecklist',
      'logViolation',
      'orderRectification',
      'closeInspection',
    ],
    rectifications: ['list', 'show', 'verify'],
    penalties: ['list', 'show', 'create'],
    'joint-cases': ['list', 'show', 'completeTask'],
    licenses: read,
    complaints: complaintHandling,
    institutions: read,
    timeline: read,
    ...panels('rectifications', 'complaints', 'institutions'),
  },
  // Joint review: opinions on applications routed to the officer's department; complaints.
  'task-force-officer': {
    ...enforcementRead,
    'joint-cases': ['list', 'show', 'create', 'completeTask', 'close'],
    applications: [...read, 'giveOpinion'],
    licenses: read,
    complaints: complaintHandling,
    institutions: read,
    timeline: read,
    ...panels('applications', 'complaints', 'institutions'),
  },
  'fund-supervisor': {
    'fee-accounts': read,
    'fee-alerts': [...read, 'acknowledge', 'closeAlert'],
    'fee-orders': read,
    'fee-lessons': read,
    'fee-refunds': [...read, 'orderRefund', 'payRefund'],
    'fee-reconciliations': [...read, 'reconcile'],
    'fee-closures': [...read, 'startClosure', 'runRefunds'],
    licenses: read,
    complaints: complaintHandling,
    institutions: read,
    timeline: read,
    ...panels('fundAlerts', 'complaints', 'institutions'),
  },
  'spot-check-planner': {
    ...enforcementRead,
    inspections: ['list', 'show', 'schedule'],
    'spot-checks': ['list', 'show', 'create', 'publish'],
    institutions: read,
    timeline: read,
    ...panels('rectifications', 'institutions'),
  },
  // The operator sees the institution's own applications, license, complaints and history only
  // (the services scope it), files courses, staff, changes and closure for that license, and
  // answers the complaints about the institution (never seeing who complained).
  'institution-operator': {
    // 'edit': correct and resubmit a returned application (PUT /applications/:id).
    applications: [...read, 'create', 'edit', 'attach'],
    rectifications: ['list', 'show', 'report'],
    'annual-reports': ['list', 'show', 'create'],
    'fee-orders': [...read, 'recordLesson'],
    'fee-lessons': read,
    'fee-refunds': [...read, 'agreeRefund', 'disputeRefund'],
    licenses: [...read, ...licenseFilings],
    complaints: [...read, 'institutionReply'],
    timeline: read,
    ...panels('applications'),
  },
  // Read-only oversight of everything a task-force leader looks at.
  viewer: {
    ...enforcementRead,
    applications: read,
    'license-requests': read,
    licenses: read,
    complaints: [...read, 'rates'],
    // Fee supervision read as the fund supervisor reads it (the creditor list is the closures' export).
    'fee-accounts': read,
    'fee-alerts': read,
    'fee-orders': read,
    'fee-lessons': read,
    'fee-refunds': read,
    'fee-reconciliations': read,
    'fee-closures': read,
    institutions: read,
    timeline: read,
    ...panels('applications', 'rectifications', 'complaints', 'fundAlerts', 'institutions'),
  },
  // Accounts, the audit log, the in-service teacher roster and the events services refused (dead
  // letters); nothing of the regulatory work itself.
  administrator: {
    users: [...read, 'create', 'edit'],
    roster: ['list', 'import'],
    audit: read,
    'dead-letters': ['list', 'redrive'],
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
