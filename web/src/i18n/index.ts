import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'fanbase.lang';

// Both message files must carry exactly the same keys: each assignment fails to compile
// when the other file is missing a key.
const enShape: typeof zhCN = en;
const zhShape: typeof en = zhCN;

export const resources = {
  en: { translation: enShape },
  'zh-CN': { translation: zhShape },
} as const;

export function toLanguage(code: string | undefined): Language {
  return code?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    load: 'currentOnly',
    nonExplicitSupportedLngs: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => toLanguage(lng),
    },
  });

/**
 * `{{seconds, duration}}`: a wait in words, "50 seconds" / "50秒", in whole minutes from two
 * minutes on ("10 minutes" / "10分钟").
 */
export function formatDuration(seconds: number, lng: string | undefined): string {
  const [value, unit] = seconds < 120 ? [Math.max(0, Math.ceil(seconds)), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(toLanguage(lng), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
i18n.services.formatter?.add('duration', (value: unknown, lng) => formatDuration(Number(value), lng));

/**
 * `{{endsAt, isoDate}}`: a timestamp the server sent as ISO 8601, as a date in the UI language
 * ("12 Mar 2026" / "2026年3月12日"); anything that is not a date is shown as sent.
 */
export function formatIsoDate(value: string, lng: string | undefined): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(toLanguage(lng), { dateStyle: 'medium' }).format(date);
}
i18n.services.formatter?.add('isoDate', (value: unknown, lng) => formatIsoDate(String(value), lng));

function syncDocumentLanguage(lng: string): void {
  document.documentElement.lang = toLanguage(lng);
}
syncDocumentLanguage(i18n.resolvedLanguage ?? i18n.language ?? 'en');
i18n.on('languageChanged', syncDocumentLanguage);

export default i18n;
