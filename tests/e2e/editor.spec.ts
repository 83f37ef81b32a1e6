/**
 * The editor people reach for first (issue 12): "/" inserts blocks, a table gets rows and
 * columns and scrolls sideways when wide instead of squeezing its columns, and a link typed as
 * "minem.gob.pe" becomes https and opens outside the app through the platform layer.
 */
import { expect, test } from '@playwright/test';
import { editorOf, openApp, openDocument } from './support/app';
import { JORGE } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const servers = serversPerTest();

const DOC = 'Desafíos operacionales 2027';

test('the slash menu inserts a table; rows and columns are added and removed; a wide table scrolls', async ({
  browser,
}) => {
  const { page, context } = await openApp(browser, servers.appUrl(), JORGE);
  await openDocument(page, DOC);
  const editor = editorOf(page);
  await editor.click();
  await editor.press('Control+End');
  await editor.press('Enter');
  await editor.pressSequentially('/tab');
  const menu = page.getByRole('listbox', { name: 'Insertar bloque' });
  await expect(menu.getByRole('option', { name: 'Tabla' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await editor.press('Enter');
  await expect(menu).toBeHidden();

  const table = editor.getByRole('table');
  await expect(table).toHaveCount(1);
  await expect(table.getByRole('row')).toHaveCount(3);
  const controls = page.getByRole('group', { name: 'Tabla' });
  await controls.getByRole('button', { name: 'Insertar fila abajo' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await table.getByRole('row').last().getByRole('cell').first().click();
  await controls.getByRole('button', { name: 'Eliminar fila' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);

  for (let i = 0; i < 6; i++) {
    await controls.getByRole('button', { name: 'Insertar columna a la derecha' }).click();
  }
  await expect(table.getByRole('row').first().getByRole('columnheader')).toHaveCount(9);
  const layout = await table.evaluate((element) => {
    const wrapper = element.parentElement!;
    const widths = Array.from(element.querySelectorAll('tr:first-child > *'), (cell) =>
      Math.round(cell.getBoundingClientRect().width),
    );
    return { scrolls: wrapper.scrollWidth > wrapper.clientWidth, narrowest: Math.min(...widths) };
  });
  expect(layout.scrolls).toBe(true);
  expect(layout.narrowest).toBeGreaterThanOrEqual(119);
  await page.screenshot({ path: '.scratch/wide-table.png' });

  await controls.getByRole('button', { name: 'Eliminar tabla' }).click();
  await expect(editor.getByRole('table')).toHaveCount(0);
  await context.close();
});

test('a link typed as minem.gob.pe becomes https and opens outside the app', async ({
  browser,
}) => {
  const { page, context } = await openApp(browser, servers.appUrl(), JORGE);
  await context.route('https://minem.gob.pe/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>MINEM</title>' }),
  );
  await openDocument(page, DOC);
  const editor = editorOf(page);
  await editor.click();
  await editor.press('Control+End');
  await editor.press('Enter');
  await page.keyboard.insertText('Normas del ministerio');
  await editor.press('Shift+Home');

  const bubble = page.getByRole('toolbar', { name: 'Formato del texto seleccionado' });
  await bubble.getByRole('button', { name: 'Enlace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enlace' });
  await dialog.getByRole('textbox', { name: 'Dirección' }).fill('minem.gob.pe');
  await dialog.getByRole('button', { name: 'Aplicar' }).click();
  const link = editor.getByRole('link', { name: 'Normas del ministerio' });
  await expect(link).toHaveAttribute('href', 'https://minem.gob.pe');

  await link.click();
  const linkBubble = page.getByRole('toolbar', { name: 'Enlace' });
  await expect(linkBubble).toContainText('https://minem.gob.pe');
  const appAddress = page.url();
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    linkBubble.getByRole('button', { name: 'Abrir' }).click(),
  ]);
  await expect(popup).toHaveURL('https://minem.gob.pe/');
  expect(page.url()).toBe(appAddress);

  await linkBubble.getByRole('button', { name: 'Quitar enlace' }).click();
  await expect(editor.getByRole('link', { name: 'Normas del ministerio' })).toHaveCount(0);
  await expect(editor).toContainText('Normas del ministerio');
  await context.close();
});
