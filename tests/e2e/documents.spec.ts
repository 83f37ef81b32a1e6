/**
 * Two editors of the same group (demo accounts) co-author a seeded document, then keep working with the server gone: their
 * edits must survive a reload from IndexedDB alone and converge once the server is back.
 */
import { expect, test } from '@playwright/test';
import { docStatus, documentText, editorOf, openApp, openDocument, typeAtEnd } from './support/app';
import { ANA, ROSA } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const DOC = 'Lineamientos estratégicos del clúster — borrador';
/** Both are editors of «Gobernanza del clúster», where DOC lives. */
const ana = ANA;
const rosa = ROSA;

const servers = serversPerTest();

test('two people see each other’s text and caret while co-editing', async ({ browser }) => {
  const a = await openApp(browser, servers.appUrl(), ana);
  const b = await openApp(browser, servers.appUrl(), rosa);
  await openDocument(a.page, DOC);
  await openDocument(b.page, DOC);

  await typeAtEnd(a.editor, 'Propuesta de Ana: mesa técnica de agua.');
  await expect(b.editor).toContainText('Propuesta de Ana: mesa técnica de agua.', {
    timeout: 2_000,
  });

  await typeAtEnd(b.editor, 'Comentario de Rosa: incluir a la ANA.');
  await expect(a.editor).toContainText('Comentario de Rosa: incluir a la ANA.', { timeout: 2_000 });

  await expect(a.editor.getByText(rosa.name)).toBeVisible({ timeout: 2_000 });
  await b.editor.click();
  await expect(b.editor.getByText(ana.name)).toBeVisible({ timeout: 2_000 });

  await expect(docStatus(a.page)).toHaveText('Guardado en el servidor');
  await expect(docStatus(b.page)).toHaveText('Guardado en el servidor');
});

test('edits made with the server down survive a reload and converge when it returns', async ({
  browser,
}) => {
  const a = await openApp(browser, servers.appUrl(), ana);
  const b = await openApp(browser, servers.appUrl(), rosa);
  await openDocument(a.page, DOC);
  await openDocument(b.page, DOC);
  await expect(docStatus(a.page)).toHaveText('Guardado en el servidor');

  await servers.sync.kill();
  await expect(docStatus(a.page)).toContainText('Sin conexión');
  await expect(docStatus(b.page)).toContainText('Sin conexión');

  await typeAtEnd(a.editor, 'Escrito por Ana sin red en la mina.');
  await typeAtEnd(b.editor, 'Escrito por Rosa sin red en Arequipa.');
  await expect(docStatus(a.page)).toHaveText(
    /^Sin conexión — \d+ cambios? guardados? en este equipo$/,
  );
  await expect(docStatus(b.page)).toHaveText(
    /^Sin conexión — \d+ cambios? guardados? en este equipo$/,
  );

  await a.page.reload();
  await openDocument(a.page, DOC);
  await expect(editorOf(a.page)).toContainText('Escrito por Ana sin red en la mina.');
  await expect(docStatus(a.page)).toHaveText(
    /^Sin conexión — \d+ cambios? guardados? en este equipo$/,
  );

  await servers.restartSync();

  for (const page of [a.page, b.page]) {
    await expect(docStatus(page)).toHaveText('Guardado en el servidor', { timeout: 20_000 });
    await expect(editorOf(page)).toContainText('Escrito por Ana sin red en la mina.');
    await expect(editorOf(page)).toContainText('Escrito por Rosa sin red en Arequipa.');
  }
  expect(await documentText(a.page)).toBe(await documentText(b.page));
});

test('a sentence typed just before the page reloads is still there, with the server down', async ({
  browser,
}) => {
  const a = await openApp(browser, servers.appUrl(), ana);
  await openDocument(a.page, DOC);
  await expect(docStatus(a.page)).toHaveText('Guardado en el servidor');
  await servers.sync.kill();
  await expect(docStatus(a.page)).toContainText('Sin conexión');

  await typeAtEnd(a.editor, 'Última frase antes de recargar.');
  // No waiting for IndexedDB: the reload comes right after the last keystroke.
  await a.page.reload();
  await openDocument(a.page, DOC);
  await expect(editorOf(a.page)).toContainText('Última frase antes de recargar.');
  await expect(docStatus(a.page)).toHaveText(
    /^Sin conexión — \d+ cambios? guardados? en este equipo$/,
  );
});
