/**
 * Review in the margins with two demo accounts side by side: Carlos (Comentarista in «Gobernanza
 * del clúster») comments on a sentence, mentions Ana and suggests a rewording while Ana (editor)
 * types in the same paragraph; then the server stops, Ana replies and accepts the suggestion
 * offline and Carlos replies offline too; when the server returns everything converges and
 * Carlos's inbox shows Ana's reply. Screenshots go to .scratch/ (git-ignored) when
 * MINKA_SCREENSHOTS is set.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  commentsPanel,
  docStatus,
  documentText,
  openApp,
  openDocument,
  selectText,
} from './support/app';
import { ANA, CARLOS } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const DOC = 'Lineamientos estratégicos del clúster — borrador';
const QUOTE = 'desarrolladas y validadas en la región';
const WORDING = 'clase mundial';

const servers = serversPerTest();

async function shot(page: Page, name: string): Promise<void> {
  if (process.env.MINKA_SCREENSHOTS) await page.screenshot({ path: `.scratch/${name}.png` });
}

/** Puts the caret at the end of the paragraph that contains `text`. */
async function caretAtEndOf(editor: Locator, text: string): Promise<void> {
  await editor.click();
  await editor.evaluate((element, wanted) => {
    const paragraph = [...element.querySelectorAll('p')].find((p) =>
      (p.textContent ?? '').includes(wanted),
    );
    if (paragraph === undefined) throw new Error(`paragraph not found: ${wanted}`);
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    range.collapse(false);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}

/** The body's text: without carets and without suggestions drawn inline (they are not text). */
function bodyText(page: Page): Promise<string> {
  return page.getByRole('textbox', { name: 'Contenido del documento' }).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy
      .querySelectorAll('.collaboration-carets__caret, .review-suggest-insert')
      .forEach((node) => node.remove());
    return Array.from(copy.children, (block) => block.textContent ?? '').join('\n');
  });
}

test('a commenter comments and suggests while an editor types; it converges across an outage', async ({
  browser,
}) => {
  // Two browsers, a server stop and a restart (a tsx process start): slower than one page.
  test.setTimeout(240_000);
  const carlos = await openApp(browser, servers.appUrl(), CARLOS);
  const ana = await openApp(browser, servers.appUrl(), ANA);
  await openDocument(carlos.page, DOC);
  await openDocument(ana.page, DOC);

  // Presence: each sees the other in the document header, with organization.
  await expect(
    ana.page.getByRole('listitem', { name: /Carlos Huamán \(Ministerio/ }),
  ).toBeVisible();

  // Carlos comments on a sentence (Ctrl+Alt+M) and mentions Ana.
  await selectText(carlos.editor, QUOTE);
  await carlos.page.keyboard.press('Control+Alt+m');
  const carlosPanel = commentsPanel(carlos.page);
  const field = carlosPanel.getByRole('textbox', { name: 'Comentario' });
  await field.pressSequentially('¿Esto incluye relaves? @ana', { delay: 5 });
  await expect(carlosPanel.getByRole('option', { name: /Ana Quispe/ })).toBeVisible();
  await field.press('Enter');
  await field.pressSequentially('¿lo revisa?', { delay: 5 });
  await carlosPanel.getByRole('button', { name: 'Comentar', exact: true }).click();
  const commentCard = (page: Page) =>
    commentsPanel(page).getByRole('article', {
      name: `Comentario de Carlos Huamán sobre «${QUOTE}»`,
    });
  await expect(commentCard(carlos.page)).toBeVisible();

  // Meanwhile Ana types in the same paragraph.
  await caretAtEndOf(ana.editor, QUOTE);
  await ana.page.keyboard.type(' Meta revisada en 2026.', { delay: 5 });

  // Carlos suggests a rewording.
  await selectText(carlos.editor, WORDING);
  await carlos.page.getByRole('button', { name: 'Sugerir cambio' }).click();
  await carlosPanel
    .getByRole('textbox', { name: 'Texto propuesto' })
    .fill('referencia internacional');
  const started = Date.now();
  await carlosPanel.getByRole('button', { name: 'Sugerir', exact: true }).click();

  const suggestionCard = (page: Page) =>
    commentsPanel(page).getByRole('article', { name: 'Sugerencia de Carlos Huamán' });
  await expect(suggestionCard(ana.page)).toBeVisible();
  console.log(`suggestion reached the editor's panel in ${Date.now() - started} ms`);
  await expect(commentCard(ana.page)).toContainText('@Ana Quispe');
  await expect(ana.editor.locator('.review-suggest-insert')).toHaveText('referencia internacional');
  await expect(ana.editor).toContainText('Meta revisada en 2026.');
  await expect(carlos.editor).toContainText('Meta revisada en 2026.');
  await shot(carlos.page, 'review-thread-panel-carlos');
  await shot(ana.page, 'review-inline-suggestion-ana');

  // The server stops; both keep working.
  await expect(docStatus(ana.page)).toHaveText('Guardado en el servidor');
  await servers.sync.kill();
  await expect(docStatus(ana.page)).toContainText('Sin conexión');

  await commentCard(ana.page)
    .getByRole('textbox', { name: 'Responder a Carlos Huamán' })
    .fill('Sí, incluye relaves; lo dejo explícito.');
  await commentCard(ana.page).getByRole('button', { name: 'Responder' }).click();
  await suggestionCard(ana.page).getByRole('button', { name: 'Aceptar' }).click();
  await expect(ana.editor).toContainText('de referencia internacional, que resuelve');
  await expect(suggestionCard(ana.page)).toHaveCount(0); // resolved: left the "Abiertos" tab

  await commentCard(carlos.page)
    .getByRole('textbox', { name: 'Responder a Carlos Huamán' })
    .fill('Escrito sin conexión desde Lima.');
  await commentCard(carlos.page).getByRole('button', { name: 'Responder' }).click();

  await servers.restartSync();
  for (const page of [ana.page, carlos.page]) {
    await expect(docStatus(page)).toHaveText('Guardado en el servidor', { timeout: 60_000 });
  }
  await expect(carlos.editor).toContainText('de referencia internacional, que resuelve', {
    timeout: 20_000,
  });
  await expect(commentCard(carlos.page)).toContainText('Sí, incluye relaves', { timeout: 20_000 });
  await expect(commentCard(ana.page)).toContainText('Escrito sin conexión desde Lima.', {
    timeout: 20_000,
  });
  expect(await documentText(carlos.page)).toBe(await documentText(ana.page));

  // Carlos's inbox: Ana replied and accepted his suggestion.
  const bell = carlos.page.getByRole('button', { name: /^Actividad/ });
  await expect(async () => {
    await carlos.page.keyboard.press('Escape');
    await bell.click();
    await expect(carlos.page.getByRole('link', { name: /Ana Quispe respondió/ })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(
    carlos.page.getByRole('link', { name: /Ana Quispe aceptó su sugerencia/ }),
  ).toBeVisible();
  await shot(carlos.page, 'review-inbox-carlos');
  await carlos.page.getByRole('link', { name: /Ana Quispe respondió/ }).click();
  await expect(commentCard(carlos.page)).toHaveClass(/is-active/);
});

test('an editor proposes in suggesting mode and mentions a colleague in the body', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ana = await openApp(browser, servers.appUrl(), ANA);
  const carlos = await openApp(browser, servers.appUrl(), CARLOS);
  await openDocument(ana.page, DOC);
  await openDocument(carlos.page, DOC);
  const before = await bodyText(ana.page);

  // Suggesting mode: typing makes a suggestion, the body stays as it was.
  await ana.page.getByRole('switch', { name: 'Modo sugerencia' }).check();
  await caretAtEndOf(ana.editor, QUOTE);
  await ana.page.keyboard.type(' y sostenibles', { delay: 5 });
  const card = commentsPanel(ana.page).getByRole('article', { name: 'Sugerencia de Ana Quispe' });
  await expect(card).toContainText('y sostenibles');
  await expect(ana.editor.locator('.review-suggest-insert')).toHaveText(' y sostenibles');
  expect(await bodyText(ana.page)).toBe(before);
  await expect(
    commentsPanel(carlos.page).getByRole('article', { name: 'Sugerencia de Ana Quispe' }),
  ).toContainText('y sostenibles');
  await shot(ana.page, 'review-suggesting-mode-ana');

  // A commenter's typing is always a suggestion: the body does not change, for anyone.
  const carlosBefore = await bodyText(carlos.page);
  await caretAtEndOf(carlos.editor, 'licencia social.');
  await carlos.page.keyboard.type(' Incluir cierre', { delay: 5 });
  await carlos.page.keyboard.press('Backspace');
  await expect(
    commentsPanel(ana.page)
      .getByRole('article', { name: 'Sugerencia de Carlos Huamán' })
      .locator('ins'),
  ).toHaveText(/^\s*Incluir cierr$/);
  expect(await bodyText(carlos.page)).toBe(carlosBefore);
  expect(await bodyText(ana.page)).toBe(before);

  // Back to editing: "@carlos" offers Carlos (accent-insensitive) and inserts a mention.
  await ana.page.getByRole('switch', { name: 'Modo sugerencia' }).uncheck();
  await caretAtEndOf(ana.editor, 'Borrador para comentarios.');
  await ana.page.keyboard.type(' Revisa @huaman', { delay: 5 });
  await expect(
    ana.page.getByRole('listbox', { name: 'Personas del grupo' }).getByRole('option', {
      name: /Carlos Huamán/,
    }),
  ).toBeVisible();
  await shot(ana.page, 'review-body-mention-ana');
  await ana.page.keyboard.press('Enter');
  await expect(ana.editor.locator('.mention-chip')).toHaveText('@Carlos Huamán');
  await expect(carlos.editor.locator('.mention-chip')).toHaveText('@Carlos Huamán');

  const bell = carlos.page.getByRole('button', { name: /^Actividad/ });
  await expect(async () => {
    await carlos.page.keyboard.press('Escape');
    await bell.click();
    await expect(carlos.page.getByRole('link', { name: /Alguien le mencionó/ })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
});
