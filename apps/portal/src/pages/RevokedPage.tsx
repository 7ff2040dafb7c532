import { useEffect, useState } from 'react';
import { PAGE_SIZE, searchInstitutions, SearchResult } from '../api';
import { districtName } from '../districts';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { Downloads } from './BlacklistPage';

/** Institutions whose license was revoked (吊销), so families do not enrol or pay. */
export function RevokedPage() {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    setError(false);
    searchInstitutions(
      { q: '', district: '', category: '', scope: '', status: 'revoked', page },
      abort.signal,
    ).then(setResult, (e) => e.name !== 'AbortError' && setError(true));
    return () => abort.abort();
  }, [page]);
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1>{t.revoked.title}</h1>
      <p>{t.revoked.intro}</p>
      <Downloads list="revoked" />
      {error && <p role="alert">{t.error}</p>}
      {result && (
        <section aria-live="polite" aria-label={t.revoked.title}>
          <p className="count">
            {result.items.length ? t.results(result.total, result.totalIsCapped) : t.none}
          </p>
          <ul className="results">
            {result.items.map((i) => (
              <li key={i.id}>
                <h2>
                  <Link href={`/institutions/${i.id}`}>{i.name}</Link>
                </h2>
                <p className="tags">
                  <span className={`status ${i.licenseStatus}`}>{t.statuses[i.licenseStatus]}</span>
                  <span>{districtName(i.district, locale)}</span>
                </p>
                <p className="license">
                  {t.license} {i.licenseNumber}
                </p>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav className="pager" aria-label={t.pagination}>
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t.prev}
              </button>
              <span>{t.page(page, pages)}</span>
              <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t.next}
              </button>
            </nav>
          )}
        </section>
      )}
    </>
  );
}
