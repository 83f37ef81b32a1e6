/**
 * A document's «Tarjetas vinculadas» come from this person's local index of the group's boards
 * (issue 16): linking a card on a board lists it under the document, with its board and column,
 * unlinking takes it away, and opening the document opens no socket to the board.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, openDocument, sidebar } from './support/app';
import { DEMO_GROUPS, JORGE } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const BOARD = 'Seguimiento de pilotos';
const DOC = 'Desafíos operacionales 2027';
const COLUMN = 'Desafíos recibidos';
const CARD = 'Medir caudal en la relavera';

const servers = serversPerTest();

async function openCardPanel(page: Page): Promise<void> {
  await sidebar(page).getByRole('link', { name: BOARD }).click();
  await page
    .getByRole('region', { name: COLUMN })
    .getByRole('button', { name: CARD, exact: true })
    .click();
}

test('linked cards are listed from the index, follow link and unlink, and open no board socket', async ({
  browser,
}) => {
  const { page } = await openApp(browser, servers.appUrl(), JORGE);
  await sidebar(page)
    .getByRole('button', { name: `Nuevo tablero en ${DEMO_GROUPS.innovation}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Nuevo tablero en ${DEMO_GROUPS.innovation}` });
  await dialog.getByRole('textbox', { name: 'Nombre del tablero' }).fill(BOARD);
  await dialog.getByRole('button', { name: 'Crear tablero' }).click();
  await expect(page.getByRole('textbox', { name: 'Título del tablero' })).toHaveValue(BOARD);
  const boardRoom = /\/b\/([^/?]+)/.exec(await page.evaluate(() => location.hash))?.[1];
  expect(boardRoom).toBeTruthy();

  await page.getByRole('button', { name: `Añadir tarjeta en ${COLUMN}` }).click();
  const input = page.getByRole('textbox', { name: 'Título de la nueva tarjeta' });
  await input.fill(CARD);
  await input.press('Enter');
  await input.press('Escape');
  await openCardPanel(page);
  await page
    .getByRole('combobox', { name: 'Elija un documento del grupo' })
    .selectOption({ label: DOC });
  await page.getByRole('button', { name: 'Vincular un documento' }).click();
  await expect(page.getByRole('link', { name: DOC })).toBeVisible();
  await page.keyboard.press('Escape');

  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await openDocument(page, DOC);
  const linked = page.getByRole('region', { name: 'Tarjetas vinculadas' });
  await expect(linked.getByRole('link', { name: `${CARD} — ${BOARD} · ${COLUMN}` })).toBeVisible();
  await linked.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/i16d-client/linked-cards.png' });
  expect(sockets.filter((url) => url.includes(`/board/${boardRoom}`))).toEqual([]);

  // Following the link opens the card on its board; unlinking there empties the list.
  await linked.getByRole('link', { name: new RegExp(CARD) }).click();
  await page.getByRole('button', { name: `Desvincular ${DOC}` }).click();
  await page.keyboard.press('Escape');
  await openDocument(page, DOC);
  await expect(
    page.getByText('Ninguna tarjeta de los tableros del grupo enlaza este documento.'),
  ).toBeVisible();
});
