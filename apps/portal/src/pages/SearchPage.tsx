import { FormEvent, useState } from 'react';
import { Criteria, InstitutionResults, useInstitutionSearch } from '../components/InstitutionResults';
import { DISTRICTS } from '../districts';
import { useI18n } from '../i18n';

const initial: Criteria = { q: '', district: '', category: '', scope: '', status: '' };
const RADII = [1, 3, 5, 10, 20];

/** Search with filters, a map-free list, and "near me" from the phone's location. */
export function SearchPage() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [params, setParams] = useState(initial);
  const search = useInstitutionSearch(params);
  const [locating, setLocating] = useState(false);
  const [noLocation, setNoLocation] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams({ ...draft, near: params.near });
  };
  const nearMe = () => {
    setNoLocation(false);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setLocating(false);
        setParams({ ...draft, near: { lat: coords.latitude, lng: coords.longitude, radiusKm: 5 } });
      },
      () => {
        setLocating(false);
        setNoLocation(true);
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  };
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
                  setParams({ ...params, near: { ...params.near!, radiusKm: Number(e.target.value) } })
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
              onClick={() => setParams({ ...params, near: undefined })}
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

      <InstitutionResults label={t.nav.search} search={search} />
    </>
  );
}
