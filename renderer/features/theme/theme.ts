/**
 * Light or dark: the system's preference unless the person chose one (kept on this computer in
 * localStorage, read synchronously before the first paint so the app never flashes the wrong
 * theme). The resolved theme is `data-theme` on <html>; styles.css swaps its colour variables.
 */
import './dark.css';
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'minka:theme';
const listeners = new Set<() => void>();

function systemQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null;
}

export function readThemeChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export function resolveTheme(choice: ThemeChoice): Theme {
  if (choice !== 'system') return choice;
  return systemQuery()?.matches === true ? 'dark' : 'light';
}

function apply(): void {
  document.documentElement.dataset['theme'] = resolveTheme(readThemeChoice());
  for (const listener of listeners) listener();
}

export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Without storage the choice lasts until the window closes.
  }
  apply();
}

/** Applies the theme now and follows the system preference from then on. */
export function initTheme(): void {
  apply();
  systemQuery()?.addEventListener('change', apply);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentTheme = (): Theme =>
  document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';

export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, currentTheme, currentTheme);
}
