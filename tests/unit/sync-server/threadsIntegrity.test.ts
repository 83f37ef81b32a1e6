/* eslint-disable no-restricted-syntax -- these updates are forged on purpose: they write the threads roots in ways no named mutation does. */
/**
 * The threads-room rules on crafted updates a stock client would never send: a thread or comment
 * replaced by a concurrent entry at the same key (which Yjs lets win by client id), a nested type
 * hidden inside a comment, a removed thread, an accepted suggestion reopened by a commenter. The
 * honest paths are covered end to end in tests/integration/threadsAuthorship.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acceptSuggestion,
  addReply,
  anchorInText,
  createThread,
  reopenThread,
  resolveThread,
  type Author,
  type CommentId,
  type ThreadId,
} from '../../../shared/ydoc/threadsDoc';
import { getDocumentBody } from '../../../shared/ydoc/documentDoc';
import { checkThreadsWrite, type ThreadsWriter } from '../../../sync-server/threadsIntegrity';

const maria: Author = { id: 'maria', name: 'María Quispe', organization: 'Minera Sur' };
const carlos: Author = { id: 'carlos', name: 'Carlos Huamán', organization: 'Comunidad' };
const asCarlos: ThreadsWriter = { userId: 'carlos', role: 'commenter' };
const asMaria: ThreadsWriter = { userId: 'maria', role: 'editor' };

function bodyDoc(): Y.Doc {
  const body = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('el plan de cierre')]);
  getDocumentBody(body).insert(0, [paragraph]);
  return body;
}

const body = bodyDoc();
const text = () => (getDocumentBody(body).get(0) as Y.XmlElement).get(0) as Y.XmlText;

function copyOfBody(): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(body));
  return copy;
}

function thread(doc: Y.Doc, id: string, author: Author, proposal?: string): ThreadId {
  createThread(doc, {
    id: id as ThreadId,
    kind: proposal === undefined ? 'comment' : 'suggestion',
    anchor: anchorInText(text(), 3, 17),
    quote: 'plan de cierre',
    proposal,
    author,
    comment: { id: `${id}-c1` as CommentId, parts: [{ type: 'text', text: 'Hola' }] },
    now: 1,
  });
  return id as ThreadId;
}

/** A room holding María's thread, and a copy of it for the writer. */
function room(proposal?: string): { room: Y.Doc; client: Y.Doc; id: ThreadId } {
  const room = new Y.Doc();
  const id = thread(room, 't-1', maria, proposal);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  return { room, client, id };
}

/** What `change` makes of `client`, as the update it would send. */
function updateOf(client: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  change();
  return Y.encodeStateAsUpdate(client, before);
}

describe('threads integrity on crafted updates', () => {
  it("refuses a concurrent entry that would replace a colleague's thread or comment", () => {
    const { room: server, client } = room();
    // A writer that never synced: its entry at the same key carries no origin.
    const blind = new Y.Doc();
    const forgedThread = updateOf(blind, () => thread(blind, 't-1', carlos));
    expect(checkThreadsWrite(server, forgedThread, asCarlos)).toMatch(/belongs to another/);

    const comments = (client.getMap('threads').get('t-1') as Y.Map<unknown>).get(
      'comments',
    ) as Y.Map<unknown>;
    const replaced = updateOf(client, () => {
      const map = new Y.Map<unknown>();
      comments.set('t-1-c1', map);
      map.set('author', carlos);
    });
    expect(checkThreadsWrite(server, replaced, asCarlos)).toMatch(/belongs to another/);
  });

  it('refuses removing a colleague’s thread but lets the author remove her own', () => {
    const { room: server, client } = room();
    const removal = updateOf(client, () => client.getMap('threads').delete('t-1'));
    expect(checkThreadsWrite(server, removal, asCarlos)).toMatch(/belongs to another/);
    expect(checkThreadsWrite(server, removal, asMaria)).toBeNull();
  });

  it('refuses a nested type inside a comment, even an own one', () => {
    const { room: server, client, id } = room();
    const hidden = updateOf(client, () => {
      addReply(client, id, { id: 'r-1' as CommentId, parts: [], author: carlos, now: 2 });
      const comments = (client.getMap('threads').get(id) as Y.Map<unknown>).get(
        'comments',
      ) as Y.Map<Y.Map<unknown>>;
      comments.get('r-1')!.set('extra', new Y.Map());
    });
    expect(checkThreadsWrite(server, hidden, asCarlos)).toBeNull(); // created in this update
    Y.applyUpdate(server, hidden);
    const nested = updateOf(client, () => {
      const comments = (client.getMap('threads').get(id) as Y.Map<unknown>).get(
        'comments',
      ) as Y.Map<Y.Map<unknown>>;
      (comments.get('r-1')!.get('extra') as Y.Map<unknown>).set('x', 1);
    });
    expect(checkThreadsWrite(server, nested, asCarlos)).toMatch(/outside the threads schema/);
  });

  it('lets a commenter resolve and reopen, but not reopen an accepted suggestion', () => {
    const { room: server, client, id } = room('plan minero');
    const resolve = updateOf(client, () => resolveThread(client, id, carlos, 2));
    expect(checkThreadsWrite(server, resolve, asCarlos)).toBeNull();
    // The room takes the resolve before the lead accepts; otherwise the two would be concurrent
    // and which one wins would depend on the random client ids.
    Y.applyUpdate(server, resolve);

    const accept = updateOf(server, () =>
      expect(acceptSuggestion(server, copyOfBody(), id, maria, 3)).toEqual({ ok: true }),
    );
    Y.applyUpdate(client, accept);
    const reopen = updateOf(client, () => reopenThread(client, id));
    // The app's reopen leaves an accepted suggestion alone, so it sends nothing to refuse.
    expect(Y.decodeUpdate(reopen).structs).toEqual([]);
    expect(checkThreadsWrite(server, reopen, asCarlos)).toBeNull();
    const forcedOpen = updateOf(client, () => {
      const map = client.getMap('threads').get(id) as Y.Map<unknown>;
      map.set('status', 'open');
      map.set('resolved', false);
    });
    expect(checkThreadsWrite(server, forcedOpen, asCarlos)).toMatch(/accepted suggestion/);
    expect(checkThreadsWrite(server, forcedOpen, { userId: 'carlos', role: 'lead' })).toBeNull();
  });

  it('does not police the meta root', () => {
    const { room: server, client } = room();
    const meta = updateOf(client, () => client.getMap('meta').set('schemaVersion', 1));
    expect(checkThreadsWrite(server, meta, asCarlos)).toBeNull();
  });
});
