import { OFFICIAL_ROLES, Principal, Role } from '@otr/auth';

export type ServiceName = 'registration' | 'directory' | 'inspection' | 'fee-supervision' | 'complaints';
/** A route the gateway answers itself, with its own controller, after this policy allows it. */
export const GATEWAY_LOCAL = 'gateway';

const OFFICIALS = OFFICIAL_ROLES;

/** Who may call a path prefix with a method; 'public' needs no sign-in. Deny by default. */
export interface RouteRule {
  prefix: string;
  service: ServiceName | typeof GATEWAY_LOCAL;
  /** Path on the service that replaces the prefix. */
  target: string;
  methods: string[];
  allow: Role[] | 'public';
}

const READ = ['GET', 'HEAD'];
const WRITE = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The services with event consumers, each with the dead letters they refused (docs/operations.md). */
const CONSUMING: ServiceName[] = ['registration', 'inspection', 'fee-supervision', 'complaints', 'directory'];

/**
 * The gateway's route table: among the rules with the longest matching prefix, the first whose
 * method matches decides. Services check jurisdiction and record ownership themselves from the signed principal.
 */
export const ROUTES: RouteRule[] = [
  // Events a service refused, listed and redriven: an operator's tool, for administrators only —
  // more specific than each service's own prefix, so its officials' rules never reach it.
  ...CONSUMING.map((service): RouteRule => ({
    prefix: `/api/${service}/dead-letters`,
    service,
    target: '/dead-letters',
    methods: [...READ, 'POST'],
    allow: ['administrator'],
  })),
  { prefix: '/api/public', service: 'directory', target: '/public', methods: READ, allow: 'public' },
  // Families and the public: filing a complaint and following it with its access code; families'
  // own orders and lessons behind a one-time code the fee service checks itself.
  {
    prefix: '/api/complaints/public',
    service: 'complaints',
    target: '/public',
    methods: [...READ, 'POST'],
    allow: 'public',
  },
  // The 12345 hotline system (Open311 GeoReport v2): no session; the complaints service checks its api_key.
  {
    prefix: '/api/open311/v2',
    service: 'complaints',
    target: '/open311/v2',
    methods: [...READ, 'POST'],
    allow: 'public',
  },
  {
    prefix: '/api/fee-supervision/public',
    service: 'fee-supervision',
    target: '/public',
    methods: [...READ, 'POST'],
    allow: 'public',
  },
  // The integration events' AsyncAPI document, for anyone writing a consumer (beside /api/docs).
  { prefix: '/api/asyncapi', service: GATEWAY_LOCAL, target: '', methods: READ, allow: 'public' },
  // The console's notification bell: the work waiting for the official, summed by the gateway.
  {
    prefix: '/api/me/notifications',
    service: GATEWAY_LOCAL,
    target: '',
    methods: READ,
    allow: [...OFFICIALS],
  },
  {
    prefix: '/api/directory/stats',
    service: 'directory',
    target: '/stats',
    methods: READ,
    allow: [...OFFICIALS],
  },
  {
    prefix: '/api/directory/timeline',
    service: 'directory',
    target: '/timeline',
    methods: READ,
    allow: [...OFFICIALS, 'institution-operator'],
  },
  {
    prefix: '/api/registration',
    service: 'registration',
    target: '',
    methods: READ,
    allow: [...OFFICIALS, 'institution-operator'],
  },
  {
    prefix: '/api/registration',
    service: 'registration',
    target: '',
    methods: WRITE,
    allow: ['approver', 'institution-operator', 'task-force-officer', 'administrator'],
  },
  // The dashboard's rectification panel: the roles whose console dashboard shows it (panelsFor).
  {
    prefix: '/api/inspection/stats',
    service: 'inspection',
    target: '/stats',
    methods: READ,
    allow: ['approver', 'inspector', 'spot-check-planner', 'viewer'],
  },
  {
    prefix: '/api/inspection',
    service: 'inspection',
    target: '',
    methods: READ,
    allow: [...OFFICIALS, 'institution-operator'],
  },
  {
    prefix: '/api/inspection',
    service: 'inspection',
    target: '',
    methods: WRITE,
    allow: ['inspector', 'approver', 'spot-check-planner', 'task-force-officer', 'institution-operator'],
  },
  // The dashboard's fund-alert panel: the roles whose console dashboard shows it (panelsFor).
  {
    prefix: '/api/fee-supervision/stats',
    service: 'fee-supervision',
    target: '/stats',
    methods: READ,
    allow: ['fund-supervisor', 'viewer'],
  },
  {
    prefix: '/api/fee-supervision',
    service: 'fee-supervision',
    target: '',
    methods: READ,
    allow: ['fund-supervisor', 'approver', 'inspector', 'viewer', 'administrator', 'institution-operator'],
  },
  {
    prefix: '/api/fee-supervision',
    service: 'fee-supervision',
    target: '',
    methods: WRITE,
    allow: ['fund-supervisor', 'institution-operator'],
  },
  {
    prefix: '/api/complaints',
    service: 'complaints',
    target: '',
    methods: READ,
    allow: [...OFFICIALS, 'institution-operator'],
  },
  {
    prefix: '/api/complaints',
    service: 'complaints',
    target: '',
    methods: WRITE,
    allow: ['task-force-officer', 'inspector', 'approver', 'fund-supervisor', 'institution-operator'],
  },
];

const matches = (path: string, prefix: string) =>
  path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`);

export type Decision =
  | { kind: 'allow'; route: RouteRule; servicePath: string }
  | { kind: 'sign-in-required' }
  | { kind: 'forbidden'; reason: string }
  | { kind: 'no-route' };

/** Decides whether a request may pass the gateway, and where it goes. */
export function authorize(method: string, path: string, principal: Principal | null): Decision {
  const matching = ROUTES.filter((r) => matches(path, r.prefix));
  if (matching.length === 0) return { kind: 'no-route' };
  // The most specific prefix decides, so a public subtree never falls back to its parent's rules.
  const longest = Math.max(...matching.map((r) => r.prefix.length));
  const forPath = matching.filter((r) => r.prefix.length === longest);
  const route = forPath.find((r) => r.methods.includes(method.toUpperCase()));
  if (!route) return { kind: 'forbidden', reason: `${method} not allowed on ${path}` };
  const servicePath = route.target + path.slice(route.prefix.length);
  if (route.allow === 'public') return { kind: 'allow', route, servicePath };
  if (!principal) return { kind: 'sign-in-required' };
  if (!route.allow.some((r) => principal.roles.includes(r))) {
    return { kind: 'forbidden', reason: `requires one of: ${route.allow.join(', ')}` };
  }
  return { kind: 'allow', route, servicePath };
}
