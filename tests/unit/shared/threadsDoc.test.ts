/**
 * The threads schema: anchors that follow concurrent edits on three replicas (seeded; a failure
 * prints its seed, `THREADS_SEED=<n>` replays it), deleted anchors kept as "Texto eliminado",
 * suggestions refused once their range changed, mentions, and author-only edits.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks, getDocumentBody, readDocumentText } from '../../../shared/ydoc/documentDoc';
import {
  acceptSuggestion,
  addReply,
  anchorInText,
  anchorState,
  createThread,
  deleteComment,
  editComment,
  findThread,
  mentionedUserIds,
  plainTextBetween,
  migrateThreads,
  readBodyMentions,
  readThreads,
  readThreadsVersion,
  rejectSuggestion,
  reopenThread,
  resolveTextAnchor,
  resolveThread,
  reviseSuggestion,
  THREADS_SCHEMA_VERSION,
  type Author,
  type CommentId,
  type ThreadId,
} from '../../../shared/ydoc/threadsDoc';

const carlos: Author = { id: 'u-carlos', name: 'Carlos Huamán', organization: 'UNSA' };
const maria: Author = { id: 'u-maria', name: 'María Quispe', organization: 'Minera Sur' };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function paragraphText(doc: Y.Doc): Y.XmlText {
  const paragraph = getDocumentBody(doc).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

function bodyWith(text: string, clientID = 1): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  appendBlocks(doc, [{ type: 'paragraph', runs: [{ text }] }]);
  return doc;
}

function sync(docs: Y.Doc[]): void {
  for (const from of docs)
    for (const to of docs)
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** Every character of the text node in document order: its id and whether it still exists. */
function characters(text: Y.XmlText): Array<{ id: string; alive: boolean }> {
  const chars: Array<{ id: string; alive: boolean }> = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentString) && !item.deleted) continue;
    if (!item.countable && !item.deleted) continue;
    for (let k = 0; k < item.length; k++) {
      chars.push({ id: `${item.id.client}:${item.id.clock + k}`, alive: !item.deleted });
    }
  }
  return chars;
}

/** Where the quoted characters are now, counted by hand over the item list (the oracle). */
function expectedRange(text: Y.XmlText, quoted: Set<string>): { from: number; to: number } {
  const chars = characters(text);
  const first = chars.findIndex((c) => quoted.has(c.id));
  let last = -1;
  chars.forEach((c, i) => {
    if (quoted.has(c.id)) last = i;
  });
  const aliveBefore = (end: number) => chars.slice(0, end).filter((c) => c.alive).length;
  return { from: aliveBefore(first), to: aliveBefore(last + 1) };
}

function newThread(threads: Y.Doc, body: Y.Doc, from: number, to: number, proposal?: string) {
  const text = paragraphText(body);
  const id = `t-${from}-${to}` as ThreadId;
  createThread(threads, {
    id,
    kind: proposal === undefined ? 'comment' : 'suggestion',
    anchor: anchorInText(text, from, to),
    quote: plainTextBetween(text, from, to),
    proposal,
    author: carlos,
    comment: { id: 'c-1' as CommentId, parts: [{ type: 'text', text: '¿Es correcto?' }] },
    now: 1000,
  });
  return id;
}

describe('thread anchors across three replicas', () => {
  const seeds = process.env.THREADS_SEED
    ? [Number(process.env.THREADS_SEED)]
    : Array.from({ length: 40 }, (_, i) => i + 1);

  it.each(seeds)('seed %i: the anchor covers the same surviving text on every replica', (seed) => {
    const random = mulberry32(seed);
    const base = 'La mesa técnica revisará el plan de cierre antes de marzo.';
    const replicas = [bodyWith(base, 1), new Y.Doc(), new Y.Doc()];
    replicas[1]!.clientID = 2;
    replicas[2]!.clientID = 3;
    sync(replicas);
    const threads = new Y.Doc();
    const from = 3 + Math.floor(random() * 20);
    const to = from + 1 + Math.floor(random() * 20);
    const id = newThread(threads, replicas[0]!, from, to);
    const anchor = findThread(threads, id)!.anchor;
    const quoted = new Set(
      characters(paragraphText(replicas[0]!))
        .slice(from, to)
        .map((c) => c.id),
    );

    for (let round = 0; round < 30; round++) {
      for (const doc of replicas) {
        const text = paragraphText(doc);
        const edits = 1 + Math.floor(random() * 3);
        for (let e = 0; e < edits; e++) {
          const length = text.length;
          // Edits cluster around the anchor's ends: before, at, inside and just after it.
          const range = resolveTextAnchor(doc, anchor);
          const near = range === null ? 0 : random() < 0.5 ? range.from : range.to;
          const at = Math.max(0, Math.min(length, near + Math.floor(random() * 7) - 3));
          if (random() < 0.55 || length < 5) {
            text.insert(at, 'xyz'.slice(0, 1 + Math.floor(random() * 3)));
          } else {
            const count = Math.min(length - at, 1 + Math.floor(random() * 4));
            if (count > 0) text.delete(at, count);
          }
        }
      }
      sync(replicas);
      const ranges = replicas.map((doc) => {
        const range = resolveTextAnchor(doc, anchor);
        expect(range, `seed ${seed} round ${round}`).not.toBeNull();
        return { from: range!.from, to: range!.to };
      });
      const expected = expectedRange(paragraphText(replicas[0]!), quoted);
      for (const range of ranges) expect(range, `seed ${seed} round ${round}`).toEqual(expected);
      expect(readDocumentText(replicas[1]!)).toBe(readDocumentText(replicas[0]!));
    }
  });
});

describe('threads', () => {
  it('starts, replies, resolves and reopens a thread, converging across replicas', () => {
    const body = bodyWith('El plan de cierre se presenta en marzo.');
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = newThread(a, body, 3, 17);
    sync([a, b]);
    addReply(b, id, {
      id: 'c-2' as CommentId,
      parts: [{ type: 'text', text: 'Sí, lo confirmó la DREM.' }],
      author: maria,
      now: 2000,
    });
    addReply(a, id, {
      id: 'c-3' as CommentId,
      parts: [{ type: 'text', text: 'Gracias.' }],
      author: carlos,
      now: 2001,
    });
    sync([a, b]);
    expect(readThreads(a)).toEqual(readThreads(b));
    const thread = findThread(a, id)!;
    expect(thread.quote).toBe('plan de cierre');
    expect(thread.comments.map((c) => c.author.name)).toEqual([
      'Carlos Huamán',
      'María Quispe',
      'Carlos Huamán',
    ]);
    expect(readThreadsVersion(a)).toBe(THREADS_SCHEMA_VERSION);

    resolveThread(b, id, maria, 3000);
    sync([a, b]);
    expect(findThread(a, id)).toMatchObject({ resolved: true, resolvedBy: maria });
    reopenThread(a, id);
    sync([a, b]);
    expect(findThread(b, id)).toMatchObject({ resolved: false, resolvedBy: null });
  });

  it('lets only the author edit or delete a comment, and keeps deleted ones as tombstones', () => {
    const body = bodyWith('Texto de prueba');
    const doc = new Y.Doc();
    const id = newThread(doc, body, 0, 5);
    const parts = [{ type: 'text' as const, text: 'Corregido' }];
    expect(editComment(doc, id, 'c-1' as CommentId, maria.id, parts, 5)).toBe(false);
    expect(editComment(doc, id, 'c-1' as CommentId, carlos.id, parts, 5)).toBe(true);
    expect(findThread(doc, id)!.comments[0]).toMatchObject({ parts, editedAt: 5 });
    expect(deleteComment(doc, id, 'c-1' as CommentId, maria.id)).toBe(false);
    expect(deleteComment(doc, id, 'c-1' as CommentId, carlos.id)).toBe(true);
    expect(findThread(doc, id)!.comments[0]).toMatchObject({ deleted: true, parts: [] });
  });

  it('shows a thread whose text was deleted as deleted, with its quote, and never drops it', () => {
    const body = bodyWith('Primero. Segundo párrafo. Tercero.');
    const threads = new Y.Doc();
    const id = newThread(threads, body, 9, 25);
    const remote = new Y.Doc();
    sync([body, remote]);
    paragraphText(remote).delete(7, 20);
    sync([body, remote]);
    const thread = findThread(threads, id)!;
    expect(anchorState(body, thread)).toEqual({ kind: 'deleted' });
    expect(thread.quote).toBe('Segundo párrafo.');
    expect(readThreads(threads)).toHaveLength(1);

    // Deleting the whole paragraph (block and all) is also "deleted", not lost.
    const other = bodyWith('Un párrafo entero.');
    const t2 = new Y.Doc();
    const id2 = newThread(t2, other, 3, 10);
    other.transact(() => getDocumentBody(other).delete(0, 1));
    expect(anchorState(other, findThread(t2, id2)!)).toEqual({ kind: 'deleted' });
  });

  it('migrates idempotently', () => {
    const doc = new Y.Doc();
    migrateThreads(doc);
    const before = Y.encodeStateAsUpdate(doc);
    migrateThreads(doc);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(readThreadsVersion(doc)).toBe(THREADS_SCHEMA_VERSION);
  });
});

describe('suggestions', () => {
  it('applies an accepted suggestion as an edit and marks it accepted by the acceptor', () => {
    const body = bodyWith('Se entregará el informe en marzo.');
    const threads = new Y.Doc();
    const id = newThread(threads, body, 27, 32, 'abril');
    const result = acceptSuggestion(threads, body, id, maria, 5000);
    expect(result).toEqual({ ok: true });
    expect(readDocumentText(body)).toBe('Se entregará el informe en abril.');
    expect(findThread(threads, id)).toMatchObject({
      status: 'accepted',
      resolved: true,
      resolvedBy: maria,
    });
    expect(acceptSuggestion(threads, body, id, maria, 5001)).toEqual({
      ok: false,
      reason: 'not_open',
    });
  });

  it('refuses, as outdated, a suggestion whose range someone edited concurrently', () => {
    const commenter = bodyWith('Se entregará el informe en marzo.', 1);
    const editor = new Y.Doc();
    editor.clientID = 2;
    sync([commenter, editor]);
    const threads = new Y.Doc();
    const id = newThread(threads, commenter, 13, 32, 'el estudio en abril');
    // Meanwhile the editor types inside the suggested range.
    paragraphText(editor).insert(23, ' final');
    sync([commenter, editor]);
    const thread = findThread(threads, id)!;
    expect(anchorState(editor, thread)).toEqual({
      kind: 'outdated',
      text: 'el informe final en marzo',
    });
    const before = Y.encodeStateAsUpdate(editor);
    expect(acceptSuggestion(threads, editor, id, maria, 6000)).toEqual({
      ok: false,
      reason: 'outdated',
    });
    expect(Y.encodeStateAsUpdate(editor)).toEqual(before);
    expect(findThread(threads, id)!.status).toBe('open');
  });

  it('accepts a deletion and an insertion, keeps the replaced text formatting, rejects', () => {
    const body = new Y.Doc();
    appendBlocks(body, [
      { type: 'paragraph', runs: [{ text: 'Plazo ' }, { text: 'muy corto', marks: ['bold'] }] },
    ]);
    const threads = new Y.Doc();
    const del = newThread(threads, body, 6, 10, '');
    expect(acceptSuggestion(threads, body, del, maria, 1)).toEqual({ ok: true });
    expect(readDocumentText(body)).toBe('Plazo corto');
    const ins = newThread(threads, body, 6, 11, 'breve');
    expect(acceptSuggestion(threads, body, ins, maria, 2)).toEqual({ ok: true });
    expect(paragraphText(body).toDelta()).toEqual([
      { insert: 'Plazo ' },
      { insert: 'breve', attributes: { bold: {} } },
    ]);
    const rejected = newThread(threads, body, 0, 5, 'Término');
    rejectSuggestion(threads, rejected, maria, 3);
    expect(findThread(threads, rejected)).toMatchObject({ status: 'rejected', resolved: true });
    expect(acceptSuggestion(threads, body, rejected, maria, 4)).toEqual({
      ok: false,
      reason: 'not_open',
    });
  });
});

describe('mentions', () => {
  it('resolve to user ids, each once, in order', () => {
    expect(
      mentionedUserIds([
        { type: 'text', text: 'Hola ' },
        { type: 'mention', userId: 'u-maria', label: 'María Quispe' },
        { type: 'text', text: ' y ' },
        { type: 'mention', userId: 'u-carlos', label: 'Carlos Huamán' },
        { type: 'mention', userId: 'u-maria', label: 'María Quispe' },
      ]),
    ).toEqual(['u-maria', 'u-carlos']);
  });

  it('are read back from a synced thread as the ids the author picked', () => {
    const body = bodyWith('Texto');
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = newThread(a, body, 0, 5);
    addReply(a, id, {
      id: 'c-9' as CommentId,
      parts: [
        { type: 'mention', userId: 'u-maria', label: 'María Quispe' },
        { type: 'text', text: ' ¿puede revisar?' },
      ],
      author: carlos,
      now: 5,
    });
    sync([a, b]);
    const reply = findThread(b, id)!.comments.find((c) => c.id === 'c-9')!;
    expect(mentionedUserIds(reply.parts)).toEqual(['u-maria']);
  });
});

describe('revising a suggestion', () => {
  it('lets only its author reshape it, and only while it is open', () => {
    const body = bodyWith('Plazo de cinco días.');
    const threads = new Y.Doc();
    const id = newThread(threads, body, 9, 14, 'd');
    expect(reviseSuggestion(threads, id, maria.id, { proposal: 'diez' })).toBe(false);
    expect(reviseSuggestion(threads, id, carlos.id, { proposal: 'diez' })).toBe(true);
    expect(acceptSuggestion(threads, body, id, maria, 1)).toEqual({ ok: true });
    expect(readDocumentText(body)).toBe('Plazo de diez días.');
    expect(reviseSuggestion(threads, id, carlos.id, { proposal: 'tres' })).toBe(false);
  });
});

describe('mentions in the body', () => {
  it('are read with the user id, a key that is the same on every replica, and their sentence', () => {
    const a = bodyWith('Revisar con ', 1);
    const paragraph = getDocumentBody(a).get(0) as Y.XmlElement;
    a.transact(() => {
      const mention = new Y.XmlElement('mention');
      mention.setAttribute('id', 'u-maria');
      mention.setAttribute('label', 'María Quispe');
      paragraph.insert(1, [mention]);
      const after = new Y.XmlText();
      after.insert(0, ' antes del viernes.');
      paragraph.insert(2, [after]);
    });
    const b = new Y.Doc();
    sync([a, b]);
    const fromA = readBodyMentions(getDocumentBody(a));
    expect(fromA).toEqual([
      {
        key: expect.stringMatching(/^1:\d+$/),
        userId: 'u-maria',
        label: 'María Quispe',
        context: 'Revisar con @María Quispe antes del viernes.',
      },
    ]);
    expect(readBodyMentions(getDocumentBody(b))).toEqual(fromA);
  });
});
