import { z } from 'zod';
import { WorkingDayCalendar } from '@otr/kernel';
import { InspectionRuleViolated, InvalidState, NotAllowed } from './errors';
import { Evidence, checkEvidence } from './violation';
import { Official, Subject } from './official';

/** Why rectification (整改) was ordered: an annual grade, or violations found on site. */
export const RectificationBasis = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('annual-report'), reportId: z.uuid(), grade: z.string() }),
  z.object({ kind: z.literal('violations'), violationIds: z.array(z.uuid()) }),
]);
export type RectificationBasis = z.infer<typeof RectificationBasis>;

export const RectificationStatus = z.enum(['ordered', 'reported', 'verified', 'overdue']);
export type RectificationStatus = z.infer<typeof RectificationStatus>;

/** A rectification order (责令整改) with the institution's reports and the inspector's verification. */
export const RectificationState = z.object({
  id: z.uuid(),
  subject: Subject,
  basis: RectificationBasis,
  requirements: z.string(),
  orderedBy: z.string(),
  orderedOn: z.iso.date(),
  workingDays: z.number().int().describe('The deadline in working days on the Chinese calendar (工作日).'),
  dueBy: z.iso.date(),
  status: RectificationStatus,
  reports: z.array(
    z.object({ on: z.iso.date(), by: z.string(), description: z.string(), evidence: z.array(Evidence) }),
  ),
  verification: z
    .object({ by: z.string(), on: z.iso.date(), passed: z.boolean(), note: z.string() })
    .optional(),
  version: z.number().int(),
});
export type RectificationState = z.infer<typeof RectificationState>;

export type RectificationEvent =
  | { type: 'RectificationOrdered'; dueBy: string; workingDays: number }
  | { type: 'RectificationReported'; on: string; by: string; description: string; evidence: Evidence[] }
  | { type: 'RectificationVerified'; by: string; on: string; passed: boolean; note: string }
  | { type: 'RectificationOverdue'; dueBy: string; on: string; blacklistEntryId: string };

/** decide: the deadline counts working days on the Chinese calendar from the day of the order. */
export function orderRectification(
  workingDays: number,
  today: string,
  calendar: WorkingDayCalendar,
): RectificationEvent[] {
  return [{ type: 'RectificationOrdered', workingDays, dueBy: calendar.addWorkingDays(today, workingDays) }];
}

/** decide: the institution reports rectification done, with evidence, by the deadline. */
export function reportRectification(
  s: RectificationState,
  input: { description: string; evidence: Evidence[]; by: string; institutionId?: string },
  now: Date,
  today: string,
): RectificationEvent[] {
  if (input.institutionId !== s.subject.institutionId)
    throw new NotAllowed('only the institution under the order reports on it', { field: 'institutionId' });
  if (s.status !== 'ordered') throw new InvalidState('report rectification', s.status);
  if (today > s.dueBy)
    throw new InvalidState('report rectification', `past the deadline ${s.dueBy}`, {
      field: 'dueBy',
      rule: 'rectification is reported by its deadline',
    });
  if (input.evidence.length === 0)
    throw new InspectionRuleViolated('a rectification report needs evidence', {
      field: 'evidence',
      rule: 'at least one photo or file',
    });
  checkEvidence(input.evidence, now);
  return [
    {
      type: 'RectificationReported',
      on: today,
      by: input.by,
      description: input.description,
      evidence: input.evidence,
    },
  ];
}

/**
 * decide: an inspector checks the reported rectification. Passed closes it; failed sends it back
 * to the institution, and past the deadline it is overdue at once.
 */
export function verifyRectification(
  s: RectificationState,
  input: { passed: boolean; note: string },
  by: Official,
  today: string,
  blacklistEntryId: string,
): RectificationEvent[] {
  if (s.status !== 'reported') throw new InvalidState('verify rectification', s.status);
  const verified: RectificationEvent = { type: 'RectificationVerified', by: by.userId, on: today, ...input };
  if (!input.passed && today > s.dueBy)
    return [verified, { type: 'RectificationOverdue', dueBy: s.dueBy, on: today, blacklistEntryId }];
  return [verified];
}

/** decide: an order still not reported after its deadline is overdue (black list and training ban follow). */
export function checkOverdue(
  s: RectificationState,
  today: string,
  blacklistEntryId: string,
): RectificationEvent[] {
  return s.status === 'ordered' && today > s.dueBy
    ? [{ type: 'RectificationOverdue', dueBy: s.dueBy, on: today, blacklistEntryId }]
    : [];
}

export function evolveRectification(s: RectificationState, e: RectificationEvent): RectificationState {
  switch (e.type) {
    case 'RectificationOrdered':
      return { ...s, status: 'ordered', dueBy: e.dueBy, workingDays: e.workingDays };
    case 'RectificationReported':
      return {
        ...s,
        status: 'reported',
        reports: [...s.reports, { on: e.on, by: e.by, description: e.description, evidence: e.evidence }],
      };
    case 'RectificationVerified':
      return {
        ...s,
        status: e.passed ? 'verified' : 'ordered',
        verification: { by: e.by, on: e.on, passed: e.passed, note: e.note },
      };
    case 'RectificationOverdue':
      return { ...s, status: 'overdue' };
  }
}
