/**
 * Loads what a section of the program page shows, through the program's API, and re-reads it on
 * demand after an action. The server decides what each person may see; this only asks.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { apiErrorText, type ApiClient } from '../../api/client';

export type Load<T> =
  | { kind: 'loading' }
  | { kind: 'ready'; value: T }
  /** The refusal as a sentence in the UI language. */
  | { kind: 'failed'; error: string };

/** `read` must keep its identity while what it reads stays the same (wrap it in useCallback). */
export function useLoad<T>(read: (api: ApiClient) => Promise<T>): [Load<T>, () => Promise<void>] {
  const { api } = useApp();
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load<T>>({ kind: 'loading' });
  const reload = useCallback(async () => {
    try {
      const value = await read(api);
      setLoad({ kind: 'ready', value });
    } catch (error) {
      setLoad({ kind: 'failed', error: apiErrorText(error, t) });
    }
  }, [api, read, t]);
  useEffect(() => {
    let live = true;
    read(api).then(
      (value) => live && setLoad({ kind: 'ready', value }),
      (error: unknown) => live && setLoad({ kind: 'failed', error: apiErrorText(error, t) }),
    );
    return () => {
      live = false;
    };
  }, [api, read, t]);
  return [load, reload];
}

/** Dates as people in the region read them, in the UI language. */
export function formatDate(iso: string, language: string, withTime = true): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(new Date(iso));
}

/** Soles as Peru writes them (S/ 1,370,000) in Spanish; PEN in other languages. */
export function formatMoney(amount: number, language: string): string {
  return new Intl.NumberFormat(language.startsWith('es') ? 'es-PE' : language, {
    style: 'currency',
    currency: 'PEN',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** A score with two decimals, as the UI language writes numbers. */
export function formatScore(value: number, language: string): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}
