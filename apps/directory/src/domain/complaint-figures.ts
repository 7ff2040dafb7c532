import { z } from 'zod';

/** A complaint against an institution as the directory counts it: no text, no complainant. */
export interface ComplaintOnRecord {
  /** The highest handling round closed (办结): 0, 1 or 2. */
  closedRound: number;
  /** The complainant was not satisfied with the first round and it was handled again. */
  reopened: boolean;
  /** The highest round the complainant rated "not satisfied": 0, 1 or 2. */
  unsatisfiedRound: number;
}

export const ComplaintFigures = z.object({
  total: z.number().int().nonnegative(),
  closed: z.number().int().nonnegative().describe('Closed (办结) at least once.'),
  resolved: z
    .number()
    .int()
    .nonnegative()
    .describe('Closed now, and the last handling not rated "not satisfied" (解决).'),
  resolutionRate: z
    .number()
    .int()
    .min(0)
    .max(100)
    .nullable()
    .describe('resolved ÷ closed in whole per cent (解决率); null before any closed.'),
});
export type ComplaintFigures = z.infer<typeof ComplaintFigures>;

/** Closed now: a reopened complaint is open again until its second round closes. */
const closedNow = (c: ComplaintOnRecord) => c.closedRound >= 2 || (c.closedRound === 1 && !c.reopened);
const isResolved = (c: ComplaintOnRecord) => closedNow(c) && c.unsatisfiedRound < c.closedRound;

/** The public page's complaint figures (查询评价投诉一键融通), with docs/complaints.md's resolution rate. */
export function complaintFigures(complaints: ComplaintOnRecord[]): ComplaintFigures {
  const closed = complaints.filter((c) => c.closedRound >= 1).length;
  const resolved = complaints.filter(isResolved).length;
  return {
    total: complaints.length,
    closed,
    resolved,
    resolutionRate: closed ? Math.round((100 * resolved) / closed) : null,
  };
}
