// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi, type Mock } from 'vitest';
import { SignOutDialog } from '../../../../../renderer/features/account/SignOutDialog';
import { resources } from '../../../../../renderer/i18n';
import { openWorkspaceDb, type WorkspaceDexie } from '../../../../../renderer/storage/workspaceDb';
import type { AppSyncStatus, DocRegistry } from '../../../../../renderer/sync/DocRegistry';
import { RegistryContext } from '../../../../../renderer/sync/RegistryContext';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ROOM = 'g/00000000-0000-4000-8000-000000000001/doc/00000000-0000-4000-8000-000000000002';
let root: Root | null = null;

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources, lng: 'es-419', fallbackLng: 'es-419' });
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

/** A registry as the dialog sees it: an app-wide status that tests can move. */
function fakeRegistry(pending: number) {
  let status: AppSyncStatus = {
    connected: true,
    pending,
    allSaved: pending === 0,
    rooms: 1,
    refused: 0,
  };
  const listeners = new Set<() => void>();
  const registry = {
    getStatus: () => status,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as DocRegistry;
  const setPending = (next: number) => {
    status = { ...status, pending: next, allSaved: next === 0 };
    listeners.forEach((listener) => listener());
  };
  return { registry, setPending };
}

async function dbWith(pendingChanges: number): Promise<WorkspaceDexie> {
  const db = openWorkspaceDb(`signout-dialog-${Math.random()}`);
  await db.open();
  for (let i = 0; i < pendingChanges; i += 1) {
    await db.changes.add({ room: ROOM, update: new Uint8Array([0, 0]), at: i });
  }
  return db;
}

async function render(
  db: WorkspaceDexie,
  registry: DocRegistry,
  onSignOut: Mock<(keep: boolean) => void>,
) {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root!.render(
      <RegistryContext.Provider value={registry}>
        <SignOutDialog
          db={db}
          userName="Ana Quispe"
          onCancel={() => undefined}
          onSignOut={onSignOut}
        />
      </RegistryContext.Provider>,
    );
  });
  // The dialog first counts the changes waiting here; then it either signs out or asks.
  await vi.waitFor(() =>
    expect(
      onSignOut.mock.calls.length > 0 || document.querySelector('[role="alertdialog"]') !== null,
    ).toBe(true),
  );
}

const button = (name: string) =>
  [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === name);

describe('SignOutDialog', () => {
  it('signs out at once, allowing the synced database to go, when nothing waits', async () => {
    const onSignOut = vi.fn<(keep: boolean) => void>();
    await render(await dbWith(0), fakeRegistry(0).registry, onSignOut);
    expect(onSignOut).toHaveBeenCalledExactlyOnceWith(false);
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
  });

  it('asks when changes wait only on this computer, and keeps them when told to', async () => {
    const onSignOut = vi.fn<(keep: boolean) => void>();
    await render(await dbWith(3), fakeRegistry(0).registry, onSignOut);
    const dialog = document.querySelector('[role="alertdialog"]');
    expect(dialog?.textContent).toContain('3 cambios están guardados solo en este equipo.');
    expect(onSignOut).not.toHaveBeenCalled();
    await act(async () => button('Cerrar sesión y conservar los cambios en este equipo')!.click());
    expect(onSignOut).toHaveBeenCalledExactlyOnceWith(true);
  });

  it('while waiting, signs out by itself once everything reached the server', async () => {
    const onSignOut = vi.fn<(keep: boolean) => void>();
    const db = await dbWith(1);
    const { registry, setPending } = fakeRegistry(1);
    await render(db, registry, onSignOut);
    await act(async () => button('Esperar a sincronizar')!.click());
    expect(document.querySelector('[role="alertdialog"]')?.textContent).toContain(
      'Esperando a que se sincronice 1 cambio',
    );
    expect(onSignOut).not.toHaveBeenCalled();
    await db.changes.clear();
    await act(async () => setPending(0));
    await vi.waitFor(() => expect(onSignOut).toHaveBeenCalledExactlyOnceWith(false));
  });
});
