import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { I18nProvider, mergeTranslations, TranslationMessages } from 'react-admin';
import { appEn } from './en';
import { appZhCN, raZhCN } from './zh-CN';
import { applicationMessages } from '../applications/messages';
import { complaintMessages } from '../complaints/messages';
import { feeMessages } from '../fees/messages';
import { inspectionMessages } from '../inspection/messages';

export const LOCALES = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
];
const catalogs: Record<string, TranslationMessages> = {
  'zh-CN': mergeTranslations(
    raZhCN,
    appZhCN,
    applicationMessages['zh-CN'],
    inspectionMessages['zh-CN'],
    feeMessages['zh-CN'],
    complaintMessages['zh-CN'],
  ),
  en: mergeTranslations(
    englishMessages,
    appEn,
    applicationMessages.en,
    inspectionMessages.en,
    feeMessages.en,
    complaintMessages.en,
  ),
};
const KEY = 'otr.locale';

/** The language chosen last time on this browser (it survives signing out), else zh-CN. */
function storedLocale(): string {
  try {
    const l = localStorage.getItem(KEY);
    return l && l in catalogs ? l : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const polyglot = polyglotI18nProvider(
  (locale) => catalogs[locale] ?? catalogs['zh-CN'],
  storedLocale(),
  LOCALES,
  {
    allowMissing: true,
  },
);

/** zh-CN by default, English from the switch in the app bar; the choice is stored. */
export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    try {
      localStorage.setItem(KEY, locale);
    } catch {
      // private mode: the choice lasts for this page only
    }
    document.documentElement.lang = locale;
    return polyglot.changeLocale(locale, options);
  },
};
document.documentElement.lang = storedLocale();
