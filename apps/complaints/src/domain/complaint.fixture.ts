import { loadChinaCalendar } from '@otr/kernel';
import { defaultRulebook } from '@otr/rules';
import { RandomBytes } from './access-code';
import { ComplaintEvent, ComplaintState, fileComplaint, FileComplaint, replay, Subject } from './complaint';
import { resolveComplaintRules } from './complaint-rules';
import { identifiedComplainant } from './privacy';
import { WorkingDayClock } from './sla-clock';
import { Actor, Department, Role } from './vocabulary';

/** Shared givens of the domain specs: the bundled rulebook and calendar, and 西湖区 officials. */
export const XH = 'CN-ZJ-HZ-XH';
export const BJ = 'CN-ZJ-HZ-BJ';
export const rules = resolveComplaintRules(defaultRulebook(), XH, '2026-09-01');
export const clock = new WorkingDayClock(loadChinaCalendar(), rules);

/** Deterministic bytes, so codes and hashes are reproducible in specs. */
export function counterRandom(): RandomBytes {
  let i = 0;
  return (n) => Uint8Array.from({ length: n }, () => i++ % 256);
}

/** A Beijing wall-clock time. */
export const bj = (local: string) => new Date(`${local}+08:00`);

export const official = (
  department: Department,
  over: { roles?: Role[]; jurisdiction?: string; supervisor?: boolean; userId?: string } = {},
): Actor => ({
  kind: 'official',
  userId: over.userId ?? `u-${department}`,
  department,
  roles: over.roles ?? ['task-force-officer'],
  jurisdiction: over.jurisdiction ?? XH,
  ...(over.supervisor ? { supervisor: true } : {}),
});

export const education = official('education', { roles: ['approver'] });
export const market = official('market-regulation');
export const fire = official('fire');
export const police = official('public-security');
export const fundSupervisor = official('education', { roles: ['fund-supervisor'], jurisdiction: 'CN-ZJ-HZ' });
export const citySupervisor = official('education', {
  roles: ['approver'],
  jurisdiction: 'CN-ZJ-HZ',
  supervisor: true,
  userId: 'u-city',
});
export const system: Actor = { kind: 'system' };

export const licensed: Extract<Subject, { kind: 'licensed' }> = {
  kind: 'licensed',
  institutionId: 'inst-1',
  licenseId: 'lic-1',
  name: '杭州西湖区启明学科培训学校',
  district: XH,
};

export const parent = identifiedComplainant(
  { name: '王小明', phone: '13812341234' },
  'identity-1',
  'phone-hash-1',
);

export function file(over: Partial<FileComplaint> = {}) {
  const result = fileComplaint(
    {
      id: 'c-1',
      kind: 'complaint',
      category: 'teaching-content-times',
      channel: 'portal',
      subject: licensed,
      complainant: parent,
      description: '周末仍在上数学超前课',
      at: bj('2026-09-29T10:00:00'),
      by: { kind: 'public' },
      ...over,
    },
    { random: counterRandom(), clock },
  );
  return { ...result, state: replay(result.events) };
}

/** Applies a decision's events to a state: the `then` of given/when/then. */
export const after = (state: ComplaintState, events: ComplaintEvent[]) => replay(events, state);
