/**
 * Typing into Minka and into the plain Tiptap baseline, shared by the keystroke half of
 * `npm run bench:browser` and the keystroke profile probe (keys.ts): the pages, the latency probe
 * (keydown timeStamp to the first task after the next frame) and paced typing.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';

export type Json = { type: string; text?: string; content?: Json[] };

/** Each key is pressed this long after the previous one was painted (a fast typist). */
export const PACE_MS = 60;

/**
 * Debian's Chromium as the browser benchmarks run it: no sandbox or GPU (headless on CI
 * machines), no background networking (refused on closed networks), and timers not throttled
 * in background tabs (the baseline and Minka pages alternate).
 */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-background-timer-throttling',
    ],
  });
}

export function paragraphs(text: string): Json {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) =>
        line.length > 0
          ? { type: 'paragraph', content: [{ type: 'text', text: line }] }
          : { type: 'paragraph' },
      ),
  };
}

/** Builds the two benchmark pages (browser/*.html) with Vite into a temporary directory. */
export async function buildPages(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'minka-bench-pages-'));
  const root = import.meta.dirname;
  await build({
    root,
    logLevel: 'warn',
    configFile: false,
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        input: {
          plain: path.join(root, 'plain.html'),
          coldOpen: path.join(root, 'coldOpen.html'),
        },
      },
    },
  });
  return outDir;
}

/** Serves the built pages and the stored-update files the cold-open page seeds from. */
export async function servePages(
  dir: string,
  files: Record<string, Buffer>,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const extra = files[url.pathname];
    if (extra !== undefined) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.end(extra);
      return;
    }
    const file = path.join(dir, path.normalize(url.pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.html')
      ? 'text/html; charset=utf-8'
      : file.endsWith('.js')
        ? 'text/javascript'
        : file.endsWith('.css')
          ? 'text/css'
          : 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export const EDITOR = '[contenteditable="true"][aria-label="Contenido del documento"]';

/** Records, for every keydown, the time from its timeStamp to the first task after the next frame. */
export async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { benchLatencies: number[] };
    w.benchLatencies = [];
    const channel = new MessageChannel();
    const waiting: number[] = [];
    channel.port1.onmessage = () => {
      const stamp = waiting.shift();
      if (stamp !== undefined) w.benchLatencies.push(performance.now() - stamp);
    };
    document.addEventListener(
      'keydown',
      (event) => {
        const stamp = event.timeStamp;
        requestAnimationFrame(() => {
          waiting.push(stamp);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
}

/** Puts `content` in the page's editor (Tiptap keeps itself on its element as `editor`). */
export async function setContent(page: Page, content: Json): Promise<void> {
  await page.evaluate(
    ({ selector, json }) => {
      const element = document.querySelector(selector) as unknown as {
        editor: { commands: { setContent(value: unknown): void } };
      };
      element.editor.commands.setContent(json);
    },
    { selector: EDITOR, json: content },
  );
}

/**
 * Types `keys` characters in the middle of the document, each once the previous one was
 * painted (then a pause, like a fast typist): each latency is that keystroke's own work, not a
 * queue behind the previous ones.
 */
export async function typeKeys(page: Page, keys: number): Promise<number[]> {
  await page.bringToFront();
  await page.evaluate((selector) => {
    const element = document.querySelector(selector) as unknown as {
      editor: {
        state: { doc: { content: { size: number } } };
        commands: { setTextSelection(at: number): void; focus(): void };
      };
    };
    const editor = element.editor;
    editor.commands.focus();
    editor.commands.setTextSelection(Math.floor(editor.state.doc.content.size / 2));
    (window as unknown as { benchLatencies: number[] }).benchLatencies = [];
  }, EDITOR);
  const text = 'mineria responsable ';
  for (let i = 0; i < keys; i++) {
    const key = text[i % text.length]!;
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await page.waitForFunction(
      (count) => (window as unknown as { benchLatencies: number[] }).benchLatencies.length >= count,
      i + 1,
      { timeout: 120_000, polling: 10 },
    );
    await page.waitForTimeout(PACE_MS);
  }
  return page.evaluate(() => (window as unknown as { benchLatencies: number[] }).benchLatencies);
}

export async function openMinka(browser: Browser, appUrl: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'es-419',
    viewport: { width: 1366, height: 768 },
  });
  const page = await context.newPage();
  await page.goto(appUrl);
  const form = page.getByRole('main', { name: 'Iniciar sesión en Minka' });
  await form.getByRole('textbox', { name: 'Correo electrónico' }).fill('admin@minka.demo');
  await form.getByLabel('Contraseña').fill('minka-demo-2026');
  await form.getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('navigation', { name: 'Mis grupos' }).waitFor({ timeout: 60_000 });
  return page;
}

export async function openMinkaDocument(page: Page, title: string, content: Json): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Mis grupos' })
    .getByRole('link', { name: title })
    .click();
  await page.locator(EDITOR).waitFor({ timeout: 60_000 });
  await setContent(page, content);
  // Typing starts once the content is on the server, as in a document people already share.
  await page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /^Guardado en el servidor$/ })
    .waitFor({ timeout: 180_000 });
  await installProbe(page);
}

export async function openPlain(browser: Browser, pagesUrl: string, content: Json): Promise<Page> {
  const context = await browser.newContext({
    locale: 'es-419',
    viewport: { width: 1366, height: 768 },
  });
  const page = await context.newPage();
  await page.goto(`${pagesUrl}/plain.html`);
  await page.locator(EDITOR).waitFor();
  await page.evaluate((json) => window.benchSetContent(json as never), content);
  await installProbe(page);
  return page;
}
