/**
 * Finding things offline (issue 12): the index is built in this browser from the local copies of
 * every room the person may read, including rooms they never opened (fetched in the background),
 * so Ctrl+K finds a word in such a document after the server is gone and opens it at the word.
 * A card is found by its checklist; nobody finds what lives in a group they are not in.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  commentsPanel,
  editorOf,
  openApp,
  openDocument,
  selectText,
  sidebar,
  waitUntilStoredLocally,
} from './support/app';
import { CARLOS, DEMO_GROUPS, JORGE, LUCIA } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const servers = serversPerTest();

/** A new install asks before downloading every group: says yes on the home screen. */
async function acceptOfflineDownload(page: Page) {
  const ask = page.getByRole('group', {
    name: '¿Descargar sus grupos para trabajar sin conexión?',
  });
  await ask.getByRole('button', { name: /^Descargar \d/ }).click();
  await expect(ask).toBeHidden();
}

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Buscar y ejecutar comandos' });
  await expect(palette).toBeVisible();
  return {
    palette,
    field: palette.getByRole('combobox', {
      name: 'Buscar documentos, tableros, tarjetas y comandos',
    }),
    results: palette.getByRole('listbox', { name: 'Resultados' }),
  };
}

test('offline, Ctrl+K finds a word in a document never opened in this browser and opens it at the word', async ({
  browser,
}) => {
  const jorge = await openApp(browser, servers.appUrl(), JORGE);
  await acceptOfflineDownload(jorge.page);
  // Nothing was opened: the paragraph can only reach this browser through the background fetch.
  await waitUntilStoredLocally(jorge.page, 'sumar las lecciones de la última misión a Australia');
  await servers.sync.kill();

  const { field, results } = await openPalette(jorge.page);
  await field.fill('mision australia');
  const group = results.getByRole('group', { name: `${DEMO_GROUPS.missions} · Documentos` });
  const hit = group.getByRole('option', { name: /Lecciones de misiones anteriores/ });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark')).toHaveText(['misión', 'Australia']);
  await field.press('Enter');

  await expect(jorge.page.getByRole('textbox', { name: 'Título del documento' })).toHaveValue(
    'Lecciones de misiones anteriores',
  );
  await expect(editorOf(jorge.page)).toBeFocused();
  await expect
    .poll(() => jorge.page.evaluate(() => window.getSelection()?.toString()))
    .toBe('misión');
  await jorge.context.close();
});

test('a card is found by a word of its checklist and opens with its panel', async ({ browser }) => {
  const jorge = await openApp(browser, servers.appUrl(), JORGE);
  const page = jorge.page;
  await sidebar(page)
    .getByRole('button', { name: `Nuevo tablero en ${DEMO_GROUPS.innovation}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Nuevo tablero en ${DEMO_GROUPS.innovation}` });
  await dialog.getByRole('textbox', { name: 'Nombre del tablero' }).fill('Pilotos 2027');
  await dialog.getByRole('button', { name: 'Crear tablero' }).click();
  await page.getByRole('button', { name: 'Añadir tarjeta en Desafíos recibidos' }).click();
  const input = page.getByRole('textbox', { name: 'Título de la nueva tarjeta' });
  await input.fill('Inspección de taludes');
  await input.press('Enter');
  await input.press('Escape');
  await page
    .getByRole('region', { name: 'Desafíos recibidos' })
    .getByRole('button', { name: 'Inspección de taludes', exact: true })
    .click();
  const panel = page.getByRole('dialog', { name: /Inspección de taludes/ });
  const step = panel.getByRole('textbox', { name: 'Nuevo paso' });
  await step.fill('Cotizar vuelos con drones térmicos');
  await step.press('Enter');
  await expect(panel.getByText('Cotizar vuelos con drones térmicos')).toBeVisible();
  await panel.press('Escape');
  await expect(panel).toBeHidden();
  await sidebar(page).getByRole('link', { name: 'Desafíos operacionales 2027' }).click();

  const { field, results } = await openPalette(page);
  await field.fill('termicos');
  const hit = results
    .getByRole('group', { name: `${DEMO_GROUPS.innovation} · Tarjetas` })
    .getByRole('option', { name: /Inspección de taludes/ });
  await expect(hit).toContainText('tarjeta de Pilotos 2027');
  await hit.click();
  await expect(page.getByRole('dialog', { name: /Inspección de taludes/ })).toBeVisible();
  // The board opened under the panel (a modal dialog hides the rest from the accessibility tree).
  await expect(page).toHaveURL(/#\/g\/[^/]+\/b\/[^/]+\/./);
  await jorge.context.close();
});

/** The seeded program's challenge that cites GISTM (sync-server/seed/demoInnovation.ts). */
const RELAVES_CHALLENGE = /Monitoreo continuo de la estabilidad de la presa de relaves/;

test('nobody finds documents of a group they are not in', async ({ browser }) => {
  // The lead of the private group finds its matrix: the word is indexed for members.
  const carlos = await openApp(browser, servers.appUrl(), CARLOS);
  await acceptOfflineDownload(carlos.page);
  const own = await openPalette(carlos.page);
  await own.field.fill('GISTM');
  await expect(
    own.results.getByRole('option', { name: /Matriz normativa: relaves y agua/ }),
  ).toBeVisible();
  await carlos.context.close();

  // Jorge is in the program, whose relaves challenge also cites GISTM: he finds that challenge,
  // and nothing of the private group.
  const jorge = await openApp(browser, servers.appUrl(), JORGE);
  await acceptOfflineDownload(jorge.page);
  await waitUntilStoredLocally(jorge.page, 'cumplimiento del estándar GISTM');
  const other = await openPalette(jorge.page);
  await other.field.fill('GISTM');
  await expect(
    other.results
      .getByRole('group', { name: `${DEMO_GROUPS.innovation} · Documentos` })
      .getByRole('option', { name: RELAVES_CHALLENGE }),
  ).toBeVisible();
  await expect(other.results).not.toContainText('Matriz normativa');
  await expect(other.results).not.toContainText(DEMO_GROUPS.knowledge);
  // «relaves» is also in the matrix's title.
  await other.field.fill('relaves');
  await expect(
    other.results.getByRole('option', { name: RELAVES_CHALLENGE }).first(),
  ).toBeVisible();
  await expect(other.results).not.toContainText('Matriz normativa');
  await expect(other.results).not.toContainText(DEMO_GROUPS.knowledge);
  await jorge.context.close();
});

test('comments are found by their words, open the document at the thread, and say when resolved', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const QUOTE = 'sensores de bajo costo';
  const jorge = await openApp(browser, servers.appUrl(), JORGE);
  await openDocument(jorge.page, 'Desafíos operacionales 2027');
  await selectText(jorge.editor, QUOTE);
  await jorge.page.keyboard.press('Control+Alt+m');
  const panel = commentsPanel(jorge.page);
  await panel
    .getByRole('textbox', { name: 'Comentario' })
    .pressSequentially('¿Sirven con la geomembrana nueva?', { delay: 5 });
  await panel.getByRole('button', { name: 'Comentar', exact: true }).click();
  const card = (page: Page) =>
    commentsPanel(page).getByRole('article', {
      name: `Comentario de Jorge Mamani sobre «${QUOTE}»`,
    });
  await expect(card(jorge.page)).toBeVisible();
  await expect(jorge.page.getByRole('banner').getByText('Guardado en el servidor')).toBeVisible({
    timeout: 30_000,
  });

  // Lucía (same group) has never opened the document: the thread reaches her in the background.
  const lucia = await openApp(browser, servers.appUrl(), LUCIA);
  await acceptOfflineDownload(lucia.page);
  const { field, results, palette } = await openPalette(lucia.page);
  await field.fill('geomembrana');
  const hit = results
    .getByRole('group', { name: `${DEMO_GROUPS.innovation} · Comentarios` })
    .getByRole('option', { name: /Desafíos operacionales 2027/ });
  await expect(hit).toBeVisible({ timeout: 60_000 });
  await expect(hit).toContainText('comentario');
  await expect(hit).not.toContainText('resuelto');
  await expect(hit.locator('mark')).toHaveText(['geomembrana']);
  await lucia.page.screenshot({ path: '/tmp/shots/i12c-search/search-comment.png' });
  await field.press('Enter');
  await expect(palette).toBeHidden();
  await expect(card(lucia.page)).toBeVisible();
  await expect(card(lucia.page)).toHaveClass(/is-active/);

  // Jorge resolves it; Lucía's result says so.
  await card(jorge.page).getByRole('button', { name: 'Resolver' }).click();
  await expect(lucia.page.getByRole('tab', { name: 'Resueltos (1)' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(card(lucia.page)).toHaveCount(0);
  const again = await openPalette(lucia.page);
  await again.field.fill('geomembrana');
  const resolved = again.results.getByRole('option', { name: /Desafíos operacionales 2027/ });
  await expect(resolved).toContainText('comentario resuelto', { timeout: 30_000 });
  await lucia.page.screenshot({ path: '/tmp/shots/i12c-search/search-comment-resolved.png' });
  // Opening a resolved thread shows it although the panel was on "Abiertos".
  await again.field.press('Enter');
  await expect(card(lucia.page)).toHaveClass(/is-active/);
  await expect(card(lucia.page)).toHaveClass(/is-resolved/);
  await jorge.context.close();
  await lucia.context.close();

  // Someone outside the group does not find it.
  const carlos = await openApp(browser, servers.appUrl(), CARLOS);
  const outside = await openPalette(carlos.page);
  await outside.field.fill('geomembrana');
  await expect(outside.palette.getByRole('status')).toHaveText(
    'No hay resultados para «geomembrana» en lo que está en este equipo.',
  );
  await carlos.context.close();
});

test('the palette translates itself at once when the language changes while it is open', async ({
  browser,
}) => {
  const { page, context } = await openApp(browser, servers.appUrl(), JORGE);
  const { field } = await openPalette(page);
  await field.fill('idioma');
  await field.press('Enter');

  const palette = page.getByRole('dialog', { name: 'Search and run commands' });
  await expect(palette).toBeVisible();
  const english = palette.getByRole('combobox', {
    name: 'Search documents, boards, cards and commands',
  });
  await expect(english).toHaveValue('');
  await expect(english).toHaveAttribute('placeholder', 'Search all your groups or type a command…');
  const commands = palette.getByRole('group', { name: 'Commands' });
  await expect(commands.getByRole('option', { name: 'Switch language to Español' })).toBeVisible();
  await expect(commands.getByRole('option', { name: 'New document' })).toBeVisible();
  await english.fill('relaves');
  await expect(
    palette
      .getByRole('group', { name: 'Go to' })
      .getByRole('option', { name: /Propuesta conjunta de I\+D: relaves · Document/ }),
  ).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/i12c-search/palette-english.png' });

  await english.fill('language');
  await english.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Buscar y ejecutar comandos' })).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Comandos' }).getByRole('option', {
      name: 'Cambiar idioma a English',
    }),
  ).toBeVisible();
  await context.close();
});

test('a new install shows what it will download before downloading; a group turned on later too', async ({
  browser,
}) => {
  const { page, context } = await openApp(browser, servers.appUrl(), JORGE);
  const ask = page.getByRole('group', {
    name: '¿Descargar sus grupos para trabajar sin conexión?',
  });
  await expect(ask).toContainText('sus 2 grupos');
  const download = ask.getByRole('button', { name: /^Descargar \d+([.,]\d)? (B|KB|MB)$/ });
  await expect(download).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/i12c-search/offline-ask.png' });
  // Nothing is fetched while the question is open.
  const missions = page.getByRole('listitem').filter({ hasText: DEMO_GROUPS.missions });
  await expect(missions.getByRole('status')).toHaveText(/^0 de 2 elementos en este equipo/);

  await ask.getByRole('button', { name: 'Ahora no' }).click();
  await expect(ask).toBeHidden();
  const toggle = page.getByRole('switch', {
    name: `Mantener ${DEMO_GROUPS.missions} disponible sin conexión`,
  });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  const confirm = page.getByRole('group', { name: DEMO_GROUPS.missions });
  await expect(confirm).toContainText(
    new RegExp(`Se descargarán \\d+([.,]\\d)? (B|KB|MB) de ${DEMO_GROUPS.missions}\\.`),
  );
  await page.screenshot({ path: '/tmp/shots/i12c-search/offline-confirm-group.png' });
  await confirm.getByRole('button', { name: /^Descargar \d/ }).click();
  await expect(toggle).toBeChecked();
  await expect(missions.getByRole('status')).toHaveText(/^Los 2 elementos están en este equipo/, {
    timeout: 60_000,
  });
  // The other group stays as the person left it.
  await expect(
    page.getByRole('switch', {
      name: `Mantener ${DEMO_GROUPS.innovation} disponible sin conexión`,
    }),
  ).not.toBeChecked();
  await context.close();
});
