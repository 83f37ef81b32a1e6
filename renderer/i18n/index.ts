/**
 * UI language: Latin-American Spanish first, English second. Every visible string lives in
 * the locale files; dates go through Intl in the active language.
 *
 * Each feature keeps its strings in its own file, `locales/<language>/<feature>.json`, whose
 * top-level keys are merged into one namespace: features add files without touching others'.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['es-419', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'es-419';

export type LocaleTree = { [key: string]: string | LocaleTree };

const localeFiles = import.meta.glob<LocaleTree>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

function bundle(language: Language): LocaleTree {
  const merged: LocaleTree = {};
  for (const [file, tree] of Object.entries(localeFiles)) {
    if (!file.startsWith(`./locales/${language}/`)) continue;
    for (const [key, value] of Object.entries(tree)) {
      if (key in merged) throw new Error(`Locale key "${key}" is defined twice (${file})`);
      merged[key] = value;
    }
  }
  return merged;
}

export const resources = {
  'es-419': { translation: bundle('es-419') },
  en: { translation: bundle('en') },
};

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

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * One `Intl.DateTimeFormat` per language and style, made once: building one costs far more than
 * formatting with it, and lists and headers format dates on every render.
 */
export function dateFormat(
  language: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, options);
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDate(timestamp: number, language: string): string {
  return dateFormat(language).format(new Date(timestamp));
}
