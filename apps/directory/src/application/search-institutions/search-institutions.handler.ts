import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { boundingBox, EARTH_RADIUS_M } from '../../domain/nearby';
import { normalise, queryGrams } from '../../domain/search-text';
import { DirectoryPrisma } from '../../infrastructure/directory-prisma';
import { DIRECTORY_PRISMA } from '../tokens';
import { InstitutionSummary, SearchInstitutionsQuery, SearchResult } from './search-institutions.query';

/** Totals above this are reported as "more than" (totalIsCapped), like any search engine. */
export const COUNT_CAP = 1_000;

/** Haversine in SQL, in metres from ($lat, $lng) given as the two parameter placeholders. */
const distanceSql = (lat: string, lng: string) =>
  `(2 * ${EARTH_RADIUS_M} * asin(least(1, sqrt(
     power(sin(radians(lat - ${lat}) / 2), 2) +
     cos(radians(${lat})) * cos(radians(lat)) * power(sin(radians(lng - ${lng}) / 2), 2)))))`;

/**
 * Search by name fragment (GIN over name grams), pinyin initials, filters, and near a point
 * (GiST box of the radius, then the exact distance); stable order by name then id, or by distance.
 */
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
      // One or two characters are a gram themselves, so the grams answer exactly; a longer query's
      // grams may lie apart in a name: check the name holds it whole.
      if ([...q].length > 2) where.push(`strpos(search_name, ${arg(q)}) > 0`);
    }
    if (criteria.district) where.push(`district = ${arg(criteria.district)}`);
    if (criteria.category) where.push(`category = ${arg(criteria.category)}`);
    if (criteria.scope) where.push(`${arg(criteria.scope)} = ANY(scopes)`);
    if (criteria.status) where.push(`license_status = ${arg(criteria.status)}`);
    let distance = 'NULL::float8';
    let order = ['name', 'id'];
    if (criteria.lat !== undefined && criteria.lng !== undefined) {
      const radiusM = criteria.radiusKm * 1000;
      const box = boundingBox({ lat: criteria.lat, lng: criteria.lng }, radiusM);
      // The same predicate as the partial GiST index, so the planner can use it.
      where.push(`lat IS NOT NULL AND lng IS NOT NULL`);
      where.push(
        `point(lng, lat) <@ box(point(${arg(box.west)}, ${arg(box.south)}), point(${arg(box.east)}, ${arg(box.north)}))`,
      );
      distance = distanceSql(`${arg(criteria.lat)}::float8`, `${arg(criteria.lng)}::float8`);
      where.push(`${distance} <= ${arg(radiusM)}`);
      order = ['"distanceM"', 'id'];
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const offset = (criteria.page - 1) * criteria.pageSize;
    // The page and the count are separate queries: the page can stop after 20 rows in name order,
    // and the count stops at COUNT_CAP, so a frequent fragment never sorts or counts everything;
    // a page that is not full tells the total itself. The page is chosen on the covering index
    // (an index-only walk in name order) or a GIN or GiST bitmap, then only its rows are read.
    const rows = await this.prisma.$queryRawUnsafe<(InstitutionSummary & { distanceM: number | null })[]>(
      `SELECT i.id, i.name, i.category, i.scopes, i.district, i.address, i.license_number AS "licenseNumber",
              i.license_status AS "licenseStatus", to_char(i.valid_until, 'YYYY-MM-DD') AS "validUntil",
              page."distanceM"
       FROM (SELECT id, name, round(${distance})::int AS "distanceM" FROM directory.institution ${filter}
             ORDER BY ${order.join(', ')} LIMIT $${args.length + 1} OFFSET $${args.length + 2}) AS page
       JOIN directory.institution AS i USING (id)
       ORDER BY ${order.map((column) => `page.${column}`).join(', ')}`,
      ...args,
      criteria.pageSize,
      offset,
    );
    const n =
      rows.length < criteria.pageSize && (rows.length > 0 || offset === 0)
        ? offset + rows.length
        : (
            await this.prisma.$queryRawUnsafe<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM (SELECT 1 FROM directory.institution ${filter} LIMIT ${COUNT_CAP}) AS capped`,
              ...args,
            )
          )[0].n;
    return {
      total: n,
      totalIsCapped: n >= COUNT_CAP,
      page: criteria.page,
      pageSize: criteria.pageSize,
      items: rows.map(({ distanceM, ...r }) => (distanceM === null ? r : { ...r, distanceM })),
    };
  }
}
