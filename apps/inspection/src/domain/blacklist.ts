import { z } from 'zod';
import { InspectionRuleViolated, InvalidState } from './errors';
import { Official, Subject } from './official';

/** How the entry came about: a penalty decision, an overdue rectification, or the approver's own decision. */
export const BlacklistSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('penalty'), penaltyId: z.uuid() }),
  z.object({ kind: z.literal('rectification-overdue'), rectificationId: z.uuid() }),
  z.object({ kind: z.literal('decision') }),
]);
export type BlacklistSource = z.infer<typeof BlacklistSource>;

/** A black-list entry (黑名单) with its reason, decision and removal date. */
export const BlacklistEntryState = z.object({
  id: z.uuid(),
  subject: Subject,
  creditCode: z.string().optional().describe('统一社会信用代码'),
  legalRepresentative: z.string().optional(),
  reason: z.string(),
  source: BlacklistSource,
  decisionNumber: z.string(),
  listedOn: z.iso.date(),
  removableOn: z.iso.date().describe('The earliest day credit repair (信用修复) may take the entry off.'),
  trainingBan: z.boolean().describe('Listed institutions may not train until removed (培训禁令).'),
  status: z.enum(['listed', 'removed']),
  removal: z.object({ on: z.iso.date(), by: z.string(), reason: z.string() }).optional(),
  version: z.number().int(),
});
export type BlacklistEntryState = z.infer<typeof BlacklistEntryState>;

export type BlacklistEvent =
  { type: 'BlacklistEntryAdded' } | { type: 'BlacklistEntryRemoved'; on: string; by: string; reason: string };

/** The day `months` calendar months after `date`, clamped to the month's last day (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** decide: an entry is published with its reason, decision and removal date. */
export function listOnBlacklist(
  e: Pick<BlacklistEntryState, 'listedOn' | 'removableOn' | 'reason'>,
  source: string,
): BlacklistEvent[] {
  if (e.removableOn <= e.listedOn)
    throw new InspectionRuleViolated('the removal date must come after listing', {
      field: 'removableOn',
      rule: 'after the listing day',
      source,
    });
  return [{ type: 'BlacklistEntryAdded' }];
}

/** decide: credit repair takes an entry off, not before its removal date. */
export function removeFromBlacklist(
  s: BlacklistEntryState,
  by: Official,
  reason: string,
  today: string,
): BlacklistEvent[] {
  if (s.status !== 'listed') throw new InvalidState('remove a black-list entry', s.status);
  if (today < s.removableOn)
    throw new InspectionRuleViolated(`the entry can be removed from ${s.removableOn}`, {
      field: 'removableOn',
      rule: 'credit repair after the removal date',
    });
  return [{ type: 'BlacklistEntryRemoved', on: today, by: by.userId, reason }];
}

export function evolveBlacklistEntry(s: BlacklistEntryState, e: BlacklistEvent): BlacklistEntryState {
  switch (e.type) {
    case 'BlacklistEntryAdded':
      return { ...s, status: 'listed' };
    case 'BlacklistEntryRemoved':
      return { ...s, status: 'removed', removal: { on: e.on, by: e.by, reason: e.reason } };
  }
}
