// @vitest-environment happy-dom
// The renderer half of the desktop integration against a fake bridge: what the quit guard is
// told, where menu and minka:// commands lead, and which language main hears.
import i18next from 'i18next';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppCommand, MinkaBridge } from '../../../../shared/ipc/bridge';
import { AppContext, type AppContextValue } from '../../../../renderer/app/AppContext';
import { useDesktopIntegration } from '../../../../renderer/app/useDesktopIntegration';
import { NEW_BOARD_EVENT } from '../../../../renderer/features/boards/newBoardRequest';
import { resources } from '../../../../renderer/i18n';
import type { DocRegistry } from '../../../../renderer/sync/DocRegistry';
import { RegistryContext } from '../../../../renderer/sync/RegistryContext';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const G = '0b7e7c1e-2f4a-4c1d-9d7e-1a2b3c4d5e6f';
const D = '6f5e4d3c-2b1a-4e7d-9d1c-4a2f1e7c7e0b';
const host = window as unknown as { minka?: MinkaBridge };
let root: Root | null = null;

function Probe() {
  useDesktopIntegration();
  return null;
}

function mount(pending: number, editorIn: string[] = []) {
  let command: ((command: AppCommand) => void) | null = null;
  let countPending: (() => number | Promise<number>) | null = null;
  const setLanguage = vi.fn(() => Promise.resolve());
  host.minka = {
    serverUrl: 'http://127.0.0.1:4455',
    setLanguage,
    onCommand: (listener: (value: AppCommand) => void) => {
      command = listener;
      return () => (command = null);
    },
    onQuitCheck: (handler: () => number | Promise<number>) => {
      countPending = handler;
      return () => (countPending = null);
    },
  } as unknown as MinkaBridge;
  const registry = { getStatus: () => ({ pending, connected: false, allSaved: false, rooms: 1 }) };
  const app = {
    profile: { name: 'Ana Quispe' },
    me: { memberships: editorIn.map((id) => ({ group: { id }, role: 'editor' })) },
    roleIn: (groupId: string) => (editorIn.includes(groupId) ? 'editor' : null),
  } as unknown as AppContextValue;
  root = createRoot(document.createElement('div'));
  act(() =>
    root!.render(
      <AppContext.Provider value={app}>
        <RegistryContext.Provider value={registry as unknown as DocRegistry}>
          <Probe />
        </RegistryContext.Provider>
      </AppContext.Provider>,
    ),
  );
  return {
    send: (value: AppCommand) => act(() => command?.(value)),
    countPending: () => countPending?.(),
    setLanguage,
    registered: () => command !== null && countPending !== null,
  };
}

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources, lng: 'es-419', fallbackLng: 'es-419' });
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  delete host.minka;
  window.location.hash = '';
});

describe('useDesktopIntegration', () => {
  it('answers the quit guard with the registry’s count of unsent changes', () => {
    const desktop = mount(3);
    expect(desktop.countPending()).toBe(3);
  });

  it('tells main the UI language, and again when it changes', async () => {
    const desktop = mount(0);
    expect(desktop.setLanguage).toHaveBeenLastCalledWith('es-419');
    await act(() => i18next.changeLanguage('en'));
    expect(desktop.setLanguage).toHaveBeenLastCalledWith('en');
    await act(() => i18next.changeLanguage('es-419'));
  });

  it('does not create a document where the person may not write', () => {
    const desktop = mount(0);
    desktop.send({ kind: 'new-document' });
    expect(window.location.hash).toBe('');
  });

  it('asks the group the person may write in to open its new-board dialog', () => {
    const asked: string[] = [];
    const listener = (event: Event) => asked.push((event as CustomEvent<string>).detail);
    window.addEventListener(NEW_BOARD_EVENT, listener);
    try {
      mount(0, [G]).send({ kind: 'new-board' });
      expect(asked).toEqual([G]);
    } finally {
      window.removeEventListener(NEW_BOARD_EVENT, listener);
    }
  });

  it('asks the group of the open board, not the first writable group, for a new board', () => {
    const other = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    const asked: string[] = [];
    const listener = (event: Event) => asked.push((event as CustomEvent<string>).detail);
    window.addEventListener(NEW_BOARD_EVENT, listener);
    try {
      window.location.hash = `#/g/${other}/b/${D}`;
      mount(0, [G, other]).send({ kind: 'new-board' });
      expect(asked).toEqual([other]);
    } finally {
      window.removeEventListener(NEW_BOARD_EVENT, listener);
    }
  });

  it('lets go of the bridge when the app shell unmounts', () => {
    const desktop = mount(0);
    expect(desktop.registered()).toBe(true);
    act(() => root?.unmount());
    root = null;
    expect(desktop.registered()).toBe(false);
  });
});
