import type { Department, Role } from '@otr/auth';

export type { Department, Role };

/** 12345 work-order types: each has its own answer deadline (咨询 / 求助 / 投诉). */
export const COMPLAINT_KINDS = ['consultation', 'help', 'complaint'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** What the complaint is about; the category decides the route (DOMAIN.md, Complaints). */
export const CATEGORIES = [
  'fees-refunds', // 收费退费
  'safety', // 安全隐患
  'teaching-content-times', // 超前超纲、培训时间
  'staff', // 从业人员（含在职教师有偿补课）
  'advertising', // 违规广告
  'unlicensed', // 无证无照
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Where it came in: the public portal, an official's console, or the 12345 hotline. */
export const CHANNELS = ['portal', 'console', 'hotline-12345'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * A department, or the officials of one role inside it: fund supervision (资金监管) is the
 * education bureau's fund supervisors, not every education official.
 */
export interface HandlingUnit {
  department: Department;
  role?: Role;
}

/**
 * Who acts. Officials carry department, roles and jurisdiction; a supervisor (督办) is an official
 * of the supervising level, who reviews replies and decides extensions.
 */
export type Actor =
  | {
      kind: 'official';
      userId: string;
      department?: Department;
      roles: Role[];
      jurisdiction: string;
      supervisor?: boolean;
    }
  | { kind: 'complainant' }
  | { kind: 'institution'; institutionId: string }
  | { kind: 'public' }
  | { kind: 'system' };

export const sameUnit = (a: HandlingUnit, b: HandlingUnit): boolean =>
  a.department === b.department && (a.role ?? '') === (b.role ?? '');

export const describeUnit = (u: HandlingUnit): string =>
  u.role ? `${u.department}/${u.role}` : u.department;

/**
 * The complainant as the aggregate holds them: never the clear name or phone. Infrastructure
 * encrypts the identity and hands the domain an opaque reference; `hash` is its keyed hash of the
 * phone number, so repeats can be recognised without reading anyone's number.
 */
export type Complainant =
  | { anonymous: true }
  | { anonymous: false; identityRef: string; hash: string; maskedName: string; maskedPhone: string };
