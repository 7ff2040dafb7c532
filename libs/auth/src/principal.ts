import { z } from 'zod';

/** Roles of DOMAIN.md "Who uses it"; task-force officers are per department. */
export const Role = z.enum([
  'approver',
  'inspector',
  'task-force-officer',
  'fund-supervisor',
  'spot-check-planner',
  'institution-operator',
  'viewer',
  'administrator',
]);
export type Role = z.infer<typeof Role>;

/** The special task force's member departments (双减 专项工作机制). */
export const Department = z.enum([
  'education',
  'market-regulation',
  'public-security',
  'fire',
  'civil-affairs',
  'hrss',
  'health',
  'science',
  'culture-tourism',
  'sports',
]);
export type Department = z.infer<typeof Department>;

/** Who is calling, as the gateway vouches for it. */
export const Principal = z.object({
  userId: z.string().min(1),
  name: z.string(),
  roles: z.array(Role).min(1),
  department: Department.optional(),
  /** Jurisdiction code (CN-ZJ-HZ-XH …); an official sees this jurisdiction and everything within it. */
  jurisdiction: z.string(),
  /** Set for institution operators: the one institution they may see. */
  institutionId: z.string().optional(),
});
export type Principal = z.infer<typeof Principal>;

/** Every role of an official (everyone but the institution operator). */
export const OFFICIAL_ROLES: Role[] = Role.options.filter((r) => r !== 'institution-operator');

export const hasRole = (p: Principal, ...roles: Role[]) => roles.some((r) => p.roles.includes(r));

/** True when the principal's jurisdiction contains the given one (CN-ZJ-HZ contains CN-ZJ-HZ-XH). */
export const coversJurisdiction = (p: Principal, jurisdiction: string) =>
  jurisdiction === p.jurisdiction || jurisdiction.startsWith(`${p.jurisdiction}-`);
