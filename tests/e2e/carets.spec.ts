/**
 * Other people's carets in a document (issue 16 rebuilt the caret layer so its work follows what
 * changed): a collaborator's caret appears with their name where they click, follows their
 * typing, and goes away when they leave the text. The outline's word count follows the typing.
 */
import { expect, test } from '@playwright/test';
import { editorOf, openApp, openDocument } from './support/app';
import { JORGE, LUCIA } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const DOC = 'Desafíos operacionales 2027';

const servers = serversPerTest();

test('a collaborator’s caret shows their name, follows their typing and leaves with them', async ({
  browser,
}) => {
  const jorge = await openApp(browser, servers.appUrl(), JORGE);
  const lucia = await openApp(browser, servers.appUrl(), LUCIA);
  await openDocument(jorge.page, DOC);
  await openDocument(lucia.page, DOC);

  const outline = jorge.page.getByRole('navigation', { name: 'Esquema del documento' });
  const words = async () => Number(/(\d+) palabras/.exec((await outline.textContent()) ?? '')?.[1]);
  // The counts follow the text when the browser is idle, not within the same frame.
  await expect.poll(words).toBeGreaterThan(50);
  const wordsBefore = await words();

  const paragraph = jorge.editor.locator('p').first();
  await paragraph.click();
  await jorge.page.keyboard.press('End');
  const caret = editorOf(lucia.page).locator('.collaboration-carets__caret', {
    hasText: JORGE.name,
  });
  await expect(caret).toBeVisible();

  // Spaces on both sides: End is the end of the visual line, inside the paragraph.
  await jorge.page.keyboard.type(' Texto de Jorge ', { delay: 20 });
  const luciaParagraph = editorOf(lucia.page).locator('p').first();
  await expect(luciaParagraph).toContainText('Texto de Jorge');
  // The caret sits right after what he typed.
  await expect
    .poll(() =>
      caret.evaluate((element) => {
        let text = '';
        for (let node = element.previousSibling; node !== null; node = node.previousSibling)
          text = (node.textContent ?? '') + text;
        return text.endsWith('Texto de Jorge ');
      }),
    )
    .toBe(true);
  await caret.scrollIntoViewIfNeeded();
  await lucia.page.screenshot({ path: '/tmp/shots/i16d-client/caret.png' });

  // His outline counts the three words (brought up to date when the page is idle).
  await expect.poll(words).toBe(wordsBefore + 3);

  // Jorge's own editor never draws his caret as someone else's.
  await expect(jorge.editor.locator('.collaboration-carets__caret')).toHaveCount(0);

  await jorge.page.getByRole('textbox', { name: 'Título del documento' }).click();
  await expect(caret).toHaveCount(0);
});
