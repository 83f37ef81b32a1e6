/**
 * The desktop features of the preload bridge (shared/ipc/bridge) as plain functions, each with
 * its browser equivalent, so features call one API and never ask where they run:
 *
 * - commands from the application menu and minka:// links (the browser has neither: no-op);
 * - the quit guard's count of changes saved only here (the browser: `beforeunload`'s prompt);
 * - saving an export (the browser: a download, and the print dialog for PDF);
 * - OS notifications (the browser: the Notification API, only if already granted);
 * - the UI language for main's menu and dialogs.
 */
import type {
  AppCommand,
  ExportRequest,
  OsNotification,
  UiLanguage,
} from '../../shared/ipc/bridge';
import { exportFileName } from '../../shared/ipc/exportFileName';
import { getBridge } from './bridge';

export type { AppCommand, ExportRequest, OsNotification } from '../../shared/ipc/bridge';

/** Tells main the UI language (menu labels, quit and save dialogs). */
export function setDesktopLanguage(language: string): void {
  const uiLanguage: UiLanguage = language.startsWith('en') ? 'en' : 'es-419';
  getBridge()
    ?.setLanguage(uiLanguage)
    .catch(() => undefined);
}

/** Menu and deep-link commands; returns an unsubscribe. Nothing arrives in a browser. */
export function onAppCommand(listener: (command: AppCommand) => void): () => void {
  return getBridge()?.onCommand(listener) ?? (() => undefined);
}

/**
 * Registers the count main asks for when the person quits. In a browser, leaving the page with
 * a count above zero asks the browser's own "leave site?" question instead.
 */
export function onQuitCheck(countPending: () => number): () => void {
  const bridge = getBridge();
  if (bridge !== null) return bridge.onQuitCheck(countPending);
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (countPending() > 0) event.preventDefault();
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}

export type ExportOutcome =
  | { readonly status: 'saved'; readonly fileName: string }
  | { readonly status: 'cancelled' }
  /** The browser's print dialog is open; it reports nothing back. */
  | { readonly status: 'printing' };

const MIME_TYPES = {
  html: 'text/html;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
  changes: 'application/json;charset=utf-8',
};

/**
 * Saves an export: the native save dialog on the desktop (main prints the PDF), otherwise a
 * download of the file, or the browser's print dialog for PDF (print CSS shows only the document).
 */
export async function saveExport(request: ExportRequest): Promise<ExportOutcome> {
  const bridge = getBridge();
  if (bridge !== null) return bridge.exportDocument(request);
  if (request.format === 'pdf') {
    window.print();
    return { status: 'printing' };
  }
  const text =
    request.format === 'html'
      ? request.html
      : request.format === 'markdown'
        ? request.markdown
        : request.json;
  const fileName = exportFileName(request.title, request.format);
  download(text, MIME_TYPES[request.format], fileName);
  return { status: 'saved', fileName };
}

/** Saves the sync panel's pending changes: the save dialog on the desktop, else a download. */
export function savePendingChanges(title: string, json: string): Promise<ExportOutcome> {
  return saveExport({ format: 'changes', title, json });
}

function download(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    anchor.rel = 'noopener';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    // The click starts the download synchronously; the URL is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/**
 * Downloads a file made in the renderer (Word documents). Electron shows its own save dialog for
 * a download, so the same path serves the desktop and the browser.
 */
export function downloadFile(title: string, extension: string, bytes: Uint8Array, type: string) {
  const fileName = exportFileName(title, 'html').replace(/\.html$/, `.${extension}`);
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type }));
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    anchor.rel = 'noopener';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return { status: 'saved' as const, fileName };
}

/**
 * A standalone HTML file (the sign-off record) as PDF: main prints it on the desktop; the browser
 * prints it from a hidden frame, since the page on screen is not that file.
 */
export async function printHtml(title: string, html: string): Promise<ExportOutcome> {
  const bridge = getBridge();
  if (bridge !== null) return bridge.exportDocument({ format: 'pdf', title, html });
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.setAttribute('aria-hidden', 'true');
  frame.srcdoc = html;
  await new Promise<void>((resolve) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    document.body.append(frame);
  });
  frame.contentWindow?.print();
  setTimeout(() => frame.remove(), 60_000);
  return { status: 'printing' };
}

/** An OS notification. The browser shows one only where the person already allowed it. */
export async function notify(notification: OsNotification): Promise<void> {
  const bridge = getBridge();
  if (bridge !== null) {
    await bridge.notify(notification);
    return;
  }
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    new Notification(notification.title, { body: notification.body });
  }
}
