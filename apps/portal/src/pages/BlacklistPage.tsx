import { FormEvent, useState } from 'react';
import { getBlacklist, openDataUrl, PAGE_SIZE } from '../api';
import { Pager } from '../components/Pager';
import { useI18n } from '../i18n';
import { useLoaded } from '../load';
import { Link } from '../router';

/** The public black list (黑名单) with its open-data downloads. */
export function BlacklistPage() {
  const { t } = useI18n();
  const b = t.blacklist;
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState({ q: '', page: 1 });
  const { result, failed } = useLoaded(query, (signal) => getBlacklist(query.q, query.page, signal));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ q: draft.trim(), page: 1 });
  };
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1>{b.title}</h1>
      <p>{b.intro}</p>
      <Downloads list="black" />
      <form className="search compact" onSubmit={submit} role="search">
        <label>
          {b.filter}
          <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={40} />
        </label>
        <button type="submit">{t.search}</button>
      </form>
      {failed && <p role="alert">{t.error}</p>}
      {result && (
        <section aria-live="polite" aria-label={b.title}>
          <p className="count">{result.items.length ? b.total(result.total) : b.none}</p>
          <ul className="cards" data-testid="blacklist">
            {result.items.map((e) => (
              <li key={e.decisionNumber}>
                <h2>
                  {e.institutionId ? (
                    <Link href={`/institutions/${e.institutionId}`}>{e.subjectName}</Link>
                  ) : (
                    e.subjectName
                  )}
                </h2>
                <dl className="facts">
                  <dt>{b.reason}</dt>
                  <dd>{e.reason}</dd>
                  <dt>{b.decision}</dt>
                  <dd>{e.decisionNumber}</dd>
                  <dt>{b.listedOn}</dt>
                  <dd>{e.listedOn}</dd>
                  <dt>{b.removableOn}</dt>
                  <dd>{e.removableOn}</dd>
                </dl>
              </li>
            ))}
          </ul>
          <Pager
            page={query.page}
            pages={pages}
            hasPrev={query.page > 1}
            hasNext={query.page < pages}
            onPrev={() => setQuery({ ...query, page: query.page - 1 })}
            onNext={() => setQuery({ ...query, page: query.page + 1 })}
          />
        </section>
      )}
    </>
  );
}

/** CSV and JSON downloads of a public list. */
export function Downloads({ list }: { list: 'white' | 'revoked' | 'black' }) {
  const { t } = useI18n();
  return (
    <p className="downloads">
      {t.download}: <a href={openDataUrl(list, 'csv')}>CSV</a> · <a href={openDataUrl(list, 'json')}>JSON</a>
    </p>
  );
}
