/**
 * Working-group boards (issue 4) with two real people in «Programa de innovación abierta»:
 * a move and a concurrent title edit both survive; a card moves with the keyboard alone (and
 * the screen reader hears where it went); moves made with the server down converge, with every
 * card exactly once.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp, sidebar } from './support/app';
import { ANA, DEMO_GROUPS, DIEGO, JORGE } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const BOARD = 'Convocatoria 2026';
const STAGES = [
  'Desafíos recibidos',
  'Convocatoria abierta',
  'Propuestas en evaluación',
  'Piloto',
  'Portafolio',
];

const servers = serversPerTest();

const column = (page: Page, title: string): Locator => page.getByRole('region', { name: title });
const cardIn = (page: Page, columnTitle: string, cardTitle: string): Locator =>
  column(page, columnTitle).getByRole('button', { name: cardTitle, exact: true });
const boardStatus = (page: Page): Locator =>
  page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /^(Guardado en el servidor|Sincronizando…|Sin conexión.*)$/ });

async function createInnovationBoard(page: Page): Promise<void> {
  await sidebar(page)
    .getByRole('button', { name: `Nuevo tablero en ${DEMO_GROUPS.innovation}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Nuevo tablero en ${DEMO_GROUPS.innovation}` });
  await dialog.getByRole('textbox', { name: 'Nombre del tablero' }).fill(BOARD);
  await expect(dialog.getByRole('radio', { name: /Programa de innovación abierta/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Crear tablero' }).click();
  await expect(page.getByRole('textbox', { name: 'Título del tablero' })).toHaveValue(BOARD);
  for (const stage of STAGES) await expect(column(page, stage)).toBeVisible();
}

async function addCard(page: Page, columnTitle: string, title: string): Promise<void> {
  await page.getByRole('button', { name: `Añadir tarjeta en ${columnTitle}` }).click();
  const input = page.getByRole('textbox', { name: 'Título de la nueva tarjeta' });
  await input.fill(title);
  await input.press('Enter');
  await expect(cardIn(page, columnTitle, title)).toBeVisible();
  await input.press('Escape');
}

async function openBoard(page: Page): Promise<void> {
  await sidebar(page).getByRole('link', { name: BOARD }).click();
  await expect(page.getByRole('textbox', { name: 'Título del tablero' })).toHaveValue(BOARD);
}

/** Drags with the pointer, in small steps, the way a hand does. */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.hover(); // waits until the card is in place (not still settling from a move)
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 60, { steps: 12 });
  await page.mouse.move(b.x + b.width / 2, b.y + 64, { steps: 2 });
  await page.mouse.up();
}

/** Every column's card titles, in order: what "the same board" means to a person. */
async function boardContents(page: Page): Promise<string[][]> {
  const result: string[][] = [];
  for (const stage of STAGES) {
    result.push(
      await column(page, stage)
        .getByRole('list', { name: `Tarjetas de ${stage}` })
        .getByRole('button')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label') ?? '')),
    );
  }
  return result;
}

test('one person moves a card while the other renames it: both keep the move and the new title', async ({
  browser,
}) => {
  const ana = await openApp(browser, servers.appUrl(), ANA);
  await createInnovationBoard(ana.page);
  await addCard(ana.page, 'Desafíos recibidos', 'Reducir el agua fresca en flotación');

  const jorge = await openApp(browser, servers.appUrl(), JORGE);
  await openBoard(jorge.page);
  const card = cardIn(jorge.page, 'Desafíos recibidos', 'Reducir el agua fresca en flotación');
  await card.click();
  const panel = jorge.page.getByRole('dialog', { name: /Tarjeta/ });
  const title = panel.getByRole('textbox', { name: 'Título de la tarjeta' });
  await title.fill('Recircular el agua de flotación');
  // Ana sees that Jorge has this card open before she moves it.
  await expect(
    ana.page.getByRole('list', { name: 'También en este tablero' }).getByText(JORGE.name),
  ).toBeAttached();
  await expect(
    cardIn(ana.page, 'Desafíos recibidos', 'Reducir el agua fresca en flotación').getByText(
      `Editando: ${JORGE.name}`,
    ),
  ).toBeAttached();

  await drag(
    ana.page,
    cardIn(ana.page, 'Desafíos recibidos', 'Reducir el agua fresca en flotación'),
    column(ana.page, 'Convocatoria abierta'),
  );
  await expect(
    cardIn(ana.page, 'Convocatoria abierta', 'Reducir el agua fresca en flotación'),
  ).toBeVisible();
  // Jorge's panel follows the card to its new column while he is still typing.
  await expect(
    panel.getByRole('combobox', { name: 'Columna' }).locator('option:checked'),
  ).toHaveText('Convocatoria abierta');
  await title.press('Enter');
  await panel.getByRole('button', { name: 'Cerrar' }).click();

  for (const page of [ana.page, jorge.page]) {
    await expect(
      cardIn(page, 'Convocatoria abierta', 'Recircular el agua de flotación'),
    ).toBeVisible();
    await expect(
      column(page, 'Desafíos recibidos').getByRole('button', { name: /agua/ }),
    ).toHaveCount(0);
    await expect(boardStatus(page)).toHaveText('Guardado en el servidor');
  }
  expect(await boardContents(ana.page)).toEqual(await boardContents(jorge.page));
});

test('a card moves to the next column with the keyboard alone, and the move is announced', async ({
  browser,
}) => {
  const ana = await openApp(browser, servers.appUrl(), ANA);
  await createInnovationBoard(ana.page);
  await addCard(ana.page, 'Desafíos recibidos', 'Monitoreo en línea de relaves');
  await addCard(ana.page, 'Desafíos recibidos', 'Mantenimiento predictivo de chancadoras');

  const card = cardIn(ana.page, 'Desafíos recibidos', 'Monitoreo en línea de relaves');
  await expect(card).toHaveAttribute('aria-roledescription', 'tarjeta arrastrable');
  // Tab from the card before it, as a keyboard user does.
  await ana.page.getByRole('button', { name: 'Mover la columna Desafíos recibidos' }).focus();
  await ana.page.keyboard.press('Tab'); // the column's options
  await ana.page.keyboard.press('Tab');
  await expect(card).toBeFocused();

  await ana.page.keyboard.press('Space');
  await expect(
    ana.page.getByText(/Tomó la tarjeta «Monitoreo en línea de relaves»/),
  ).toBeAttached();
  await ana.page.keyboard.press('ArrowRight');
  await expect(ana.page.getByText(/sobre la columna Convocatoria abierta/)).toBeAttached();
  await ana.page.keyboard.press('Space');

  await expect(
    cardIn(ana.page, 'Convocatoria abierta', 'Monitoreo en línea de relaves'),
  ).toBeVisible();
  await expect(
    ana.page.getByText(
      'Soltó la tarjeta «Monitoreo en línea de relaves» en la columna Convocatoria abierta, posición 1 de 1.',
    ),
  ).toBeAttached();
  expect(await boardContents(ana.page)).toEqual([
    ['Mantenimiento predictivo de chancadoras'],
    ['Monitoreo en línea de relaves'],
    [],
    [],
    [],
  ]);

  // Enter opens the card it is on.
  await cardIn(ana.page, 'Convocatoria abierta', 'Monitoreo en línea de relaves').press('Enter');
  await expect(
    ana.page.getByRole('dialog', { name: /Monitoreo en línea de relaves/ }),
  ).toBeVisible();
});

test('both move cards with the server down; after it returns the boards converge, each card once', async ({
  browser,
}) => {
  const ana = await openApp(browser, servers.appUrl(), ANA);
  await createInnovationBoard(ana.page);
  for (const title of ['Desafío A: agua', 'Desafío B: energía', 'Desafío C: relaves']) {
    await addCard(ana.page, 'Desafíos recibidos', title);
  }
  const jorge = await openApp(browser, servers.appUrl(), JORGE);
  await openBoard(jorge.page);
  await expect(cardIn(jorge.page, 'Desafíos recibidos', 'Desafío C: relaves')).toBeVisible();
  for (const page of [ana.page, jorge.page]) {
    await expect(boardStatus(page)).toHaveText('Guardado en el servidor');
  }

  await servers.sync.kill();
  for (const page of [ana.page, jorge.page]) {
    await expect(boardStatus(page)).toContainText('Sin conexión');
  }

  // Both move the same card to different columns, and one more card each (to columns in view:
  // dragging to the far edge would scroll the board, which is the browser's business, not ours).
  await drag(
    ana.page,
    cardIn(ana.page, 'Desafíos recibidos', 'Desafío A: agua'),
    column(ana.page, 'Propuestas en evaluación'),
  );
  await expect(cardIn(ana.page, 'Propuestas en evaluación', 'Desafío A: agua')).toBeVisible();
  await drag(
    ana.page,
    cardIn(ana.page, 'Desafíos recibidos', 'Desafío B: energía'),
    column(ana.page, 'Convocatoria abierta'),
  );
  await expect(cardIn(ana.page, 'Convocatoria abierta', 'Desafío B: energía')).toBeVisible();

  await drag(
    jorge.page,
    cardIn(jorge.page, 'Desafíos recibidos', 'Desafío A: agua'),
    column(jorge.page, 'Convocatoria abierta'),
  );
  await expect(cardIn(jorge.page, 'Convocatoria abierta', 'Desafío A: agua')).toBeVisible();
  await drag(
    jorge.page,
    cardIn(jorge.page, 'Desafíos recibidos', 'Desafío C: relaves'),
    column(jorge.page, 'Propuestas en evaluación'),
  );
  await expect(cardIn(jorge.page, 'Propuestas en evaluación', 'Desafío C: relaves')).toBeVisible();
  for (const page of [ana.page, jorge.page]) {
    await expect(boardStatus(page)).toHaveText(
      /^Sin conexión — \d+ cambios? guardados? en este equipo$/,
    );
  }

  await servers.restartSync();
  for (const page of [ana.page, jorge.page]) {
    await expect(boardStatus(page)).toHaveText('Guardado en el servidor', { timeout: 20_000 });
  }
  await expect
    .poll(async () => JSON.stringify(await boardContents(ana.page)), { timeout: 10_000 })
    .toBe(JSON.stringify(await boardContents(jorge.page)));

  const contents = await boardContents(ana.page);
  const all = contents.flat();
  expect(all.sort()).toEqual(['Desafío A: agua', 'Desafío B: energía', 'Desafío C: relaves']);
  expect(contents[0]).toEqual([]);
  expect(contents[1]).toContain('Desafío B: energía');
  expect(contents[2]).toContain('Desafío C: relaves');
  // The card both moved is in exactly one of the two places they chose.
  const placesOfA = contents.filter((cards) => cards.includes('Desafío A: agua'));
  expect(placesOfA).toHaveLength(1);
  expect([contents[1], contents[2]]).toContainEqual(placesOfA[0]);
});

test('a viewer of the group sees the board live but cannot change it', async ({ browser }) => {
  const ana = await openApp(browser, servers.appUrl(), ANA);
  await createInnovationBoard(ana.page);
  await addCard(ana.page, 'Desafíos recibidos', 'Detección de fatiga en operadores');

  const diego = await openApp(browser, servers.appUrl(), DIEGO);
  await openBoard(diego.page);
  await expect(diego.page.getByText('Puede ver este tablero, pero no modificarlo.')).toBeVisible();
  const card = cardIn(diego.page, 'Desafíos recibidos', 'Detección de fatiga en operadores');
  await expect(card).toBeVisible();
  await expect(card).not.toHaveAttribute('aria-roledescription', /.*/);
  await expect(diego.page.getByRole('button', { name: /^Añadir tarjeta/ })).toHaveCount(0);
  await expect(diego.page.getByRole('button', { name: /^Mover la columna/ })).toHaveCount(0);
  await expect(diego.page.getByRole('button', { name: 'Archivar tablero' })).toHaveCount(0);

  await card.click();
  const panel = diego.page.getByRole('dialog', { name: /Detección de fatiga/ });
  await expect(panel.getByRole('textbox', { name: 'Título de la tarjeta' })).not.toBeEditable();
  await expect(panel.getByRole('button', { name: 'Archivar tarjeta' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Cerrar' }).click();

  // Still live: Ana's new card reaches him.
  await addCard(ana.page, 'Desafíos recibidos', 'Energía solar para campamentos');
  await expect(
    cardIn(diego.page, 'Desafíos recibidos', 'Energía solar para campamentos'),
  ).toBeVisible();
});
