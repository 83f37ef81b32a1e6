/**
 * What the review integration tests share: authors from people, the first paragraph to anchor
 * threads in, a threads room opened as someone, and a thread started on "plan de cierre".
 */
import type * as Y from 'yjs';
import { getDocumentBody } from '../../shared/ydoc/documentDoc';
import {
  anchorInText,
  createThread,
  type Author,
  type CommentId,
  type ThreadId,
} from '../../shared/ydoc/threadsDoc';
import type { Person } from './fixtures';
import { connect, waitSynced, type TestClient, type TestServer } from './helpers';

export const authorOf = (person: Person): Author => ({
  id: person.user.id,
  name: person.user.name,
  organization: person.user.organization.name,
});

export function firstText(doc: Y.Doc): Y.XmlText {
  return (getDocumentBody(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** Opens `room` (a threads room) as `person`, synced. */
export async function openThreads(
  server: TestServer,
  person: Person,
  room: string,
): Promise<TestClient> {
  const client = connect({ url: server.url, token: person.token }, room);
  await waitSynced(client);
  return client;
}

export type CommentParts = Parameters<typeof createThread>[1]['comment']['parts'];

/**
 * Starts a thread on "plan de cierre" in the first paragraph of `body` ("La mesa técnica
 * revisará el plan de cierre antes de marzo."): a comment, or a suggestion when `proposal` is set.
 */
export function startThread(
  client: TestClient,
  body: Y.Doc,
  author: Author,
  id: string,
  comment: string | CommentParts,
  proposal?: string,
): ThreadId {
  const parts: CommentParts =
    typeof comment === 'string' ? [{ type: 'text', text: comment }] : comment;
  createThread(client.doc, {
    id: id as ThreadId,
    kind: proposal === undefined ? 'comment' : 'suggestion',
    anchor: anchorInText(firstText(body), 28, 42),
    quote: 'plan de cierre',
    proposal,
    author,
    comment: { id: `${id}-c1` as CommentId, parts },
    now: Date.now(),
  });
  return id as ThreadId;
}
