/**
 * Dark mode (issue 12): it follows the system preference, the palette's command switches it by
 * hand, and both themes pass axe's colour-contrast rule on the screens people spend their day
 * in (a document with its toolbar, the search palette with results, a board). Screenshots of
 * each land in .scratch/ for a person to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { editorOf, openApp, openDocument, sidebar } from './support/app';
import { DEMO_GROUPS, JORGE } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const servers = serversPerTest();

async function expectReadable(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `.scratch/${name}.png` });
  const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  const problems = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  );
  expect(problems, name).toEqual([]);
}

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  return page.getByRole('dialog', { name: 'Buscar y ejecutar comandos' });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the ${scheme} theme (system preference) passes axe colour contrast`, async ({
    browser,
  }) => {
    // Three full axe runs plus a new board: slow on a loaded machine, not stuck.
    test.setTimeout(180_000);
    const { page, context } = await openApp(browser, servers.appUrl(), JORGE);
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);

    await openDocument(page, 'Propuesta conjunta de I+D: relaves');
    await editorOf(page).getByText('Objetivos').click();
    await expectReadable(page, `${scheme}-document`);

    const palette = await openPalette(page);
    await palette.getByRole('combobox').fill('relaves');
    await expect(palette.getByRole('option').first()).toBeVisible();
    await expectReadable(page, `${scheme}-palette`);
    await page.keyboard.press('Escape');

    await sidebar(page)
      .getByRole('button', { name: `Nuevo tablero en ${DEMO_GROUPS.innovation}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Nuevo tablero en ${DEMO_GROUPS.innovation}` });
    await dialog.getByRole('textbox', { name: 'Nombre del tablero' }).fill('Cartera 2027');
    await dialog.getByRole('button', { name: 'Crear tablero' }).click();
    await expect(page.getByRole('region', { name: 'Desafíos recibidos' })).toBeVisible();
    await expectReadable(page, `${scheme}-board`);
    await context.close();
  });
}

test('the palette switches to the dark theme by hand and the choice survives a reload', async ({
  browser,
}) => {
  const { page, context } = await openApp(browser, servers.appUrl(), JORGE);
  await page.emulateMedia({ colorScheme: 'light' });
  const palette = await openPalette(page);
  await palette.getByRole('combobox').fill('oscuro');
  await palette.getByRole('option', { name: 'Activar tema oscuro' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(sidebar(page)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await context.close();
});
