/**
 * The web client as the sync server itself serves it (no separate static server): its service
 * worker keeps the app's files, so a tab reloaded while the server is down still opens Minka
 * with the document and its text from IndexedDB; and a new build deployed on the server is
 * offered as "Versión nueva disponible — Actualizar", never swapped in under the person.
 */
import { cpSync, appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { docStatus, editorOf, openApp, openDocument, typeAtEnd } from './support/app';
import { ANA } from './support/demoAccounts';
import { removeDir, rendererDir, serversPerTest } from './support/servers';

const DOC = 'Lineamientos estratégicos del clúster — borrador';

let staticDir: string;

test.beforeEach(() => {
  // A copy of the build, so a test can "deploy" a new one without touching out/renderer.
  staticDir = mkdtempSync(path.join(tmpdir(), 'minka-web-'));
  cpSync(rendererDir, staticDir, { recursive: true });
});

test.afterEach(() => {
  removeDir(staticDir);
});

const servers = serversPerTest({ assets: false, sync: () => ({ staticDir }) });

/** Waits until the service worker is active and controls this page. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
}

test('a tab reloaded with the server down still opens the document and its text', async ({
  browser,
}) => {
  const a = await openApp(browser, servers.sync.url, ANA);
  await waitForServiceWorker(a.page);
  await openDocument(a.page, DOC);
  await typeAtEnd(a.editor, 'Escrito antes del corte de red.');
  await expect(docStatus(a.page)).toHaveText('Guardado en el servidor');

  await servers.sync.kill();
  await a.page.reload();

  await openDocument(a.page, DOC);
  await expect(editorOf(a.page)).toContainText('Escrito antes del corte de red.');
  await expect(docStatus(a.page)).toContainText('Sin conexión');
  // The worker never answers the API from a cache: with the server gone, it fails.
  const apiAnswer = await a.page.evaluate(() =>
    fetch('/api/me').then(
      (response) => `HTTP ${response.status}`,
      () => 'network error',
    ),
  );
  expect(apiAnswer).toBe('network error');
});

test('a new build on the server is offered, and taking it reloads into the new version', async ({
  browser,
}) => {
  const a = await openApp(browser, servers.sync.url, ANA);
  await waitForServiceWorker(a.page);
  const update = a.page.getByRole('button', { name: 'Actualizar' });
  await expect(update).toHaveCount(0);

  // "Deploy": the new build's sw.js differs (its precache list would name new hashes).
  appendFileSync(path.join(staticDir, 'sw.js'), '\n// build 2\n');
  await a.page.evaluate(() =>
    navigator.serviceWorker.getRegistration().then((registration) => registration?.update()),
  );

  await expect(a.page.getByText('Versión nueva disponible')).toBeVisible();
  await a.page.screenshot({ path: '.scratch/update-notice.png' });
  const reloaded = a.page.waitForEvent('framenavigated');
  await update.click();
  await reloaded;
  await expect(a.page.getByRole('navigation', { name: 'Mis grupos' })).toBeVisible();
  await expect(update).toHaveCount(0);
  const activeScript = await a.page.evaluate(
    () => navigator.serviceWorker.controller?.scriptURL ?? null,
  );
  expect(activeScript).toBe(`${servers.sync.url}/sw.js`);
});
