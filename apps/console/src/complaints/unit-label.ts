import type { Unit } from './complaint-file';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** 教育局, or 教育局 · 资金监管员 for a unit that is one role inside a department. */
export const unitLabel = (t: Translate, u: Unit): string =>
  [
    t(`otr.departments.${u.department}`, { _: u.department }),
    u.role && t(`otr.roles.${u.role}`, { _: u.role }),
  ]
    .filter(Boolean)
    .join(' · ');
