/**
 * Desktop smoke test through Playwright's `_electron`: launch, sign in to a local sync server,
 * open a document, then quit through the quit guard. It needs the Electron binary, which cannot
 * be downloaded on every machine (ours included): there it is skipped with one line saying why,
 * and the same UI is covered by the Chromium tests against the web build.
 *
 * Native message boxes cannot be clicked by Playwright, so the test replaces
 * `dialog.showMessageBox` in main with a recorder that answers as the person would.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { detectElectron } from '../../scripts/lib/electronBinary.mjs';
import { editorOf, openDocument, signIn, typeAtEnd } from './support/app';
import { ANA } from './support/demoAccounts';
import { removeDir, startSyncServer } from './support/servers';

// Reads the files the electron package would use; unlike require('electron') it never starts
// the package's download of a missing binary.
const binary = detectElectron();
if (!binary.ok) console.log(`Electron smoke test skipped: ${binary.reason}`);

const DOC = 'Lineamientos estratégicos del clúster — borrador';

test('the desktop app signs in, opens a document and quits through the quit guard', async () => {
  test.skip(!binary.ok, binary.ok ? '' : binary.reason);
  if (!binary.ok) return;
  const sync = await startSyncServer();
  const app = await electron.launch({
    executablePath: binary.path,
    // The app folder, not the script: Electron takes the app's name (and so the folder of its
    // IndexedDB) from package.json.
    args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, MINKA_SERVER_URL: sync.url },
  });
  const closed = new Promise<void>((resolve) => app.once('close', () => resolve()));
  try {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://minka/index.html');
    await signIn(page, ANA);
    await openDocument(page, DOC);
    await expect(editorOf(page)).toContainText('Lineamientos');

    // With the server gone, an edit is saved only on this computer.
    await sync.kill();
    await typeAtEnd(editorOf(page), 'Acuerdo tomado sin conexión en la mina.');

    await app.evaluate(({ dialog }) => {
      const host = globalThis as unknown as { quitDialogs: unknown[]; quitAnswer: number };
      host.quitDialogs = [];
      host.quitAnswer = 1;
      dialog.showMessageBox = (async (...args: unknown[]) => {
        host.quitDialogs.push(args.at(-1));
        return { response: host.quitAnswer, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
    });
    const dialogs = () =>
      app.evaluate(
        () =>
          (globalThis as unknown as { quitDialogs: { message: string; buttons: string[] }[] })
            .quitDialogs,
      );

    // "Esperar": the app stays open.
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await expect.poll(async () => (await dialogs()).length).toBe(1);
    const [asked] = await dialogs();
    expect(asked?.message).toMatch(/^Hay \d+ cambios? guardados? solo en este equipo\.$/);
    expect(asked?.buttons).toEqual(['Salir de todos modos', 'Esperar']);
    await expect(editorOf(page)).toContainText('Acuerdo tomado sin conexión');

    // "Salir de todos modos": the app quits.
    await app.evaluate(() => {
      (globalThis as unknown as { quitAnswer: number }).quitAnswer = 0;
    });
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await closed;
  } finally {
    await app.close().catch(() => undefined);
    await sync.kill().catch(() => undefined);
    removeDir(sync.dataDir);
  }
});
