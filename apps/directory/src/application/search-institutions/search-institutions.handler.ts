import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { normalise, queryGrams } from '../../domain/search-text';
import { DirectoryPrisma } from '../../infrastructure/directory-prisma';
import { DIRECTORY_PRISMA } from '../tokens';
import { InstitutionSummary, SearchInstitutionsQuery, SearchResult } from './search-institutions.query';

/** Totals above this are reported as "more than" (totalIsCapped), like any search engine. */
export const COUNT_CAP = 10_000;

/** Search by name fragment (GIN over name grams), pinyin initials, filters; stable order by name then id. */
@QueryHandler(SearchInstitutionsQuery)
export class SearchInstitutionsHandler implements IQueryHandler<SearchInstitutionsQuery> {
  constructor(@Inject(DIRECTORY_PRISMA) private readonly prisma: DirectoryPrisma) {}

  async execute({ criteria }: SearchInstitutionsQuery): Promise<SearchResult> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    const q = criteria.q ? normalise(criteria.q) : '';
    if (/^[a-z]+$/.test(q)) {
      // Latin letters only: pinyin initials (yy → 英语) or a Latin name fragment.
      where.push(`(pinyin_initials LIKE ${arg(`%${q}%`)} OR search_name LIKE ${arg(`%${q}%`)})`);
    } else if (q) {
      where.push(`name_grams @> ${arg(queryGrams(q))}::text[]`);
      where.push(`strpos(search_name, ${arg(q)}) > 0`);
    }
    if (criteria.district) where.push(`district = ${arg(criteria.district)}`);
    if (criteria.category) where.push(`category = ${arg(criteria.category)}`);
    if (criteria.scope) where.push(`${arg(criteria.scope)} = ANY(scopes)`);
    if (criteria.status) where.push(`license_status = ${arg(criteria.status)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const page = [...args, criteria.pageSize, (criteria.page - 1) * criteria.pageSize];
    // The page and the count are separate queries: the page can stop after 20 rows in name order,
    // and the count stops at COUNT_CAP, so a frequent fragment never sorts or counts everything.
    const [rows, [{ n }]] = await Promise.all([
      this.prisma.$queryRawUnsafe<InstitutionSummary[]>(
        `SELECT id, name, category, scopes, district, address, license_number AS "licenseNumber",
                license_status AS "licenseStatus", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil"
         FROM directory.institution ${filter}
         ORDER BY name, id LIMIT $${args.length + 1} OFFSET $${args.length + 2}`,
        ...page,
      ),
      this.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM directory.institution ${filter} LIMIT ${COUNT_CAP}) AS capped`,
        ...args,
      ),
    ]);
    return {
      total: n,
      totalIsCapped: n >= COUNT_CAP,
      page: criteria.page,
      pageSize: criteria.pageSize,
      items: rows,
    };
  }
}
