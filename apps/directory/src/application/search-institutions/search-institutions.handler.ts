import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { summariseRatings } from '../../domain/rating-summary';
import { INSTITUTION_SEARCH, InstitutionSearch } from '../ports';
import { encodeCursor, SearchInstitutionsQuery, SearchResult } from './search-institutions.query';

/** Totals above this are reported as "more than" (totalIsCapped), like any search engine. */
export const COUNT_CAP = 1_000;
/**
 * How long a public answer may be reused (the Cache-Control max-age of the public endpoints, so the
 * gateway's shared cache and browsers keep it that long), and so also how long a search's capped
 * total is reused — a page's rows are always read fresh. Short, so an approval or a revocation is
 * public within seconds; long enough that the searches everyone makes are answered once.
 */
export const PUBLIC_MAX_AGE_S = 5;
/**
 * Search by name fragment, pinyin initials and filters, and near a point; stable order by name then
 * id, or by distance then id; keyset pages through `next`, numbered pages through `page`
 * (docs/directory.md, "How a search is answered").
 */
@QueryHandler(SearchInstitutionsQuery)
export class SearchInstitutionsHandler implements IQueryHandler<SearchInstitutionsQuery> {
  constructor(@Inject(INSTITUTION_SEARCH) private readonly search: InstitutionSearch) {}

  async execute({ criteria: c }: SearchInstitutionsQuery): Promise<SearchResult> {
    const { rows, total } = await this.search.find(c);
    const more = rows.length > c.pageSize;
    const shown = rows.slice(0, c.pageSize);
    const last = shown.at(-1);
    return {
      total,
      totalIsCapped: total !== null && total >= COUNT_CAP,
      page: c.page,
      pageSize: c.pageSize,
      items: shown.map(({ distanceM, stars, ratings, ...r }) => ({
        id: r.id,
        name: r.name,
        category: r.category,
        scopes: r.scopes,
        district: r.district,
        address: r.address,
        licenseNumber: r.licenseNumber,
        licenseStatus: r.licenseStatus,
        validUntil: r.validUntil,
        blacklisted: r.blacklisted,
        rating: summariseRatings(stars, ratings),
        ...(distanceM !== null && { distanceM }),
      })),
      next: more && last ? encodeCursor([last.sortKey, last.id]) : null,
    };
  }
}
