import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations } from 'react-admin';
import { appEn, appZh } from './app-messages';
import { raChinese } from './ra-zh-CN';

const catalogs = {
  'zh-CN': mergeTranslations(raChinese, appZh),
  en: mergeTranslations(englishMessages, appEn),
};

/** zh-CN first, English as the switch; the choice is remembered by react-admin's store. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => catalogs[locale as keyof typeof catalogs] ?? catalogs['zh-CN'],
  'zh-CN',
  [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ],
);
