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
export async function signIn(
  page: Page,
  person: Pick<Person, 'email' | 'password'>,
): Promise<void> {
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

/** Selects `text` in the editor the way a drag of the mouse would. */
export async function selectText(editor: Locator, text: string): Promise<void> {
  await editor.click();
  await editor.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`text not found: ${wanted}`);
  }, text);
}

/** The open document's comments panel. */
export function commentsPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Comentarios' });
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

/**
 * Waits until `text`, inserted as one edit (see insertAtEnd), is in this browser's IndexedDB.
 * Yjs stores inserted text as UTF-8 inside each update row, so finding the bytes means the edit
 * survives a reload. (Keystrokes still in the persistence queue when a page unloads are lost,
 * so a test that reloads right after typing must wait for this first.)
 */
export async function waitUntilStoredLocally(page: Page, text: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async (needle) => {
          const bytes = new TextEncoder().encode(needle);
          const contains = (haystack: Uint8Array) => {
            outer: for (let i = 0; i + bytes.length <= haystack.length; i += 1) {
              for (let j = 0; j < bytes.length; j += 1)
                if (haystack[i + j] !== bytes[j]) continue outer;
              return true;
            }
            return false;
          };
          const names = (await indexedDB.databases()).map((db) => db.name ?? '');
          for (const name of names.filter((candidate) => candidate.startsWith('minka:'))) {
            const db = await new Promise<IDBDatabase>((resolve, reject) => {
              const request = indexedDB.open(name);
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            });
            const rows = await new Promise<{ update: Uint8Array }[]>((resolve, reject) => {
              const request = db.transaction('updates').objectStore('updates').getAll();
              request.onsuccess = () => resolve(request.result as { update: Uint8Array }[]);
              request.onerror = () => reject(request.error);
            });
            db.close();
            if (rows.some((row) => contains(row.update))) return true;
          }
          return false;
        }, text),
      { message: `"${text}" never reached IndexedDB` },
    )
    .toBe(true);
}

/** Adds `text` at the end of the document as a single edit (like a paste), in a new paragraph. */
export async function insertAtEnd(editor: Locator, text: string): Promise<void> {
  await editor.click();
  await editor.press('Control+End');
  await editor.press('Enter');
  await editor.page().keyboard.insertText(text);
}
