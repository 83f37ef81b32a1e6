/**
 * Versions and institutional sign-off (issue 11), as people do it: the lead of «Gobernanza del
 * clúster» freezes a named version of the strategic guidelines and asks two organizations to
 * approve it; the mining company approves, the university approves with observations; the live
 * text then changes; the document shows the outcome and says the text changed after approval;
 * the comparison marks the change; the expediente downloads as a Word file. Real server, real
 * Chromium, demo accounts. Screenshots go to .scratch/ (git-ignored) for review.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import {
  commentsPanel,
  docStatus,
  editorOf,
  insertAtEnd,
  openApp,
  openDocument,
  sidebar,
} from './support/app';
import { ADMIN, ANA, DEMO_GROUPS, LUCIA } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const GUIDELINES = 'Lineamientos estratégicos del clúster — borrador';
const VERSION = 'Versión para consulta con la DREM, 12/03';
const SHOTS = path.join(process.cwd(), '.scratch', 'screenshots');

const servers = serversPerTest({ assets: false });

test.beforeEach(async () => {
  mkdirSync(SHOTS, { recursive: true });
});

async function openHistory(page: Page) {
  await page.getByRole('button', { name: 'Historial' }).click();
  const dialog = page.getByRole('dialog', { name: 'Historial de versiones' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function answer(page: Page, choice: string, text?: string) {
  await openDocument(page, GUIDELINES);
  const dialog = await openHistory(page);
  await dialog.getByRole('button', { name: new RegExp(`^${VERSION}`) }).click();
  const signoff = dialog.getByRole('region', { name: 'Aprobación institucional' });
  await signoff.getByRole('radio', { name: choice, exact: true }).check();
  if (text !== undefined) await signoff.getByRole('textbox', { name: 'Observaciones' }).fill(text);
  await signoff.getByRole('button', { name: 'Enviar respuesta' }).click();
  await expect(signoff.getByRole('row', { name: new RegExp(choice) })).toBeVisible();
  return { dialog, signoff };
}

test('a lead freezes a version, two organizations sign it off, the text changes, the expediente downloads', async ({
  browser,
}) => {
  // Three people in three browser profiles, one after another: longer than the default 90 s on a
  // loaded machine.
  test.setTimeout(240_000);
  const lead = await openApp(browser, servers.appUrl(), ADMIN);
  await openDocument(lead.page, GUIDELINES);
  // A version holds what this computer has: wait until the server's copy has arrived.
  await expect(docStatus(lead.page)).toHaveText('Guardado en el servidor');
  let dialog = await openHistory(lead.page);
  // Only the server's automatic copies so far (opening the document may already have committed).
  await expect(dialog.getByRole('button', { name: new RegExp(`^${VERSION}`) })).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'Nombre de la versión' }).fill(VERSION);
  await dialog.getByRole('textbox', { name: 'Nota (opcional)' }).fill('Texto para la consulta');
  await dialog.getByRole('button', { name: 'Guardar versión' }).click();
  const item = dialog.getByRole('button', { name: new RegExp(`^${VERSION}`) });
  await expect(item).toBeVisible();
  await item.click();

  const signoff = dialog.getByRole('region', { name: 'Aprobación institucional' });
  const organizations = signoff.getByRole('group', { name: 'Organizaciones que deben aprobar' });
  await expect(
    organizations.getByRole('checkbox', { name: /Minera Andina del Sur/ }),
  ).toBeChecked();
  for (const box of await organizations.getByRole('checkbox').all()) await box.uncheck();
  await organizations.getByRole('checkbox', { name: /Minera Andina del Sur/ }).check();
  await organizations
    .getByRole('checkbox', { name: /Universidad Nacional de San Agustín/ })
    .check();
  await signoff.getByRole('radio', { name: 'Todas las organizaciones' }).check();
  await lead.page.screenshot({ path: path.join(SHOTS, 'signoff-ask.png') });
  await signoff.getByRole('button', { name: 'Pedir aprobación' }).click();
  await expect(signoff.getByRole('status')).toHaveText(
    'En aprobación: 0 de 2 organizaciones aprobaron (se necesitan 2).',
  );
  await dialog.getByRole('button', { name: 'Cerrar' }).click();

  // The mining company approves; the university (a viewer of the group) approves with observations.
  const ana = await openApp(browser, servers.appUrl(), ANA);
  await answer(ana.page, 'Aprueba');
  const lucia = await openApp(browser, servers.appUrl(), LUCIA);
  const { dialog: luciaDialog, signoff: seen } = await answer(
    lucia.page,
    'Aprueba con observaciones',
    'Precisar la meta de reúso de agua para 2027.',
  );
  await expect(seen.getByRole('status')).toHaveText(/^Aprobado por 2 de 2 organizaciones el /);
  await expect(
    seen.getByRole('row', { name: /Universidad Nacional de San Agustín/ }),
  ).toContainText('Precisar la meta de reúso de agua para 2027.');
  await lucia.page.screenshot({ path: path.join(SHOTS, 'signoff-table.png') });
  // The group's document list shows the outcome too, refreshed by the answer just sent.
  await luciaDialog.getByRole('button', { name: 'Cerrar' }).click();
  const badge = sidebar(lucia.page).getByRole('img', {
    name: /^Aprobado por 2 de 2 organizaciones el \d{2}\/\d{2}\/\d{4}/,
  });
  await expect(badge).toHaveText('Aprobado 2/2');
  await sidebar(lucia.page).screenshot({ path: path.join(SHOTS, 'signoff-sidebar-badge.png') });

  // The observations become a comment thread on the whole document, for the group to discuss.
  const toggle = lead.page.getByRole('button', { name: 'Comentarios (1)' });
  await expect(toggle).toBeVisible();
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const observation = commentsPanel(lead.page).getByRole('article', {
    name: 'Comentario de Lucía Flores sobre todo el documento',
  });
  await expect(observation).toContainText(
    new RegExp(`Observación de Universidad Nacional de San Agustín.* sobre «${VERSION}»`),
  );
  await expect(observation).toContainText('Precisar la meta de reúso de agua para 2027.');
  await lead.page.screenshot({ path: path.join(SHOTS, 'signoff-observation-thread.png') });

  // The live text changes after the approval: the document says so, next to the outcome.
  await lead.page.reload();
  await expect(editorOf(lead.page)).toBeVisible();
  const banner = lead.page.getByRole('status').filter({ hasText: 'Aprobación institucional de' });
  await expect(banner).toContainText(/Aprobado por 2 de 2 organizaciones el /);
  await expect(banner).not.toContainText('El texto cambió después de la aprobación');
  await insertAtEnd(editorOf(lead.page), 'Nueva meta: 40 % de agua de reúso al 2028.');
  await expect(banner).toContainText('El texto cambió después de la aprobación.');
  await expect(docStatus(lead.page)).toHaveText('Guardado en el servidor');
  await banner.scrollIntoViewIfNeeded();
  await lead.page.screenshot({ path: path.join(SHOTS, 'document-changed-after-approval.png') });

  // The comparison with the current text marks exactly the added sentence.
  dialog = await openHistory(lead.page);
  await dialog.getByRole('button', { name: new RegExp(`^${VERSION}`) }).click();
  await dialog
    .getByRole('combobox', { name: 'Comparar con' })
    .selectOption({ label: 'Texto actual' });
  const comparison = dialog.getByRole('region', { name: /^Cambios entre/ });
  await expect(comparison.locator('ins')).toHaveText([
    'Nueva meta: 40 % de agua de reúso al 2028.',
  ]);
  await expect(comparison.locator('del')).toHaveCount(0);
  // Who wrote it: the server knows the client id the lead's computer typed under.
  await expect(comparison.locator('ins')).toHaveAttribute(
    'title',
    `Insertado por ${ADMIN.name} (${ADMIN.organization})`,
  );
  await comparison.locator('ins').scrollIntoViewIfNeeded();
  await lead.page.screenshot({ path: path.join(SHOTS, 'history-compare.png') });

  // The expediente: a Word file with cover, frozen text and annex.
  const download = lead.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Expediente (DOCX)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`Expediente — ${GUIDELINES}.docx`);
  const saved = path.join(SHOTS, 'expediente.docx');
  await file.saveAs(saved);
  const { value: html } = await mammoth.convertToHtml({ path: saved });
  expect(html).toContain(VERSION);
  expect(html).toContain('<h1>Anexo: aprobación institucional</h1>');
  expect(html).toMatch(/Minera Andina del Sur \(demo\).*Aprueba.*Ana Quispe/s);
  expect(html).toMatch(/Lucía Flores.*Precisar la meta de reúso de agua para 2027\./s);
  expect(html).not.toContain('Nueva meta: 40 %');
});

test('a new document starts from a template', async ({ browser }) => {
  const { page } = await openApp(browser, servers.appUrl(), ANA);
  const group = sidebar(page).getByRole('region', { name: DEMO_GROUPS.innovation });
  await group.getByRole('button', { name: /^Nuevo documento/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Nuevo documento en/ });
  await dialog.getByRole('radio', { name: /Propuesta conjunta de I\+D/ }).check();
  await page.screenshot({ path: path.join(SHOTS, 'template-picker.png') });
  await dialog.getByRole('button', { name: 'Crear documento' }).click();
  await expect(page.getByRole('textbox', { name: 'Título del documento' })).toHaveValue(
    'Propuesta conjunta de I+D',
  );
  const editor = editorOf(page);
  await expect(
    editor.getByRole('heading', { name: 'Consorcio empresa–universidad–proveedor' }),
  ).toBeVisible();
  await expect(editor.getByRole('table').first()).toContainText('Proveedor METS');
});
