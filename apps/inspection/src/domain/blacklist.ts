import { InspectionRuleViolated, InvalidState } from './errors';
import { Official, Subject } from './official';

/** How the entry came about: a penalty decision, an overdue rectification, or the approver's own decision. */
export type BlacklistSource =
  | { kind: 'penalty'; penaltyId: string }
  | { kind: 'rectification-overdue'; rectificationId: string }
  | { kind: 'decision' };

export interface BlacklistEntryState {
  id: string;
  subject: Subject;
  creditCode?: string;
  legalRepresentative?: string;
  reason: string;
  source: BlacklistSource;
  decisionNumber: string;
  listedOn: string;
  /** The earliest day credit repair (信用修复) may take the entry off. */
  removableOn: string;
  /** Listed institutions may not train until removed (培训禁令). */
  trainingBan: boolean;
  status: 'listed' | 'removed';
  removal?: { on: string; by: string; reason: string };
  version: number;
}

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
