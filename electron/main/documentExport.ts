/**
 * "Export" of the open document: the renderer hands over a standalone HTML document or Markdown
 * text, main asks where to save with the native dialog and writes the file. PDF is printed by
 * main from the same HTML in a hidden window that runs no JavaScript, has no preload, lives in
 * its own in-memory session and may load nothing but the page it prints, served from memory at
 * {@link PRINT_URL} (no temporary file, no file://), so a document's content can never reach
 * the bridge, the disk or the network while it is being laid out.
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions, SaveDialogOptions, WebPreferences } from 'electron';
import { EXPORT_EXTENSIONS, exportFileName } from '../../shared/ipc/exportFileName';
import type { ExportRequest, ExportResult, UiLanguage } from '../../shared/ipc/bridge';
import { exportDialogText } from './strings';
import { LOCKED_DOWN } from './window';

export function saveDialogOptions(
  request: Pick<ExportRequest, 'format' | 'title'>,
  language: UiLanguage,
  defaultDir: string,
): SaveDialogOptions {
  const text = exportDialogText(language, request.format);
  return {
    title: text.title,
    defaultPath: path.join(defaultDir, exportFileName(request.title, request.format)),
    filters: [{ name: text.filter, extensions: [EXPORT_EXTENSIONS[request.format]] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** The print window: the checklist's settings plus no JavaScript at all and no preload. */
export function printWindowPreferences(partition: string): WebPreferences {
  return {
    ...LOCKED_DOWN,
    javascript: false,
    partition,
  };
}

export function printWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return { show: false, webPreferences: printWindowPreferences(partition) };
}

/** Where the print window's session serves the page; never app://minka, so IPC refuses it too. */
export const PRINT_URL = 'app://print/documento.html';

const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Requests the print window may make: the page it prints and inline data: images. */
export function isPrintRequestAllowed(url: string): boolean {
  return url === PRINT_URL || url.startsWith('data:');
}

/** The print session's app:// handler: the one page, with a CSP that allows no script at all. */
export function createPrintProtocolHandler(html: string): (request: Request) => Response {
  return (request) =>
    request.url === PRINT_URL
      ? new Response(html, {
          status: 200,
          headers: {
            'Content-Type': 'text/html; charset=utf-8',
            'Content-Security-Policy': PRINT_CSP,
          },
        })
      : new Response('Not found', {
          status: 404,
          headers: { 'Content-Security-Policy': PRINT_CSP },
        });
}

export interface ExportDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(filePath: string, data: string | Uint8Array): Promise<void>;
  printToPdf(html: string): Promise<Uint8Array>;
  language(): UiLanguage;
  defaultDir: string;
}

export async function exportDocument(
  request: ExportRequest,
  deps: ExportDeps,
): Promise<ExportResult> {
  const choice = await deps.showSaveDialog(
    saveDialogOptions(request, deps.language(), deps.defaultDir),
  );
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') {
    return { status: 'cancelled' };
  }
  const data =
    request.format === 'pdf'
      ? await deps.printToPdf(request.html)
      : request.format === 'html'
        ? request.html
        : request.format === 'markdown'
          ? request.markdown
          : request.json;
  await deps.writeFile(choice.filePath, data);
  return { status: 'saved', fileName: path.basename(choice.filePath) };
}
