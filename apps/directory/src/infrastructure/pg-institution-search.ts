import { LRUCache } from 'lru-cache';
import type { Pool } from 'pg';
import { prepared } from '@otr/runtime';
import { boundingBox, EARTH_RADIUS_M } from '../domain/nearby';
import { largestShare, normalise, TermMatch, termMatches } from '../domain/search-text';
import { FoundInstitution, InstitutionSearch } from '../application/ports';
import { COUNT_CAP, PUBLIC_MAX_AGE_S } from '../application/search-institutions/search-institutions.handler';
import { SearchCriteria } from '../application/search-institutions/search-institutions.query';
import { BLACKLISTED } from './projections/sanction-projection';
import { SearchTermStatistics, TermStatistics } from './search-term-statistics';

/**
 * Index entries a name-ordered walk reads at most: a search whose matches are rarer than about
 * one name in two hundred goes to the GIN index instead.
 */
export const WALK_LIMIT = 4_000;

/** Adds a parameter to the statement being written and returns its placeholder. */
type Arg = (value: unknown) => string;

/** One statement and its parameters, written by `build` with `arg`. */
function statement(build: (arg: Arg) => string) {
  const args: unknown[] = [];
  const text = build((value) => `$${args.push(value)}`);
  return { text, args };
}

/** Haversine in SQL, in metres from the point searched near. */
const distanceSql = (c: SearchCriteria, arg: Arg) => {
  const [lat, lng] = [`${arg(c.lat)}::float8`, `${arg(c.lng)}::float8`];
  return `(2 * ${EARTH_RADIUS_M} * asin(least(1, sqrt(
     power(sin(radians(lat - ${lat}) / 2), 2) +
     cos(radians(${lat})) * cos(radians(lat)) * power(sin(radians(lng - ${lng}) / 2), 2)))))`;
};

const near = (c: SearchCriteria) => c.lat !== undefined && c.lng !== undefined;

/**
 * The search's matches as one containment on the terms: the GIN index answers the name fragment
 * and the filters at once; a fragment longer than two characters is also checked whole. Near a
 * point: the GiST box of the radius (the partial index's own predicate), then the exact distance.
 */
function matchingSql(c: SearchCriteria, matches: TermMatch[], arg: Arg): string {
  const where = matches
    .map((m) =>
      [
        ...(m.terms.length ? [`search_terms @> ${arg(m.terms)}::text[]`] : []),
        ...(m.contains ? [`strpos(${m.contains.column}, ${arg(m.contains.text)}) > 0`] : []),
      ].join(' AND '),
    )
    .filter(Boolean)
    .map((way, _, ways) => (ways.length > 1 ? `(${way})` : way));
  const all = where.length ? [where.join(' OR ')] : [];
  if (near(c)) {
    const radiusM = c.radiusKm * 1000;
    const box = boundingBox({ lat: c.lat!, lng: c.lng! }, radiusM);
    all.push(
      `lat IS NOT NULL AND lng IS NOT NULL`,
      `point(lng, lat) <@ box(point(${arg(box.west)}, ${arg(box.south)}), point(${arg(box.east)}, ${arg(box.north)}))`,
      `${distanceSql(c, arg)} <= ${arg(radiusM)}`,
    );
  }
  return all.length ? all.map((w) => `(${w})`).join(' AND ') : 'true';
}

/** LIKE's wildcards taken literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * The same matches on the columns the walk index holds: the fragment as a substring, the filters
 * as plain values, cheaper for each entry walked than a containment on every term.
 */
function walkingSql(c: SearchCriteria, arg: Arg): string {
  const where: string[] = [];
  const text = c.q ? normalise(c.q) : '';
  if (text) {
    const pattern = arg(`%${literal(text)}%`);
    where.push(
      /^[a-z]+$/.test(text)
        ? `(pinyin_initials LIKE ${pattern} OR search_name LIKE ${pattern})`
        : `search_name LIKE ${pattern}`,
    );
  }
  if (c.district) where.push(`district = ${arg(c.district)}`);
  if (c.category) where.push(`category = ${arg(c.category)}`);
  if (c.scope) where.push(`${arg(c.scope)} = ANY(scopes)`);
  if (c.status) where.push(`license_status = ${arg(c.status)}`);
  return where.length ? where.join(' AND ') : 'true';
}

/** Keyset: the rows after the cursor in (sort key, id) order; the (name, id) index starts right there. */
const afterSql = (c: SearchCriteria, key: string, arg: Arg) =>
  c.after
    ? `(${key}, id) > (${arg(c.after[0])}${typeof c.after[0] === 'number' ? '::float8' : ''}, ${arg(c.after[1])})`
    : 'true';

/**
 * Whether a walk of WALK_LIMIT names could find the rows a page needs: not when even the largest
 * share of names the match can hold (domain/search-text.ts) would give fewer; without statistics, try.
 */
function mayFillWalk(matches: TermMatch[], needed: number, statistics: TermStatistics | null): boolean {
  if (!statistics) return true;
  const share = Math.min(
    1,
    matches.reduce((sum, m) => sum + largestShare(m, statistics.share), 0),
  );
  return share * WALK_LIMIT >= needed;
}

type Row = FoundInstitution;

/**
 * Search by name fragment, pinyin initials and filters, and near a point, in plain SQL on the
 * service's pool (without the ORM's per-call cost): stable order by name then id, or by distance
 * then id. In name order a page comes from a bounded walk of the name index when the matches are
 * frequent enough to fill it there, else from the GIN index (docs/directory.md, "How a search is
 * answered").
 */
export class PgInstitutionSearch implements InstitutionSearch {
  private readonly statistics: SearchTermStatistics;
  /**
   * Capped totals by statement: counting a frequent fragment's matches on the GIN index is the
   * dearest part of a first page (the heap of every match up to COUNT_CAP), and the same searches
   * come again and again. A total may be PUBLIC_MAX_AGE_S old, as the whole answer may in any cache.
   */
  private readonly totals = new LRUCache<string, number>({ max: 20_000, ttl: PUBLIC_MAX_AGE_S * 1000 });

  constructor(private readonly pool: Pool) {
    this.statistics = new SearchTermStatistics(pool);
  }

  async find(c: SearchCriteria): Promise<{ rows: Row[]; total: number | null }> {
    const matches = termMatches(c.q, c);
    const offset = (c.page - 1) * c.pageSize;
    const limit = `LIMIT ${c.pageSize + 1} OFFSET ${offset}`;
    // The page's ids (one more than shown, to know whether another page follows), then their rows.
    const page = async (ids: (arg: Arg) => string) => {
      const { text, args } = statement(
        (arg) =>
          `SELECT i.id, i.name, i.category, i.scopes, i.district, i.address, i.license_number AS "licenseNumber",
                  i.license_status AS "licenseStatus", to_char(i.valid_until, 'YYYY-MM-DD') AS "validUntil",
                  p.sort_key AS "sortKey", ${near(c) ? 'round(p.sort_key)::int' : 'NULL'} AS "distanceM",
                  r.stars, r.ratings,
                  EXISTS (SELECT 1 FROM directory.blacklist_entry
                          WHERE institution_id = i.id AND ${BLACKLISTED}) AS blacklisted
           FROM (${ids(arg)}) AS p
           JOIN directory.institution AS i USING (id)
           CROSS JOIN LATERAL (SELECT coalesce(sum(stars), 0)::int AS stars, count(*)::int AS ratings
                               FROM directory.rating WHERE institution_id = i.id) AS r
           ORDER BY p.sort_key, p.id`,
      );
      return (await this.pool.query<Row>(prepared(text, args))).rows;
    };
    let rows: Row[] | undefined;
    if (!near(c) && mayFillWalk(matches, c.pageSize + 1 + offset, await this.statistics.get())) {
      // Walk the names in order on the covering index (an index-only scan), at most WALK_LIMIT
      // entries: a fragment found in thousands of names fills its page within a few hundred.
      const walked = await page(
        (arg) =>
          `SELECT id, name AS sort_key FROM (
             SELECT id, name, search_name, pinyin_initials, district, category, scopes, license_status
             FROM directory.institution WHERE ${afterSql(c, 'name', arg)} ORDER BY name, id LIMIT ${WALK_LIMIT}
           ) AS walk
           WHERE ${walkingSql(c, arg)} ORDER BY name, id ${limit}`,
      );
      if (walked.length > c.pageSize) rows = walked;
    }
    // Rarer matches: every match from the GIN (or GiST) index, then sorted. In name order the key is
    // written as an expression, so that the planner cannot take the walk again.
    rows ??= await page((arg) => {
      const key = near(c) ? distanceSql(c, arg) : 'name';
      return `SELECT id, ${key} AS sort_key FROM directory.institution
              WHERE ${matchingSql(c, matches, arg)} AND ${afterSql(c, key, arg)}
              ORDER BY ${near(c) ? key : `name || ''`}, id ${limit}`;
    });
    const more = rows.length > c.pageSize;
    const shown = rows.slice(0, c.pageSize);
    // A keyset page is not counted again (the first page was). A page that ends the list tells the
    // total itself; otherwise count on the GIN index, stopping at COUNT_CAP, so a frequent fragment
    // never counts everything.
    let total: number | null = null;
    if (!c.after && !more && (shown.length > 0 || offset === 0)) total = offset + shown.length;
    else if (!c.after) {
      const count = statement(
        (arg) =>
          `SELECT count(*)::int AS n FROM (SELECT 1 FROM directory.institution
           WHERE ${matchingSql(c, matches, arg)} LIMIT ${COUNT_CAP}) AS capped`,
      );
      const key = `${count.text}\u0000${JSON.stringify(count.args)}`;
      total = this.totals.get(key) ?? null;
      if (total === null) {
        total = (await this.pool.query<{ n: number }>(prepared(count.text, count.args))).rows[0].n;
        this.totals.set(key, total);
      }
    }
    return { rows, total };
  }
}
