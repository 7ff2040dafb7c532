import { useState } from 'react';
import { InstitutionSummary, PAGE_SIZE, searchInstitutions, SearchParams } from '../api';
import { districtName } from '../districts';
import { useI18n } from '../i18n';
import { useLoaded } from '../load';
import { Link } from '../router';
import { Pager } from './Pager';

/** What a search asks for, without the page. */
export type Criteria = Omit<SearchParams, 'page' | 'after'>;

/**
 * A search of the directory, page by page: the first page, then each next one from the previous
 * page's `next` cursor (kept, so "previous" goes back without asking for it). Each new criteria
 * object (a search submitted again) starts at the first page.
 */
export function useInstitutionSearch(params: Criteria) {
  const [state, setState] = useState<{ params: Criteria | null; cursors: string[] }>({
    params: null,
    cursors: [],
  });
  const key = JSON.stringify(params);
  const cursors = state.params === params ? state.cursors : [];
  const page = cursors.length + 1;
  // The first page counts the matches; keyset pages do not count again, so its total is kept.
  const [total, setTotal] = useState<{ key: string; total: number; capped: boolean } | null>(null);
  const { result, failed } = useLoaded({ params, after: cursors.at(-1) }, async (signal) => {
    const r = await searchInstitutions({ ...params, page: 1, after: cursors.at(-1) }, signal);
    if (r.total !== null) setTotal({ key, total: r.total, capped: r.totalIsCapped });
    return r;
  });
  const counted = total?.key === key ? total : null;
  return {
    result,
    failed,
    total: counted,
    pager: {
      page,
      pages: counted && !counted.capped ? Math.max(1, Math.ceil(counted.total / PAGE_SIZE)) : undefined,
      hasPrev: page > 1,
      hasNext: Boolean(result?.next),
      onPrev: () => setState({ params, cursors: cursors.slice(0, -1) }),
      onNext: () => result?.next && setState({ params, cursors: [...cursors, result.next] }),
    },
  };
}

/** One institution in a list: its name to its page, status, category, place, license and rating. */
function InstitutionItem({ i }: { i: InstitutionSummary }) {
  const { t, locale } = useI18n();
  return (
    <li>
      <h2>
        <Link href={`/institutions/${i.id}`}>{i.name}</Link>
      </h2>
      <p className="tags">
        {/* Black-listed first: its license may still read active, which said 正常 to parents. */}
        {i.blacklisted && <span className="status blacklisted">{t.blacklistedChip}</span>}
        {!(i.blacklisted && i.licenseStatus === 'active') && (
          <span className={`status ${i.licenseStatus}`}>
            {t.statuses[i.licenseStatus] ?? i.licenseStatus}
          </span>
        )}
        <span>{t.categories[i.category] ?? i.category}</span>
        <span>{i.scopes.map((s) => t.scopes[s]).join(' / ')}</span>
        <span>{districtName(i.district, locale)}</span>
        {i.distanceM !== undefined && <span className="distance">{t.distance(i.distanceM)}</span>}
      </p>
      <p>{i.address}</p>
      {i.licenseNumber && (
        <p className="license">
          {t.license} {i.licenseNumber}
          {i.validUntil && ` · ${t.validUntil} ${i.validUntil}`}
        </p>
      )}
      <p className="rating-line">{t.rating(i.rating.average, i.rating.count)}</p>
    </li>
  );
}

/** A search's answer: how many, the list, and the pager; announced to screen readers as it changes. */
export function InstitutionResults({
  label,
  search,
}: {
  label: string;
  search: ReturnType<typeof useInstitutionSearch>;
}) {
  const { t } = useI18n();
  const { result, failed, total, pager } = search;
  return (
    <>
      {failed && <p role="alert">{t.error}</p>}
      {result && (
        <section aria-live="polite" aria-label={label}>
          <p className="count">
            {result.items.length === 0
              ? t.none
              : total
                ? t.results(total.total, total.capped)
                : t.pageOnly(pager.page)}
          </p>
          <ul className="results">
            {result.items.map((i) => (
              <InstitutionItem key={i.id} i={i} />
            ))}
          </ul>
          <Pager {...pager} />
        </section>
      )}
    </>
  );
}
