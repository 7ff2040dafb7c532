import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { normalise, queryGrams } from '../../domain/search-text';
import { DirectoryPrisma } from '../../infrastructure/directory-prisma';
import { DIRECTORY_PRISMA } from '../tokens';
import { InstitutionSummary, SearchInstitutionsQuery, SearchResult } from './search-institutions.query';

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
    const limit = arg(criteria.pageSize);
    const offset = arg((criteria.page - 1) * criteria.pageSize);
    const rows = await this.prisma.$queryRawUnsafe<(InstitutionSummary & { total: bigint })[]>(
      `SELECT id, name, category, scopes, district, address, license_number AS "licenseNumber",
              license_status AS "licenseStatus", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil",
              count(*) OVER () AS total
       FROM directory.institution ${filter}
       ORDER BY name, id LIMIT ${limit} OFFSET ${offset}`,
      ...args,
    );
    return {
      total: rows.length ? Number(rows[0].total) : 0,
      page: criteria.page,
      pageSize: criteria.pageSize,
      items: rows.map(({ total: _total, ...item }) => item),
    };
  }
}
