import { z } from 'zod';
import { InspectionRuleViolated, InvalidState, NotAllowed } from './errors';
import { Official, Subject } from './official';

/** Why an inspection happens: the annual cycle, a random draw, or a lead from another context. */
export const InspectionTrigger = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('spot-check'), spotCheckId: z.string() }),
  z.object({ kind: z.literal('repeat-complaints'), complaintIds: z.array(z.string()), detail: z.string() }),
  /** A single tip (举报) about an unlicensed operator is enough for a visit: there is no license to check. */
  z.object({ kind: z.literal('unlicensed-tip'), complaintId: z.string(), detail: z.string() }),
  z.object({ kind: z.literal('risk-alert'), alertId: z.string(), detail: z.string() }),
  z.object({ kind: z.literal('training-time'), lessonId: z.string(), detail: z.string() }),
  z.object({ kind: z.literal('in-service-teacher'), detail: z.string() }),
  z.object({ kind: z.literal('joint-case'), caseId: z.string() }),
  z.object({ kind: z.literal('routine'), detail: z.string() }),
]);
export type InspectionTrigger = z.infer<typeof InspectionTrigger>;

export const ChecklistItem = z.object({
  item: z.string().trim().min(1).max(200),
  ok: z.boolean(),
  note: z.string().max(1000).optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const InspectionResult = z.enum(['compliant', 'violations-found']);
export type InspectionResult = z.infer<typeof InspectionResult>;

const AssignedInspector = z.object({ userId: z.string(), department: z.string() });

/** An inspection (检查) as the service keeps and answers it. */
export const InspectionState = z.object({
  id: z.uuid(),
  subject: Subject,
  trigger: InspectionTrigger,
  status: z
    .enum(['to-schedule', 'scheduled', 'closed'])
    .describe("A lead waits 'to-schedule' until inspectors are assigned."),
  inspectors: z.array(AssignedInspector),
  scheduledFor: z.iso.date().optional(),
  checklist: z.array(ChecklistItem),
  violationIds: z.array(z.uuid()),
  result: InspectionResult.optional(),
  findings: z.string().optional(),
  closedOn: z.iso.date().optional(),
  version: z.number().int().describe('Optimistic-concurrency version: 1 after the first change.'),
});
export type InspectionState = z.infer<typeof InspectionState>;

export type InspectionEvent =
  | { type: 'LeadOpened' }
  | {
      type: 'InspectionScheduled';
      inspectors: { userId: string; department: string }[];
      scheduledFor: string;
    }
  | { type: 'ChecklistRecorded'; checklist: ChecklistItem[] }
  | { type: 'ViolationLinked'; violationId: string }
  | { type: 'InspectionClosed'; result: InspectionResult; findings: string; on: string };

const TWO_OFFICERS = '《中华人民共和国行政处罚法》（2021年修订）第四十二条：执法人员不得少于两人';

/** decide: at least the minimum number of distinct inspectors, on a day not in the past. */
export function scheduleInspection(
  s: InspectionState,
  inspectors: { userId: string; department: string }[],
  scheduledFor: string,
  minInspectors: number,
  today: string,
): InspectionEvent[] {
  if (s.status !== 'to-schedule') throw new InvalidState('schedule an inspection', s.status);
  if (new Set(inspectors.map((i) => i.userId)).size < minInspectors)
    throw new InspectionRuleViolated(`at least ${minInspectors} inspectors`, {
      field: 'inspectors',
      rule: `at least ${minInspectors} different inspectors`,
      source: TWO_OFFICERS,
    });
  if (scheduledFor < today)
    throw new InspectionRuleViolated('an inspection is scheduled for today or later', {
      field: 'scheduledFor',
      rule: 'not in the past',
    });
  return [{ type: 'InspectionScheduled', inspectors, scheduledFor }];
}

/** Only inspectors assigned to the inspection work on it. */
export function assertAssigned(s: InspectionState, by: Official): void {
  if (!s.inspectors.some((i) => i.userId === by.userId))
    throw new NotAllowed('you are not assigned to this inspection', { field: 'inspectors' });
}

export function recordChecklist(
  s: InspectionState,
  checklist: ChecklistItem[],
  by: Official,
): InspectionEvent[] {
  if (s.status !== 'scheduled') throw new InvalidState('fill the checklist', s.status);
  assertAssigned(s, by);
  return [{ type: 'ChecklistRecorded', checklist }];
}

export function linkViolation(s: InspectionState, violationId: string, by: Official): InspectionEvent[] {
  if (s.status !== 'scheduled') throw new InvalidState('log a violation on an inspection', s.status);
  assertAssigned(s, by);
  return [{ type: 'ViolationLinked', violationId }];
}

/** decide: closing needs a filled checklist; the result follows from the violations logged. */
export function closeInspection(
  s: InspectionState,
  findings: string,
  by: Official,
  today: string,
): InspectionEvent[] {
  if (s.status !== 'scheduled') throw new InvalidState('close an inspection', s.status);
  assertAssigned(s, by);
  if (s.checklist.length === 0)
    throw new InspectionRuleViolated('fill the checklist before closing', {
      field: 'checklist',
      rule: 'not empty',
    });
  const result: InspectionResult = s.violationIds.length > 0 ? 'violations-found' : 'compliant';
  return [{ type: 'InspectionClosed', result, findings, on: today }];
}

export function evolveInspection(s: InspectionState, e: InspectionEvent): InspectionState {
  switch (e.type) {
    case 'LeadOpened':
      return { ...s, status: 'to-schedule' };
    case 'InspectionScheduled':
      return { ...s, status: 'scheduled', inspectors: e.inspectors, scheduledFor: e.scheduledFor };
    case 'ChecklistRecorded':
      return { ...s, checklist: e.checklist };
    case 'ViolationLinked':
      return { ...s, violationIds: [...s.violationIds, e.violationId] };
    case 'InspectionClosed':
      return { ...s, status: 'closed', result: e.result, findings: e.findings, closedOn: e.on };
  }
}
