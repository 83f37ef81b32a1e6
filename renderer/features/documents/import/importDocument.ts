/**
 * Importing a Markdown or Word file into a new document. Both become HTML first (Markdown with
 * `marked`, GitHub-flavoured: tables and task lists; Word with `mammoth`, which maps Word's
 * heading styles, lists, tables and links to plain HTML and drops layout), then go through the
 * editor's own schema (Tiptap's HTML parser), so an import holds exactly what the editor can show
 * and opens like typed content.
 */
import { generateJSON, getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import mammoth from 'mammoth';
import { marked } from 'marked';
import type * as Y from 'yjs';
import { getDocumentBody } from '../../../../shared/ydoc/documentDoc';
import { appendBodyOf, createScratchDocument } from '../../../../shared/ydoc/documentImport';
import { editorExtensions } from '../editorExtensions';

export type ImportFormat = 'markdown' | 'docx';

/** Largest file imported (a Word file with images can be big; the text is what is kept). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export class ImportError extends Error {
  constructor(readonly code: 'unsupported_file' | 'file_too_large' | 'unreadable_file') {
    super(code);
    this.name = 'ImportError';
  }
}

export function importFormatOf(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.docx')) return 'docx';
  return null;
}

/**
 * GFM task lists come out of marked as `<li><input type="checkbox">…</li>`; Tiptap reads task
 * items from `data-type` attributes, so the list and its items are marked the way it expects.
 */
function markTaskLists(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const list of template.content.querySelectorAll('ul')) {
    const items = [...list.children].filter((child) => child.tagName === 'LI');
    const tasks = items.filter((item) =>
      item.querySelector(':scope > input[type="checkbox"], :scope > p > input[type="checkbox"]'),
    );
    if (items.length === 0 || tasks.length !== items.length) continue;
    list.setAttribute('data-type', 'taskList');
    for (const item of items) {
      const box = item.querySelector('input[type="checkbox"]') as HTMLInputElement;
      item.setAttribute('data-type', 'taskItem');
      item.setAttribute('data-checked', String(box.hasAttribute('checked')));
      box.remove();
    }
  }
  return template.innerHTML;
}

export function markdownToHtml(markdown: string): string {
  const html = marked.parse(markdown, { gfm: true, async: false });
  return markTaskLists(html);
}

export async function docxToHtml(bytes: ArrayBuffer): Promise<string> {
  try {
    // The browser build reads `arrayBuffer`; the Node build (tests, scripts) reads `buffer`.
    const input = { arrayBuffer: bytes, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
    const result = await mammoth.convertToHtml(input);
    return result.value;
  } catch {
    throw new ImportError('unreadable_file');
  }
}

/** The first top-level heading's text, used as the new document's title. */
export function titleFromHtml(html: string): string | null {
  const template = document.createElement('template');
  template.innerHTML = html;
  const heading = template.content.querySelector('h1') ?? template.content.querySelector('h2');
  const text = heading?.textContent?.trim() ?? '';
  return text === '' ? null : text;
}

/** Drops the first h1 when it only repeats the title (exports put the title there). */
function withoutTitleHeading(html: string, title: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  const first = template.content.firstElementChild;
  if (first?.tagName === 'H1' && first.textContent?.trim() === title) first.remove();
  return template.innerHTML;
}

/** Appends HTML to a document's body through the editor's schema, in one transaction. */
export function writeHtmlIntoDocument(doc: Y.Doc, html: string): void {
  const scratch = createScratchDocument();
  const extensions = editorExtensions({
    doc: scratch,
    provider: null,
    user: { name: '', color: '' },
    placeholder: '',
  });
  const json: unknown = generateJSON(html, extensions);
  prosemirrorJSONToYXmlFragment(getSchema(extensions), json, getDocumentBody(scratch));
  appendBodyOf(doc, scratch);
  scratch.destroy();
}

export interface ImportedFile {
  title: string;
  html: string;
}

export async function readImportFile(file: File): Promise<ImportedFile> {
  const format = importFormatOf(file.name);
  if (format === null) throw new ImportError('unsupported_file');
  if (file.size > MAX_IMPORT_BYTES) throw new ImportError('file_too_large');
  const html =
    format === 'markdown'
      ? markdownToHtml(await file.text())
      : await docxToHtml(await file.arrayBuffer());
  const title = titleFromHtml(html) ?? file.name.replace(/\.[^.]+$/, '');
  return { title, html: withoutTitleHeading(html, title) };
}
