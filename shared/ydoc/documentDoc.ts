/**
 * A shared document: one Y.Doc holding `meta` (schema version, creation) and `body`, the
 * XmlFragment that Tiptap's Collaboration extension edits. The title lives in the group index,
 * the single place both the sidebar and the editor header read it from.
 *
 * The body uses ProseMirror's node names (paragraph, heading, bulletList, listItem ...) as
 * y-prosemirror stores them, so content written here (the demo seed, imports) opens in the
 * editor exactly like typed content.
 */
import * as Y from 'yjs';
import { Origin } from './origins';

export const DOCUMENT_SCHEMA_VERSION = 1;

const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta');

/** The fragment handed to the editor; nothing else should edit it directly. */
export function getDocumentBody(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment('body');
}

export interface DocumentMeta {
  schemaVersion: number;
  createdAt: number;
}

export function readDocumentMeta(doc: Y.Doc): DocumentMeta {
  const m = meta(doc);
  const version = m.get('schemaVersion');
  const createdAt = m.get('createdAt');
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
  };
}

/** Idempotent: writes only what is missing or older than the current schema. */
export function migrateDocument(doc: Y.Doc): void {
  const version = meta(doc).get('schemaVersion');
  if (typeof version === 'number' && version >= DOCUMENT_SCHEMA_VERSION) return;
  doc.transact(() => {
    meta(doc).set('schemaVersion', DOCUMENT_SCHEMA_VERSION);
  }, Origin.migration);
}

/** Marks a brand-new document with its creation time (once; later calls change nothing). */
export function initDocument(doc: Y.Doc, createdAt: number, origin: Origin = Origin.local): void {
  doc.transact(() => {
    if (typeof meta(doc).get('createdAt') !== 'number') meta(doc).set('createdAt', createdAt);
    if (meta(doc).get('schemaVersion') !== DOCUMENT_SCHEMA_VERSION) {
      meta(doc).set('schemaVersion', DOCUMENT_SCHEMA_VERSION);
    }
  }, origin);
}

/** A run of text with optional marks, as ProseMirror names them. */
export interface TextRun {
  text: string;
  marks?: Array<'bold' | 'italic' | 'underline' | 'strike' | 'code'>;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; runs: TextRun[] }
  | { type: 'bulletList'; items: string[] }
  | { type: 'orderedList'; items: string[] }
  | { type: 'taskList'; items: Array<{ text: string; checked: boolean }> }
  /** The first row is the header row. */
  | { type: 'table'; rows: string[][] };

function textElement(nodeName: string, runs: TextRun[]): Y.XmlElement {
  const element = new Y.XmlElement(nodeName);
  const text = new Y.XmlText();
  element.insert(0, [text]);
  let offset = 0;
  for (const run of runs) {
    const attrs = Object.fromEntries((run.marks ?? []).map((mark) => [mark, {}]));
    text.insert(offset, run.text, attrs);
    offset += run.text.length;
  }
  return element;
}

function listItem(itemName: string, text: string, attrs: Record<string, unknown> = {}) {
  const item = new Y.XmlElement(itemName);
  for (const [key, value] of Object.entries(attrs)) item.setAttribute(key, value as string);
  item.insert(0, [textElement('paragraph', [{ text }])]);
  return item;
}

function blockElement(block: Block): Y.XmlElement {
  switch (block.type) {
    case 'heading': {
      const heading = textElement('heading', [{ text: block.text }]);
      // y-prosemirror keeps node attributes with their JSON types; the level is a number.
      heading.setAttribute('level', block.level as unknown as string);
      return heading;
    }
    case 'paragraph':
      return textElement('paragraph', block.runs);
    case 'bulletList':
    case 'orderedList': {
      const list = new Y.XmlElement(block.type);
      list.insert(
        0,
        block.items.map((text) => listItem('listItem', text)),
      );
      return list;
    }
    case 'taskList': {
      const list = new Y.XmlElement('taskList');
      list.insert(
        0,
        block.items.map((item) => listItem('taskItem', item.text, { checked: item.checked })),
      );
      return list;
    }
    case 'table': {
      const table = new Y.XmlElement('table');
      table.insert(
        0,
        block.rows.map((cells, rowIndex) => {
          const row = new Y.XmlElement('tableRow');
          row.insert(
            0,
            cells.map((text) => {
              const cell = new Y.XmlElement(rowIndex === 0 ? 'tableHeader' : 'tableCell');
              cell.insert(0, [textElement('paragraph', [{ text }])]);
              return cell;
            }),
          );
          return row;
        }),
      );
      return table;
    }
  }
}

/** Appends blocks at the end of the body (used by the demo seed and by tests). */
export function appendBlocks(doc: Y.Doc, blocks: Block[], origin: Origin = Origin.local): void {
  doc.transact(() => {
    const body = getDocumentBody(doc);
    body.insert(body.length, blocks.map(blockElement));
  }, origin);
}

function collectText(node: Y.XmlElement | Y.XmlText | Y.XmlFragment, out: string[]): void {
  if (node instanceof Y.XmlText) {
    out.push(
      node
        .toDelta()
        .map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
        .join(''),
    );
    return;
  }
  // An image's alt text and caption are its words: search finds it by them, and plain-text
  // readers show them where the picture is.
  if (node instanceof Y.XmlElement && node.nodeName === 'image') {
    const words = [node.getAttribute('alt'), node.getAttribute('caption')].filter(
      (part): part is string => typeof part === 'string' && part.trim() !== '',
    );
    if (words.length > 0) out.push(words.join(' — '));
    return;
  }
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) collectText(child, out);
  }
}

/**
 * The body as plain text, one line per text block. Used for search, exports of last resort and
 * tests that compare what two replicas show.
 */
export function readDocumentText(doc: Y.Doc): string {
  const lines: string[] = [];
  for (const block of getDocumentBody(doc).toArray()) {
    const parts: string[] = [];
    if (block instanceof Y.XmlElement || block instanceof Y.XmlText) collectText(block, parts);
    lines.push(
      ...(block instanceof Y.XmlElement && block.nodeName.endsWith('List')
        ? parts
        : [parts.join('')]),
    );
  }
  return lines.join('\n');
}

/**
 * The text of each top-level block of the body, in order (a list or a table is one block, its
 * items one line each). Position i is the editor's i-th top-level node, which lets search open a
 * document scrolled to the block that matched.
 */
export function readDocumentBlocks(doc: Y.Doc): string[] {
  return getDocumentBody(doc)
    .toArray()
    .map((block) => {
      const parts: string[] = [];
      if (block instanceof Y.XmlElement || block instanceof Y.XmlText) collectText(block, parts);
      return parts.join('\n');
    });
}
