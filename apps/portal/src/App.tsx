import { useEffect, useState } from 'react';
import { answerIn } from './api';
import { I18n, Locale, messages } from './i18n';
import { BlacklistPage } from './pages/BlacklistPage';
import { ComplaintPage } from './pages/ComplaintPage';
import { ComplaintReceiptPage } from './pages/ComplaintReceiptPage';
import { FamilyPage } from './pages/FamilyPage';
import { InstitutionPage } from './pages/InstitutionPage';
import { RevokedPage } from './pages/RevokedPage';
import { SearchPage } from './pages/SearchPage';
import { TrackPage } from './pages/TrackPage';
import { Link, Route, useRoute } from './router';

type NavKey = 'search' | 'blacklist' | 'revoked' | 'complain' | 'track' | 'family';
const NAV: { page: Route['page']; href: string; key: NavKey }[] = [
  { page: 'search', href: '/', key: 'search' },
  { page: 'blacklist', href: '/blacklist', key: 'blacklist' },
  { page: 'revoked', href: '/revoked', key: 'revoked' },
  { page: 'complain', href: '/complaints/new', key: 'complain' },
  { page: 'track', href: '/complaints/track', key: 'track' },
  { page: 'family', href: '/my-orders', key: 'family' },
];
/** The menu entry a page belongs to (and its title). */
const SECTION: Record<Route['page'], NavKey> = {
  search: 'search',
  institution: 'search',
  blacklist: 'blacklist',
  revoked: 'revoked',
  complain: 'complain',
  receipt: 'complain',
  track: 'track',
  family: 'family',
};

export function App() {
  const [locale, setLocale] = useState<Locale>(
    () => (localStorage.getItem('otr.locale') as Locale) || 'zh-CN',
  );
  const t = messages[locale];
  const route = useRoute();
  // Set while rendering, before any page's effect fetches: the services answer in this language.
  answerIn(locale);

  useEffect(() => {
    localStorage.setItem('otr.locale', locale);
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    document.title = `${route.page === 'search' ? t.title : t.nav[SECTION[route.page]]} — OTR`;
  }, [route, t]);

  return (
    <I18n.Provider value={{ locale, t }}>
      <a className="skip" href="#main">
        {locale === 'en' ? 'Skip to content' : '跳到正文'}
      </a>
      <header className="masthead">
        <div>
          <p className="brand">{t.title}</p>
          <p>{t.subtitle}</p>
        </div>
        <button
          type="button"
          className="link"
          lang={locale === 'en' ? 'zh-CN' : 'en'}
          aria-label={t.languageLabel}
          onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
        >
          {t.language}
        </button>
      </header>
      <nav className="tabs" aria-label={t.nav.main}>
        {NAV.map((n) => (
          <Link key={n.page} href={n.href} aria-current={route.page === n.page ? 'page' : undefined}>
            {t.nav[n.key]}
          </Link>
        ))}
      </nav>
      <main id="main">
        {route.page === 'institution' && <InstitutionPage id={route.id} />}
        {route.page === 'blacklist' && <BlacklistPage />}
        {route.page === 'revoked' && <RevokedPage />}
        {route.page === 'search' && <SearchPage />}
        {route.page === 'complain' && (
          <ComplaintPage key={route.institutionId} institutionId={route.institutionId} />
        )}
        {route.page === 'receipt' && <ComplaintReceiptPage />}
        {route.page === 'track' && (
          <TrackPage key={route.trackingNumber} trackingNumber={route.trackingNumber} />
        )}
        {route.page === 'family' && <FamilyPage />}
      </main>
    </I18n.Provider>
  );
}
