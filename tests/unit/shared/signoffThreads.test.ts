/**
 * Observations sent with a sign-off answer become a document-level comment thread: anchored at
 * the start of the document, following edits made before and inside the first block, and
 * labelled with the organization and the version.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks, getDocumentBody } from '../../../shared/ydoc/documentDoc';
import { createObservationThread, documentStartAnchor } from '../../../shared/ydoc/signoffThreads';
import {
  anchorState,
  commentText,
  readThreads,
  resolveTextAnchor,
  type CommentId,
  type ThreadId,
} from '../../../shared/ydoc/threadsDoc';

const ana = { id: 'u-ana', name: 'Ana Mamani', organization: 'Municipalidad de Cotahuasi' };

function observe(threads: Y.Doc, body: Y.Doc): void {
  createObservationThread(threads, documentStartAnchor(body), {
    id: 't-1' as ThreadId,
    commentId: 'c-1' as CommentId,
    author: ana,
    label: 'Observación de Municipalidad de Cotahuasi sobre «Acta v2»',
    text: 'Falta el anexo de caudales.',
    now: 1_000,
  });
}

describe('observation threads', () => {
  it('labels the thread and keeps the author with their organization', () => {
    const body = new Y.Doc();
    appendBlocks(body, [{ type: 'heading', level: 1, text: 'Acta' }]);
    const threads = new Y.Doc();
    observe(threads, body);
    const [thread] = readThreads(threads);
    expect(thread).toBeDefined();
    expect(thread!.kind).toBe('comment');
    expect(thread!.createdBy).toEqual(ana);
    expect(thread!.quote).toBe('');
    expect(thread!.comments).toHaveLength(1);
    expect(commentText(thread!.comments[0]!.parts)).toBe(
      'Observación de Municipalidad de Cotahuasi sobre «Acta v2»\nFalta el anexo de caudales.',
    );
    expect(anchorState(body, thread!)).toEqual({ kind: 'live', text: '' });
  });

  it('stays at the start of the first block while people type in it', () => {
    const body = new Y.Doc();
    appendBlocks(body, [
      { type: 'paragraph', runs: [{ text: 'Primer párrafo' }] },
      { type: 'paragraph', runs: [{ text: 'Segundo' }] },
    ]);
    const threads = new Y.Doc();
    observe(threads, body);
    const first = getDocumentBody(body).get(0) as Y.XmlElement;
    const text = first.get(0) as Y.XmlText;
    text.insert(7, 'gran ');
    const range = resolveTextAnchor(body, readThreads(threads)[0]!.anchor);
    expect(range?.text).toBe(text);
    expect(range?.from).toBe(0);
    expect(range?.to).toBe(0);
  });

  it('anchors to an empty document and reaches another replica of the threads room', () => {
    const body = new Y.Doc();
    const threads = new Y.Doc();
    observe(threads, body);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(threads));
    expect(readThreads(other).map((thread) => thread.id)).toEqual(['t-1']);
  });
});
