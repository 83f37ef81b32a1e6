/** Drives the app the way a person does: by role and accessible name, in Spanish. */
import {
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';

import type { Person } from './demoAccounts';

export type { Person } from './demoAccounts';

export interface OpenedApp {
  context: BrowserContext;
  page: Page;
  editor: Locator;
}

/** A new browser profile (own IndexedDB) that opens the app and signs in as `person`. */
export async function openApp(
  browser: Browser,
  appUrl: string,
  person: Person,
): Promise<OpenedApp> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(appUrl);
  await signIn(page, person);
  return { context, page, editor: editorOf(page) };
}

/** Fills the sign-in screen (the server address is already the app's) and waits for the app. */
export async function signIn(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  const form = page.getByRole('main', { name: 'Iniciar sesión en Minka' });
  await form.getByRole('textbox', { name: 'Correo electrónico' }).fill(person.email);
  await form.getByLabel('Contraseña').fill(person.password);
  await form.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(sidebar(page)).toBeVisible();
}

export function sidebar(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Mis grupos' });
}

export function editorOf(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Contenido del documento' });
}

export async function openDocument(page: Page, title: string): Promise<void> {
  await sidebar(page).getByRole('link', { name: title }).click();
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

/** The open document's sync indicator (other live regions in the document say other things). */
export function docStatus(page: Page): Locator {
  return page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /^(Guardado en el servidor|Sincronizando…|Sin conexión.*)$/ });
}

/** The document's text without other people's caret labels, which live inside the editor. */
export async function documentText(page: Page): Promise<string> {
  return editorOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return Array.from(copy.children, (block) => block.textContent ?? '').join('\n');
  });
}
