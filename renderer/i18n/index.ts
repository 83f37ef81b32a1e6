/**
 * UI language: Latin-American Spanish first, English second. Every visible string lives in
 * the locale files; dates go through Intl in the active language.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import es419 from './locales/es-419.json';

export const LANGUAGES = ['es-419', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'es-419';

export const resources = {
  'es-419': { translation: es419 },
  en: { translation: en },
} as const;

export function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}

export async function initI18n(language: Language): Promise<I18n> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const applyToDocument = (lng: string) => {
    document.documentElement.lang = lng;
    document.title = i18next.t('app.name');
  };
  applyToDocument(language);
  i18next.on('languageChanged', applyToDocument);
  return i18next;
}

export function formatDate(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(timestamp));
}
