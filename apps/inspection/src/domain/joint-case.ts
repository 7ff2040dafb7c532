import { z } from 'zod';
import { InspectionRuleViolated, InvalidState, NotAllowed } from './errors';
import { Official, Subject } from './official';

/** One department's part of a joint case (联合执法), on its own legal basis and deadline. */
export const CaseTask = z.object({
  id: z.uuid(),
  department: z.string(),
  legalBasis: z.string(),
  dueBy: z.iso.date(),
  status: z.enum(['open', 'done']),
  findings: z.string().optional(),
  completedBy: z.string().optional(),
  completedOn: z.iso.date().optional(),
});
export type CaseTask = z.infer<typeof CaseTask>;

/** A joint case (联合执法) with every department's task. */
export const JointCaseState = z.object({
  id: z.uuid(),
  subject: Subject,
  summary: z.string(),
  openedBy: z.string(),
  openedOn: z.iso.date(),
  tasks: z.array(CaseTask),
  status: z.enum(['open', 'closed']),
  closure: z.object({ by: z.string(), on: z.iso.date(), conclusion: z.string() }).optional(),
  version: z.number().int(),
});
export type JointCaseState = z.infer<typeof JointCaseState>;

export type JointCaseEvent =
  | { type: 'JointCaseOpened' }
  | { type: 'JointCaseTaskCompleted'; taskId: string; by: string; on: string; findings: string }
  | { type: 'JointCaseClosed'; by: string; on: string; conclusion: string };

/** decide: a case has a task per department involved, each with its legal basis and a deadline ahead. */
export function openJointCase(tasks: Omit<CaseTask, 'status'>[], today: string): JointCaseEvent[] {
  if (tasks.length === 0)
    throw new InspectionRuleViolated('a joint case needs tasks', {
      field: 'tasks',
      rule: 'at least one department',
    });
  const departments = tasks.map((t) => t.department);
  if (new Set(departments).size !== departments.length)
    throw new InspectionRuleViolated('one task per department', {
      field: 'tasks',
      rule: 'each department once',
    });
  tasks.forEach((t, i) => {
    if (t.dueBy < today)
      throw new InspectionRuleViolated('a task deadline cannot be in the past', {
        field: `tasks.${i}.dueBy`,
        rule: 'today or later',
      });
  });
  return [{ type: 'JointCaseOpened' }];
}

/** decide: only an official of the task's department completes it, with findings. */
export function completeCaseTask(
  s: JointCaseState,
  taskId: string,
  findings: string,
  by: Official,
  today: string,
): JointCaseEvent[] {
  if (s.status !== 'open') throw new InvalidState('complete a task', `the case is ${s.status}`);
  const task = s.tasks.find((t) => t.id === taskId);
  if (!task) throw new InspectionRuleViolated(`no task ${taskId} in this case`, { field: 'taskId' });
  if (task.department !== by.department)
    throw new NotAllowed(`only the ${task.department} department completes this task`, {
      field: 'department',
    });
  if (task.status === 'done') throw new InvalidState('complete a task', 'already done');
  return [{ type: 'JointCaseTaskCompleted', taskId, by: by.userId, on: today, findings }];
}

/** decide: a case closes once every department has completed its task. */
export function closeJointCase(
  s: JointCaseState,
  conclusion: string,
  by: Official,
  today: string,
): JointCaseEvent[] {
  if (s.status !== 'open') throw new InvalidState('close a case', s.status);
  const open = s.tasks.filter((t) => t.status !== 'done').map((t) => t.department);
  if (open.length > 0) throw new InvalidState('close a case', `tasks still open for ${open.join(', ')}`);
  return [{ type: 'JointCaseClosed', by: by.userId, on: today, conclusion }];
}

export function evolveJointCase(s: JointCaseState, e: JointCaseEvent): JointCaseState {
  switch (e.type) {
    case 'JointCaseOpened':
      return { ...s, status: 'open' };
    case 'JointCaseTaskCompleted':
      return {
        ...s,
        tasks: s.tasks.map((t) =>
          t.id === e.taskId
            ? { ...t, status: 'done', findings: e.findings, completedBy: e.by, completedOn: e.on }
            : t,
        ),
      };
    case 'JointCaseClosed':
      return { ...s, status: 'closed', closure: { by: e.by, on: e.on, conclusion: e.conclusion } };
  }
}
