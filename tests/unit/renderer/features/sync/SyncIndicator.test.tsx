// @vitest-environment happy-dom
import i18next from 'i18next';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  LiveSyncIndicator,
  SAVED_SETTLE_MS,
  SyncIndicator,
  type SyncIndicatorProps,
} from '../../../../../renderer/features/sync/SyncIndicator';
import { resources } from '../../../../../renderer/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources, lng: 'es-419', fallbackLng: 'es-419' });
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

function shown(props: SyncIndicatorProps): HTMLElement {
  const container = document.createElement('div');
  root = createRoot(container);
  act(() => root!.render(<SyncIndicator {...props} />));
  return container.querySelector('[role="status"]')!;
}

describe('SyncIndicator', () => {
  it('says how many changes wait on this computer while offline, with Spanish plurals', () => {
    expect(shown({ connected: false, pending: 1, savedReceived: false }).textContent).toBe(
      'Sin conexión — 1 cambio guardado en este equipo',
    );
    act(() => root!.unmount());
    expect(shown({ connected: false, pending: 3, savedReceived: true }).textContent).toBe(
      'Sin conexión — 3 cambios guardados en este equipo',
    );
  });

  it('claims "saved" only when nothing is pending and the server sent its saved vector', () => {
    expect(shown({ connected: true, pending: 2, savedReceived: true }).textContent).toBe(
      'Sincronizando…',
    );
    act(() => root!.unmount());
    expect(shown({ connected: true, pending: 0, savedReceived: false }).textContent).toBe(
      'Sincronizando…',
    );
    act(() => root!.unmount());
    const status = shown({ connected: true, pending: 0, savedReceived: true });
    expect(status.textContent).toBe('Guardado en el servidor');
    expect(status.getAttribute('aria-live')).toBe('polite');
  });
});

describe('SyncIndicator with changes the server refused', () => {
  it('says they wait for access instead of syncing forever', () => {
    expect(
      shown({ connected: true, pending: 2, savedReceived: true, refused: 2 }).textContent,
    ).toBe('Pendiente — requiere acceso: 2 cambios solo en este equipo');
  });

  it('is offline first when there is no connection', () => {
    expect(
      shown({ connected: false, pending: 1, savedReceived: false, refused: 1 }).textContent,
    ).toBe('Sin conexión — 1 cambio guardado en este equipo');
  });
});

describe('LiveSyncIndicator', () => {
  it('follows the status it subscribes to, icon and words, and lets go when unmounted', async () => {
    let status: SyncIndicatorProps = { connected: true, pending: 0, savedReceived: true };
    const listeners = new Set<() => void>();
    const subscribe = (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    const set = async (next: SyncIndicatorProps) => {
      status = next;
      for (const listener of listeners) listener();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    };
    const container = document.createElement('div');
    root = createRoot(container);
    act(() => root!.render(<LiveSyncIndicator subscribe={subscribe} read={() => status} />));
    const element = container.querySelector('[role="status"]')!;
    expect(element.textContent).toBe('Guardado en el servidor');
    expect(element.classList.contains('sync-saved')).toBe(true);

    await set({ connected: true, pending: 1, savedReceived: true });
    expect(element.textContent).toBe('Sincronizando…');
    expect(element.classList.contains('sync-syncing')).toBe(true);
    // The icon turns only when syncing lasts, not for the moment each keystroke syncs.
    expect(element.classList.contains('sync-spin')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(element.classList.contains('sync-spin')).toBe(true);
    // "Saved" after syncing waits until it has held a moment (the next keystroke syncs again),
    // and a change pending meanwhile keeps "syncing" without waiting.
    await set({ connected: true, pending: 0, savedReceived: true });
    expect(element.textContent).toBe('Sincronizando…');
    await set({ connected: true, pending: 1, savedReceived: true });
    await set({ connected: true, pending: 0, savedReceived: true });
    await new Promise((resolve) => setTimeout(resolve, SAVED_SETTLE_MS / 2));
    expect(element.textContent).toBe('Sincronizando…');
    await new Promise((resolve) => setTimeout(resolve, SAVED_SETTLE_MS));
    expect(element.textContent).toBe('Guardado en el servidor');
    expect(element.classList.contains('sync-spin')).toBe(false);
    await set({ connected: true, pending: 1, savedReceived: true });
    await set({ connected: false, pending: 2, savedReceived: true });
    expect(element.textContent).toBe('Sin conexión — 2 cambios guardados en este equipo');
    await set({ connected: false, pending: 3, savedReceived: true });
    expect(element.textContent).toBe('Sin conexión — 3 cambios guardados en este equipo');
    expect(element.classList.contains('sync-offline')).toBe(true);
    expect(element.classList.contains('sync-spin')).toBe(false);

    act(() => root!.unmount());
    root = null;
    expect(listeners.size).toBe(0);
  });
});
