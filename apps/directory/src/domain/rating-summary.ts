/** Families' ratings of an institution as the public sees them (查询评价投诉一键融通). */
export interface RatingSummary {
  /** Mean stars to one decimal; null before the first rating. */
  average: number | null;
  count: number;
}

/** The average of `count` ratings totalling `stars` stars, to one decimal (halves round up). */
export function summariseRatings(stars: number, count: number): RatingSummary {
  return { average: count ? Math.round((stars * 10) / count) / 10 : null, count };
}
