/**
 * The open document as HTML, read from its Y.Doc (not from a mounted editor), through the same
 * Tiptap schema the editor uses, so an export from the menu needs no editor on screen and
 * writes exactly what the schema allows: text is escaped, links were already filtered to
 * http(s)/mailto when they were made.
 *
 * The standalone file carries its own small stylesheet and a Content-Security-Policy that
 * forbids every script, so an exported file opened in a browser cannot run anything.
 */
import { getHTMLFromFragment, getSchema } from '@tiptap/core';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { getDocumentBody } from '../../../../shared/ydoc/documentDoc';
import { editorExtensions } from '../editorExtensions';

export function documentBodyHtml(doc: Y.Doc): string {
  const schema = getSchema(
    editorExtensions({ doc, provider: null, user: { name: '', color: '' }, placeholder: '' }),
  );
  const root = yXmlFragmentToProseMirrorRootNode(getDocumentBody(doc), schema);
  return getHTMLFromFragment(root.content, schema);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:";

export const EXPORT_STYLESHEET = `
:root { color-scheme: light; }
body { font: 11pt/1.55 "Inter", "Segoe UI", system-ui, sans-serif; color: #1b2428; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.5rem; }
h1, h2, h3 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1.document-title { font-size: 1.9em; margin-top: 0; }
.document-meta { color: #5b6b72; font-size: 0.9em; margin-bottom: 2em; }
a { color: #1f4e5f; }
blockquote { border-left: 3px solid #c2652a; margin: 1em 0; padding: 0 1em; color: #3a474d; }
pre, code { font-family: ui-monospace, "Cascadia Mono", Menlo, monospace; font-size: 0.92em; }
pre { background: #f3f5f6; padding: 0.8em 1em; border-radius: 6px; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #c9d1d4; padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
th { background: #eef2f3; }
ul[data-type="taskList"] { list-style: none; padding-left: 0.2em; }
ul[data-type="taskList"] li { display: flex; gap: 0.5em; }
ul[data-type="taskList"] li > label { flex: none; }
figure.document-image { margin: 1.2em 0; text-align: center; }
figure.document-image img { max-width: 100%; height: auto; }
figure.document-image[data-size="small"] img { width: 33%; }
figure.document-image[data-size="medium"] img { width: 60%; }
figcaption { color: #5b6b72; font-size: 0.9em; margin-top: 0.4em; }
hr { border: none; border-top: 1px solid #c9d1d4; margin: 2em 0; }
@page { size: A4; margin: 20mm 18mm; }
@media print { body { margin: 0; max-width: none; padding: 0; } a { color: inherit; } h1, h2, h3 { break-after: avoid; } tr, img { break-inside: avoid; } }
`;

export interface StandaloneHtmlOptions {
  title: string;
  bodyHtml: string;
  /** BCP 47 language of the document, e.g. `es-419`. */
  language: string;
  /** A line under the title, e.g. "Creado el 3 de marzo de 2026 por Ana Quispe". */
  meta?: string;
}

export function standaloneHtml({ title, bodyHtml, language, meta }: StandaloneHtmlOptions): string {
  const safeTitle = escapeHtml(title);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Minka">',
    `<title>${safeTitle}</title>`,
    `<style>${EXPORT_STYLESHEET}</style>`,
    '</head>',
    '<body>',
    `<h1 class="document-title">${safeTitle}</h1>`,
    meta === undefined ? '' : `<p class="document-meta">${escapeHtml(meta)}</p>`,
    '<main>',
    bodyHtml,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}
