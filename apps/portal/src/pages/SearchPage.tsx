import { FormEvent, useEffect, useState } from 'react';
import { PAGE_SIZE, searchInstitutions, SearchParams, SearchResult } from '../api';
import { DISTRICTS, districtName } from '../districts';
import { useI18n } from '../i18n';
import { Link } from '../router';

const initial: SearchParams = { q: '', district: '', category: '', scope: '', status: '', page: 1 };
const RADII = [1, 3, 5, 10, 20];

/** Search with filters, a map-free list, and "near me" from the phone's location. */
export function SearchPage() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [params, setParams] = useState(initial);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState(false);
  const [locating, setLocating] = useState(false);
  const [noLocation, setNoLocation] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    setError(false);
    searchInstitutions(params, abort.signal).then(
      setResult,
      (e) => e.name !== 'AbortError' && setError(true),
    );
    return () => abort.abort();
  }, [params]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams({ ...draft, near: params.near, page: 1 });
  };
  const nearMe = () => {
    setNoLocation(false);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setLocating(false);
        setParams({ ...draft, page: 1, near: { lat: coords.latitude, lng: coords.longitude, radiusKm: 5 } });
      },
      () => {
        setLocating(false);
        setNoLocation(true);
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const select = (
    key: 'district' | 'category' | 'scope' | 'status',
    label: string,
    options: [string, string][],
  ) => (
    <label>
      {label}
      <select value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}>
        <option value="">{t.any}</option>
        {options.map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <h1 className="visually-hidden" tabIndex={-1}>
        {t.nav.search}
      </h1>
      <form className="search" onSubmit={submit} role="search">
        <label>
          {t.query}
          <input
            type="search"
            name="q"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            maxLength={40}
            enterKeyHint="search"
          />
        </label>
        {select(
          'district',
          t.district,
          DISTRICTS.map((d) => [d.code, locale === 'en' ? d.en : d.zh]),
        )}
        {select('category', t.category, Object.entries(t.categories))}
        {select('scope', t.scope, Object.entries(t.scopes))}
        {select('status', t.status, Object.entries(t.statuses))}
        <button type="submit">{t.search}</button>
      </form>

      <div className="near">
        {params.near ? (
          <>
            <p>{t.nearActive(params.near.radiusKm)}</p>
            <label>
              {t.radius}
              <select
                value={params.near.radiusKm}
                onChange={(e) =>
                  setParams({
                    ...params,
                    page: 1,
                    near: { ...params.near!, radiusKm: Number(e.target.value) },
                  })
                }
              >
                {RADII.map((r) => (
                  <option key={r} value={r}>
                    {t.distance(r * 1000)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="secondary"
              onClick={() => setParams({ ...params, page: 1, near: undefined })}
            >
              {t.nearOff}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="secondary"
            onClick={nearMe}
            disabled={locating}
            aria-busy={locating}
          >
            {t.nearMe}
          </button>
        )}
        {noLocation && <p role="alert">{t.nearUnavailable}</p>}
      </div>

      {error && <p role="alert">{t.error}</p>}
      {result && (
        <section aria-live="polite" aria-label={t.nav.search}>
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
                  <span className={`status ${i.licenseStatus}`}>
                    {t.statuses[i.licenseStatus] ?? i.licenseStatus}
                  </span>
                  <span>{t.categories[i.category] ?? i.category}</span>
                  <span>{i.scopes.map((s) => t.scopes[s]).join(' / ')}</span>
                  <span>{districtName(i.district, locale)}</span>
                  {i.distanceM !== undefined && <span className="distance">{t.distance(i.distanceM)}</span>}
                </p>
                <p>{i.address}</p>
                {i.licenseNumber && (
                  <p className="license">
                    {t.license} {i.licenseNumber} · {t.validUntil} {i.validUntil}
                  </p>
                )}
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav className="pager" aria-label={t.pagination}>
              <button
                type="button"
                disabled={params.page <= 1}
                onClick={() => setParams({ ...params, page: params.page - 1 })}
              >
                {t.prev}
              </button>
              <span>{t.page(params.page, pages)}</span>
              <button
                type="button"
                disabled={params.page >= pages}
                onClick={() => setParams({ ...params, page: params.page + 1 })}
              >
                {t.next}
              </button>
            </nav>
          )}
        </section>
      )}
    </>
  );
}
