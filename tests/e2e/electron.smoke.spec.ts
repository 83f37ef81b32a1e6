/**
 * Desktop smoke test through Playwright's `_electron`. It needs the Electron binary, which
 * cannot be downloaded on every machine (ours included): there it is skipped with one line
 * saying why, and the same UI is covered by the Chromium tests against the web build.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { detectElectron } from '../../scripts/lib/electronBinary.mjs';
import { editorOf, openDocument } from './support/app';
import { removeDir, startSyncServer } from './support/servers';

// Reads the files the electron package would use; unlike require('electron') it never starts
// the package's download of a missing binary.
const binary = detectElectron();
if (!binary.ok) console.log(`Electron smoke test skipped: ${binary.reason}`);

test('the desktop app opens a seeded document from the local sync server', async () => {
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
  try {
    const page = await app.firstWindow();
    const welcome = page.getByRole('dialog', { name: 'Bienvenido a Minka' });
    await welcome.getByRole('textbox', { name: 'Su nombre' }).fill('Ana Quispe');
    await welcome.getByRole('textbox', { name: 'Organización' }).fill('Minera Cerro Verde');
    await welcome.getByRole('button', { name: 'Continuar' }).click();
    await openDocument(page, 'Lineamientos estratégicos del clúster — borrador');
    await expect(editorOf(page)).toContainText('Lineamientos');
  } finally {
    await app.close();
    await sync.kill();
    removeDir(sync.dataDir);
  }
});
