/** Drives the app the way a person does: by role and accessible name, in Spanish. */
import {
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';

export interface Person {
  name: string;
  organization: string;
}

export interface OpenedApp {
  context: BrowserContext;
  page: Page;
  editor: Locator;
}

/** A new browser profile (own IndexedDB) that opens the app and completes the first run. */
export async function openApp(
  browser: Browser,
  appUrl: string,
  person: Person,
): Promise<OpenedApp> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(appUrl);
  const welcome = page.getByRole('dialog', { name: 'Bienvenido a Minka' });
  await welcome.getByRole('textbox', { name: 'Su nombre' }).fill(person.name);
  await welcome.getByRole('textbox', { name: 'Organización' }).fill(person.organization);
  await welcome.getByRole('button', { name: 'Continuar' }).click();
  await expect(welcome).toBeHidden();
  return { context, page, editor: editorOf(page) };
}

export function editorOf(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Contenido del documento' });
}

export async function openDocument(page: Page, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Grupos de trabajo' })
    .getByRole('link', { name: title })
    .click();
  await expect(page.getByRole('textbox', { name: 'Título del documento' })).toHaveValue(title);
  await expect(editorOf(page)).toBeVisible();
}

/** Types at the end of the document, in a new paragraph. */
export async function typeAtEnd(editor: Locator, text: string): Promise<void> {
  await editor.click();
  await editor.press('Control+End');
  await editor.press('Enter');
  await editor.pressSequentially(text, { delay: 5 });
}

export function docStatus(page: Page): Locator {
  return page.getByRole('main').getByRole('status');
}

/** The document's text without other people's caret labels, which live inside the editor. */
export async function documentText(page: Page): Promise<string> {
  return editorOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return Array.from(copy.children, (block) => block.textContent ?? '').join('\n');
  });
}
