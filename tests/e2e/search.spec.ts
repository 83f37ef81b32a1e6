/**
 * Finding things offline (issue 12): the index is built in this browser from the local copies of
 * every room the person may read, including rooms they never opened (fetched in the background),
 * so Ctrl+K finds a word in such a document after the server is gone and opens it at the word.
 * A card is found by its checklist; nobody finds what lives in a group they are not in.
 */
import { expect, test, type Page } from '@playwright/test';
import { editorOf, openApp, sidebar, waitUntilStoredLocally } from './support/app';
import { CARLOS, DEMO_GROUPS, JORGE } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const servers = serversPerTest();

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

test('nobody finds documents of a group they are not in', async ({ browser }) => {
  // The lead of the private group finds its matrix: the word is indexed for members.
  const carlos = await openApp(browser, servers.appUrl(), CARLOS);
  const own = await openPalette(carlos.page);
  await own.field.fill('GISTM');
  await expect(
    own.results.getByRole('option', { name: /Matriz normativa: relaves y agua/ }),
  ).toBeVisible();
  await carlos.context.close();

  const jorge = await openApp(browser, servers.appUrl(), JORGE);
  await waitUntilStoredLocally(jorge.page, 'sumar las lecciones de la última misión a Australia');
  const other = await openPalette(jorge.page);
  await other.field.fill('GISTM');
  await expect(other.palette.getByRole('status')).toHaveText(
    'No hay resultados para «GISTM» en lo que está en este equipo.',
  );
  await other.field.fill('relaves');
  await expect(other.results.getByRole('option').first()).toBeVisible();
  await expect(other.results).not.toContainText('Matriz normativa');
  await expect(other.results).not.toContainText(DEMO_GROUPS.knowledge);
  await jorge.context.close();
});
