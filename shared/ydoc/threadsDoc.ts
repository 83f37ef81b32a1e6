/**
 * Review in the margins: one Y.Doc per document (room `g/<g>/doc/<d>/threads`) holding comment
 * threads and suggestions. It is a separate room from the body on purpose: the server lets
 * commenters write threads and nothing else, so a commenter's suggestion can never change the
 * body; only an editor's "Aceptar" applies it, as that editor's own edit.
 *
 * - A thread is anchored to a range of the body by two Yjs relative positions (encoded), so the
 *   anchor follows concurrent edits on every replica. The start sticks to the first quoted
 *   character (assoc 0), the end to the last one (assoc -1): text typed just outside the range
 *   stays outside, text typed inside is inside. When every quoted character is gone the range
 *   collapses and the thread shows its `quote` as "Texto eliminado"; it is never removed.
 * - Threads and comments are Y.Maps keyed by random id, so two people replying offline both win.
 *   Comments carry the author's name and organization as they were, so they read offline.
 * - A comment's body is a list of parts (text, or a mention carrying the user id); the server
 *   reads the mentions from the same reader to notify people.
 * - A suggestion holds the replacement text. It is applied only while the anchored text is still
 *   exactly the quote; after a concurrent edit inside its range it is "outdated" and refused.
 */
import * as Y from 'yjs';
import { Origin } from './origins';

export const THREADS_SCHEMA_VERSION = 1;

export type ThreadId = string & { readonly __brand: 'ThreadId' };
export type CommentId = string & { readonly __brand: 'CommentId' };

export type ThreadKind = 'comment' | 'suggestion';
export type SuggestionStatus = 'open' | 'accepted' | 'rejected';

export type CommentPart =
  { type: 'text'; text: string } | { type: 'mention'; userId: string; label: string };

export interface Author {
  id: string;
  name: string;
  organization: string;
}

export interface ThreadComment {
  id: CommentId;
  author: Author;
  parts: CommentPart[];
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
}

export interface Thread {
  id: ThreadId;
  kind: ThreadKind;
  anchor: TextAnchor;
  /** The anchored text when the thread was made. */
  quote: string;
  /** Suggestions only: the text proposed instead of the quote ('' proposes deleting it). */
  proposal: string;
  createdBy: Author;
  createdAt: number;
  resolved: boolean;
  resolvedBy: Author | null;
  resolvedAt: number | null;
  status: SuggestionStatus;
  /** Oldest first; deleted comments stay as tombstones so replies keep their place. */
  comments: ThreadComment[];
}

/** Encoded Yjs relative positions into the document body. */
export interface TextAnchor {
  start: Uint8Array;
  end: Uint8Array;
}

type AnyMap = Y.Map<unknown>;

const meta = (doc: Y.Doc) => doc.getMap<unknown>('meta');
const threadsMap = (doc: Y.Doc) => doc.getMap<AnyMap>('threads');

const str = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : fallback;
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

function readAuthor(value: unknown): Author | null {
  if (typeof value !== 'object' || value === null) return null;
  const author = value as Record<string, unknown>;
  if (typeof author.id !== 'string') return null;
  return { id: author.id, name: str(author.name), organization: str(author.organization) };
}

function readParts(value: unknown): CommentPart[] {
  if (!Array.isArray(value)) return [];
  const parts: CommentPart[] = [];
  for (const raw of value as unknown[]) {
    if (typeof raw !== 'object' || raw === null) continue;
    const part = raw as Record<string, unknown>;
    if (part.type === 'text' && typeof part.text === 'string') {
      parts.push({ type: 'text', text: part.text });
    } else if (part.type === 'mention' && typeof part.userId === 'string') {
      parts.push({ type: 'mention', userId: part.userId, label: str(part.label) });
    }
  }
  return parts;
}

function readComment(id: string, map: AnyMap): ThreadComment | null {
  const author = readAuthor(map.get('author'));
  if (author === null) return null;
  return {
    id: id as CommentId,
    author,
    parts: readParts(map.get('parts')),
    createdAt: num(map.get('createdAt')) ?? 0,
    editedAt: num(map.get('editedAt')),
    deleted: map.get('deleted') === true,
  };
}

function readThread(id: string, map: AnyMap): Thread | null {
  const start = map.get('anchorStart');
  const end = map.get('anchorEnd');
  const createdBy = readAuthor(map.get('createdBy'));
  if (!(start instanceof Uint8Array) || !(end instanceof Uint8Array) || createdBy === null) {
    return null;
  }
  const comments: ThreadComment[] = [];
  const commentMap = map.get('comments');
  if (commentMap instanceof Y.Map) {
    (commentMap as Y.Map<AnyMap>).forEach((value, commentId) => {
      const comment = value instanceof Y.Map ? readComment(commentId, value) : null;
      if (comment !== null) comments.push(comment);
    });
  }
  comments.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const status = map.get('status');
  return {
    id: id as ThreadId,
    kind: map.get('kind') === 'suggestion' ? 'suggestion' : 'comment',
    anchor: { start, end },
    quote: str(map.get('quote')),
    proposal: str(map.get('proposal')),
    createdBy,
    createdAt: num(map.get('createdAt')) ?? 0,
    resolved: map.get('resolved') === true,
    resolvedBy: readAuthor(map.get('resolvedBy')),
    resolvedAt: num(map.get('resolvedAt')),
    status: status === 'accepted' || status === 'rejected' ? status : 'open',
    comments,
  };
}

/** Every thread, oldest first (ties broken by id, the same on every replica). */
export function readThreads(doc: Y.Doc): Thread[] {
  const list: Thread[] = [];
  threadsMap(doc).forEach((map, id) => {
    const thread = map instanceof Y.Map ? readThread(id, map) : null;
    if (thread !== null) list.push(thread);
  });
  return list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export function findThread(doc: Y.Doc, id: ThreadId): Thread | null {
  const map = threadsMap(doc).get(id);
  return map instanceof Y.Map ? readThread(id, map) : null;
}

export function readThreadsVersion(doc: Y.Doc): number {
  return num(meta(doc).get('schemaVersion')) ?? 0;
}

/** Idempotent: writes only what is missing or older than the current schema. */
export function migrateThreads(doc: Y.Doc): void {
  if (readThreadsVersion(doc) >= THREADS_SCHEMA_VERSION) return;
  doc.transact(() => meta(doc).set('schemaVersion', THREADS_SCHEMA_VERSION), Origin.migration);
}

/** The user ids a comment mentions, each once, in order of appearance. */
export function mentionedUserIds(parts: readonly CommentPart[]): string[] {
  const ids: string[] = [];
  for (const part of parts) {
    if (part.type === 'mention' && !ids.includes(part.userId)) ids.push(part.userId);
  }
  return ids;
}

export function commentText(parts: readonly CommentPart[]): string {
  return parts.map((part) => (part.type === 'text' ? part.text : `@${part.label}`)).join('');
}

// --- anchors --------------------------------------------------------------------------------

/**
 * An anchor over `[from, to)` of a text node of the body. An empty range (an insertion point)
 * sticks to the character before it on both ends.
 */
export function anchorInText(text: Y.XmlText, from: number, to: number): TextAnchor {
  const start = Y.createRelativePositionFromTypeIndex(text, from, from === to ? -1 : 0);
  const end = Y.createRelativePositionFromTypeIndex(text, to, -1);
  return { start: Y.encodeRelativePosition(start), end: Y.encodeRelativePosition(end) };
}

/**
 * Re-biases two relative positions (as the editor binding makes them) into an anchor: where a
 * position lands in a text node, the start sticks to the character after it and the end to the
 * one before it. Positions between blocks are kept as they are.
 */
export function anchorFromPositions(
  body: Y.Doc,
  start: Y.RelativePosition,
  end: Y.RelativePosition,
): TextAnchor {
  const rebias = (position: Y.RelativePosition, assoc: number): Y.RelativePosition => {
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, body);
    if (absolute === null || !(absolute.type instanceof Y.XmlText)) return position;
    return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc);
  };
  const from = Y.createAbsolutePositionFromRelativePosition(start, body);
  const to = Y.createAbsolutePositionFromRelativePosition(end, body);
  const empty = from !== null && to !== null && from.type === to.type && from.index === to.index;
  return {
    start: Y.encodeRelativePosition(rebias(start, empty ? -1 : 0)),
    end: Y.encodeRelativePosition(rebias(end, -1)),
  };
}

export function decodeAnchor(anchor: TextAnchor): {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
} {
  return {
    start: Y.decodeRelativePosition(anchor.start),
    end: Y.decodeRelativePosition(anchor.end),
  };
}

export interface ResolvedTextRange {
  text: Y.XmlText;
  from: number;
  to: number;
}

/**
 * Where an anchor is now in `body`, when both ends fall in the same text node (a collapsed range
 * comes back with from === to); null when the ends are in different blocks or the text node
 * itself was deleted.
 */
export function resolveTextAnchor(body: Y.Doc, anchor: TextAnchor): ResolvedTextRange | null {
  const { start, end } = decodeAnchor(anchor);
  const from = Y.createAbsolutePositionFromRelativePosition(start, body);
  const to = Y.createAbsolutePositionFromRelativePosition(end, body);
  if (from === null || to === null || from.type !== to.type) return null;
  if (!(from.type instanceof Y.XmlText) || from.type._item?.deleted === true) return null;
  if (isInDeletedBlock(from.type)) return null;
  return { text: from.type, from: from.index, to: Math.max(from.index, to.index) };
}

function isInDeletedBlock(text: Y.XmlText): boolean {
  for (let item: Y.Item | null = text._item; item !== null;) {
    if (item.deleted) return true;
    const parent = item.parent;
    item = parent instanceof Y.AbstractType ? parent._item : null;
  }
  return false;
}

/** The plain text of a text node between two indexes (embeds count as nothing). */
export function plainTextBetween(text: Y.XmlText, from: number, to: number): string {
  let out = '';
  let offset = 0;
  for (const op of text.toDelta() as Array<{ insert: unknown }>) {
    const insert = typeof op.insert === 'string' ? op.insert : null;
    const length = insert === null ? 1 : insert.length;
    if (insert !== null) {
      out += insert.slice(Math.max(0, from - offset), Math.max(0, to - offset));
    }
    offset += length;
    if (offset >= to) break;
  }
  return out;
}

export type AnchorState =
  /** The anchored text is there (for a suggestion: exactly the quote, ready to apply). */
  | { kind: 'live'; text: string }
  /** Someone edited inside the range since: both texts are shown, nothing is applied. */
  | { kind: 'outdated'; text: string }
  /** Every anchored character was deleted: shown as "Texto eliminado" with the quote. */
  | { kind: 'deleted' }
  /** Spans blocks; the editor places it, the text cannot be compared here. */
  | { kind: 'multiBlock' };

export function anchorState(body: Y.Doc, thread: Pick<Thread, 'anchor' | 'quote'>): AnchorState {
  const range = resolveTextAnchor(body, thread.anchor);
  if (range === null) {
    const { start } = decodeAnchor(thread.anchor);
    const from = Y.createAbsolutePositionFromRelativePosition(start, body);
    if (from === null || (from.type instanceof Y.XmlText && isInDeletedBlock(from.type))) {
      return { kind: 'deleted' };
    }
    return { kind: 'multiBlock' };
  }
  const text = plainTextBetween(range.text, range.from, range.to);
  if (thread.quote !== '' && text === '') return { kind: 'deleted' };
  return text === thread.quote ? { kind: 'live', text } : { kind: 'outdated', text };
}

// --- mutations ------------------------------------------------------------------------------

export interface NewThread {
  id: ThreadId;
  kind: ThreadKind;
  anchor: TextAnchor;
  quote: string;
  proposal?: string;
  author: Author;
  /** The first comment (may be empty for a suggestion with no explanation). */
  comment: { id: CommentId; parts: CommentPart[] };
  now: number;
}

function commentMap(parts: CommentPart[], author: Author, now: number): AnyMap {
  const map = new Y.Map<unknown>();
  map.set('author', { ...author });
  map.set(
    'parts',
    parts.map((part) => ({ ...part })),
  );
  map.set('createdAt', now);
  return map;
}

export function createThread(doc: Y.Doc, input: NewThread, origin: Origin = Origin.local): void {
  doc.transact(() => {
    if (readThreadsVersion(doc) < THREADS_SCHEMA_VERSION) {
      meta(doc).set('schemaVersion', THREADS_SCHEMA_VERSION);
    }
    const map = new Y.Map<unknown>();
    threadsMap(doc).set(input.id, map);
    map.set('kind', input.kind);
    map.set('anchorStart', input.anchor.start);
    map.set('anchorEnd', input.anchor.end);
    map.set('quote', input.quote);
    if (input.kind === 'suggestion') {
      map.set('proposal', input.proposal ?? '');
      map.set('status', 'open');
    }
    map.set('createdBy', { ...input.author });
    map.set('createdAt', input.now);
    map.set('resolved', false);
    const comments = new Y.Map<unknown>();
    map.set('comments', comments);
    if (input.comment.parts.length > 0) {
      comments.set(input.comment.id, commentMap(input.comment.parts, input.author, input.now));
    }
  }, origin);
}

function threadOf(doc: Y.Doc, id: ThreadId): AnyMap | null {
  const map = threadsMap(doc).get(id);
  return map instanceof Y.Map ? map : null;
}

function commentOf(doc: Y.Doc, threadId: ThreadId, commentId: CommentId): AnyMap | null {
  const comments = threadOf(doc, threadId)?.get('comments');
  if (!(comments instanceof Y.Map)) return null;
  const map = (comments as Y.Map<unknown>).get(commentId);
  return map instanceof Y.Map ? (map as AnyMap) : null;
}

export function addReply(
  doc: Y.Doc,
  threadId: ThreadId,
  comment: { id: CommentId; parts: CommentPart[]; author: Author; now: number },
  origin: Origin = Origin.local,
): boolean {
  const comments = threadOf(doc, threadId)?.get('comments');
  if (!(comments instanceof Y.Map)) return false;
  doc.transact(() => {
    (comments as Y.Map<unknown>).set(
      comment.id,
      commentMap(comment.parts, comment.author, comment.now),
    );
  }, origin);
  return true;
}

/** Only the author edits or deletes a comment; returns false for anyone else. */
export function editComment(
  doc: Y.Doc,
  threadId: ThreadId,
  commentId: CommentId,
  editor: string,
  parts: CommentPart[],
  now: number,
  origin: Origin = Origin.local,
): boolean {
  const map = commentOf(doc, threadId, commentId);
  if (map === null || readAuthor(map.get('author'))?.id !== editor) return false;
  doc.transact(() => {
    map.set(
      'parts',
      parts.map((part) => ({ ...part })),
    );
    map.set('editedAt', now);
  }, origin);
  return true;
}

export function deleteComment(
  doc: Y.Doc,
  threadId: ThreadId,
  commentId: CommentId,
  editor: string,
  origin: Origin = Origin.local,
): boolean {
  const map = commentOf(doc, threadId, commentId);
  if (map === null || readAuthor(map.get('author'))?.id !== editor) return false;
  doc.transact(() => {
    map.set('deleted', true);
    map.set('parts', []);
  }, origin);
  return true;
}

export function resolveThread(
  doc: Y.Doc,
  threadId: ThreadId,
  by: Author,
  now: number,
  origin: Origin = Origin.local,
): void {
  const map = threadOf(doc, threadId);
  if (map === null) return;
  doc.transact(() => {
    map.set('resolved', true);
    map.set('resolvedBy', { ...by });
    map.set('resolvedAt', now);
  }, origin);
}

export function reopenThread(doc: Y.Doc, threadId: ThreadId, origin: Origin = Origin.local): void {
  const map = threadOf(doc, threadId);
  if (map === null || map.get('status') === 'accepted') return;
  doc.transact(() => {
    map.set('resolved', false);
    map.delete('resolvedBy');
    map.delete('resolvedAt');
    if (map.get('kind') === 'suggestion') map.set('status', 'open');
  }, origin);
}

/**
 * The author reshapes their own open suggestion while typing in "Modo sugerencia" (a longer
 * insertion, a deletion grown by Backspace); false for anyone else or a decided suggestion.
 */
export function reviseSuggestion(
  doc: Y.Doc,
  threadId: ThreadId,
  editor: string,
  change: { anchor?: TextAnchor; quote?: string; proposal: string },
  origin: Origin = Origin.local,
): boolean {
  const map = threadOf(doc, threadId);
  if (map === null || map.get('kind') !== 'suggestion' || map.get('status') !== 'open') {
    return false;
  }
  if (readAuthor(map.get('createdBy'))?.id !== editor) return false;
  doc.transact(() => {
    if (change.anchor !== undefined) {
      map.set('anchorStart', change.anchor.start);
      map.set('anchorEnd', change.anchor.end);
    }
    if (change.quote !== undefined) map.set('quote', change.quote);
    map.set('proposal', change.proposal);
  }, origin);
  return true;
}

export function rejectSuggestion(
  doc: Y.Doc,
  threadId: ThreadId,
  by: Author,
  now: number,
  origin: Origin = Origin.local,
): void {
  const map = threadOf(doc, threadId);
  if (map === null || map.get('kind') !== 'suggestion' || map.get('status') !== 'open') return;
  doc.transact(() => {
    map.set('status', 'rejected');
    map.set('resolved', true);
    map.set('resolvedBy', { ...by });
    map.set('resolvedAt', now);
  }, origin);
}

export type AcceptResult =
  | { ok: true }
  | { ok: false; reason: 'not_found' | 'not_open' | 'outdated' | 'deleted' | 'multi_block' };

/**
 * Applies a suggestion to the body as the acceptor's own edit, then marks it accepted. Refused
 * (nothing written) when the anchored text is no longer exactly the quote: a concurrent edit
 * inside the range must be looked at by a person, never overwritten.
 */
export function acceptSuggestion(
  threads: Y.Doc,
  body: Y.Doc,
  threadId: ThreadId,
  by: Author,
  now: number,
  origin: Origin = Origin.local,
): AcceptResult {
  const map = threadOf(threads, threadId);
  const thread = map === null ? null : readThread(threadId, map);
  if (map === null || thread === null || thread.kind !== 'suggestion') {
    return { ok: false, reason: 'not_found' };
  }
  if (thread.status !== 'open') return { ok: false, reason: 'not_open' };
  const state = anchorState(body, thread);
  if (state.kind === 'deleted') return { ok: false, reason: 'deleted' };
  if (state.kind === 'multiBlock') return { ok: false, reason: 'multi_block' };
  if (state.kind === 'outdated') return { ok: false, reason: 'outdated' };
  const range = resolveTextAnchor(body, thread.anchor)!;
  body.transact(() => {
    const attributes = formatAt(range.text, range.from);
    if (range.to > range.from) range.text.delete(range.from, range.to - range.from);
    if (thread.proposal !== '') range.text.insert(range.from, thread.proposal, attributes);
  }, origin);
  threads.transact(() => {
    map.set('status', 'accepted');
    map.set('resolved', true);
    map.set('resolvedBy', { ...by });
    map.set('resolvedAt', now);
  }, origin);
  return { ok: true };
}

/** The marks of the character at `index`, so accepted text keeps the formatting it replaces. */
function formatAt(text: Y.XmlText, index: number): Record<string, unknown> | undefined {
  let offset = 0;
  for (const op of text.toDelta() as Array<{
    insert: unknown;
    attributes?: Record<string, unknown>;
  }>) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index < offset + length) return op.attributes;
    offset += length;
  }
  return undefined;
}

// --- mentions in the body -------------------------------------------------------------------

export interface BodyMention {
  /** The mention node's Yjs id: the same on every replica, so it names the mention for good. */
  key: string;
  userId: string;
  label: string;
  /** The text of the block the mention is in, for a notification's excerpt. */
  context: string;
}

function blockText(element: Y.XmlElement | Y.XmlFragment): string {
  return element
    .toArray()
    .map((child) => {
      if (child instanceof Y.XmlText) return plainTextBetween(child, 0, child.length);
      if (child instanceof Y.XmlElement && child.nodeName === 'mention') {
        return `@${String(child.getAttribute('label') ?? '')}`;
      }
      return child instanceof Y.XmlElement ? blockText(child) : '';
    })
    .join('');
}

/** Every mention node (`mention`, attribute `id` = user id) in a document's body. */
export function readBodyMentions(body: Y.XmlFragment): BodyMention[] {
  const found: BodyMention[] = [];
  const visit = (node: Y.XmlElement | Y.XmlFragment, block: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === 'mention') {
        const userId = child.getAttribute('id');
        const item = child._item;
        if (typeof userId === 'string' && item !== null) {
          found.push({
            key: `${item.id.client}:${item.id.clock}`,
            userId,
            label: String(child.getAttribute('label') ?? ''),
            context: blockText(block),
          });
        }
        continue;
      }
      visit(child, child.toArray().some((c) => c instanceof Y.XmlText) ? child : block);
    }
  };
  visit(body, body);
  return found;
}
