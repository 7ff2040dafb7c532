import dayjs from 'dayjs';
import { z } from 'zod';

/**
 * How long an administrative penalty stays public (行政处罚信息公示期), from the rulebook: at least
 * `minimumMonths` before the institution may ask, after credit repair, to end it early, and at most
 * `maximumMonths`, after which it stops being shown by itself.
 */
export interface PenaltyPublicationRule {
  minimumMonths: number;
  maximumMonths: number;
  source: string;
}

/** One penalty's publication, counted from its decision date. */
export const PenaltyPublication = z.object({
  until: z.iso.date().describe('The last day it is shown (公示期至).'),
  earlyEndFrom: z.iso.date().describe('The first day the institution may ask to end it early (信用修复).'),
  source: z.string().describe('The rule the period rests on.'),
});
export type PenaltyPublication = z.infer<typeof PenaltyPublication>;

/**
 * The last day of a period of months counted from `date`: the day itself is not counted, and the
 * period ends on the corresponding day of the last month, or on its last day when it has none
 * (《民法典》第二百零一条、第二百零三条).
 */
const periodEnd = (date: string, months: number) => dayjs(date).add(months, 'month');

export function publicationOf(decidedOn: string, rule: PenaltyPublicationRule): PenaltyPublication {
  return {
    until: periodEnd(decidedOn, rule.maximumMonths).format('YYYY-MM-DD'),
    // Only once the minimum period has run out (最短公示期届满后).
    earlyEndFrom: periodEnd(decidedOn, rule.minimumMonths).add(1, 'day').format('YYYY-MM-DD'),
    source: rule.source,
  };
}

/** Still shown on `today` (a Beijing 'YYYY-MM-DD' date). */
export const isPublished = (publication: PenaltyPublication, today: string): boolean =>
  today <= publication.until;
