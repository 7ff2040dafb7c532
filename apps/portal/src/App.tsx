import { FormEvent, useEffect, useState } from 'react';
import { InstitutionSummary, PAGE_SIZE, searchInstitutions, SearchParams } from './api';
import { DISTRICTS } from './districts';
import { Locale, messages } from './i18n';

const initial: SearchParams = { q: '', district: '', category: '', scope: '', page: 1 };

export function App() {
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem('otr.locale') as Locale) || 'zh-CN');
  const t = messages[locale];
  const [draft, setDraft] = useState(initial);
  const [params, setParams] = useState(initial);
  const [result, setResult] = useState<{ total: number; items: InstitutionSummary[] } | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    localStorage.setItem('otr.locale', locale);
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    const abort = new AbortController();
    setError(false);
    searchInstitutions(params, abort.signal).then(setResult, (e) => e.name !== 'AbortError' && setError(true));
    return () => abort.abort();
  }, [params]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams({ ...draft, page: 1 });
  };
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const districtName = (code: string) => {
    const d = DISTRICTS.find((x) => x.code === code);
    return d ? (locale === 'en' ? d.en : d.zh) : code;
  };

  return (
    <>
      <header className="masthead">
        <div>
          <h1>{t.title}</h1>
          <p>{t.subtitle}</p>
        </div>
        <button type="button" className="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t.language}
        </button>
      </header>
      <main>
        <form className="search" onSubmit={submit} role="search">
          <label>
            {t.query}
            <input value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} maxLength={40} />
          </label>
          <label>
            {t.district}
            <select value={draft.district} onChange={(e) => setDraft({ ...draft, district: e.target.value })}>
              <option value="">{t.any}</option>
              {DISTRICTS.map((d) => (
                <option key={d.code} value={d.code}>
                  {locale === 'en' ? d.en : d.zh}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.category}
            <select value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })}>
              <option value="">{t.any}</option>
              {Object.entries(t.categories).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.scope}
            <select value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: e.target.value })}>
              <option value="">{t.any}</option>
              {Object.entries(t.scopes).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t.search}</button>
        </form>

        {error && <p role="alert">{t.error}</p>}
        {result && (
          <section aria-live="polite">
            <p className="count">{result.items.length ? t.results(result.total) : t.none}</p>
            <ul className="results">
              {result.items.map((i) => (
                <li key={i.id}>
                  <h2>{i.name}</h2>
                  <p className="tags">
                    <span className={`status ${i.licenseStatus}`}>{t.statuses[i.licenseStatus] ?? i.licenseStatus}</span>
                    <span>{t.categories[i.category] ?? i.category}</span>
                    <span>{i.scopes.map((s) => t.scopes[s]).join(' / ')}</span>
                    <span>{districtName(i.district)}</span>
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
              <nav className="pager" aria-label="pagination">
                <button type="button" disabled={params.page <= 1} onClick={() => setParams({ ...params, page: params.page - 1 })}>
                  {t.prev}
                </button>
                <span>{t.page(params.page, pages)}</span>
                <button type="button" disabled={params.page >= pages} onClick={() => setParams({ ...params, page: params.page + 1 })}>
                  {t.next}
                </button>
              </nav>
            )}
          </section>
        )}
      </main>
    </>
  );
}
