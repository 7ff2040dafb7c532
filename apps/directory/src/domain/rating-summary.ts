import { z } from 'zod';

/** Families' ratings of an institution as the public sees them (查询评价投诉一键融通). */
export const RatingSummary = z.object({
  average: z
    .number()
    .min(1)
    .max(5)
    .nullable()
    .describe('Mean stars to one decimal; null before the first rating.'),
  count: z.number().int().nonnegative(),
});
export type RatingSummary = z.infer<typeof RatingSummary>;

/** The average of `count` ratings totalling `stars` stars, to one decimal (halves round up). */
export function summariseRatings(stars: number, count: number): RatingSummary {
  return { average: count ? Math.round((stars * 10) / count) / 10 : null, count };
}
