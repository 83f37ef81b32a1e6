/**
 * Authorship in the threads room cannot be forged (sync-server/threadsIntegrity.ts), end to end
 * with stock y-websocket clients and a real SQLite file: a comment or reply signed with a
 * colleague's name, an edit or deletion of a colleague's comment, a resolution in someone else's
 * name and a commenter's decision are dropped with a permission-denied message (rows
 * byte-identical, the connection still reads), while a person's own threads, replies and edits,
 * anyone's resolve and reopen, and an editor's acceptance still reach the room.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocId, GroupId } from '../../shared/model/ids';
import { roomName } from '../../shared/protocol/rooms';
import {
  acceptSuggestion,
  addReply,
  deleteComment,
  editComment,
  readThreads,
  rejectSuggestion,
  reopenThread,
  resolveThread,
  reviseSuggestion,
  type CommentId,
} from '../../shared/ydoc/threadsDoc';
import { addPerson, ensureGroup, openAccounts, type Person } from './fixtures';
import {
  startServer,
  storedDoc,
  storedRows,
  type TestClient,
  type TestServer,
  waitFor,
  waitSaved,
  write,
} from './helpers';
import { authorOf, openThreads, startThread } from './reviewHelpers';

const GROUP_ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' as GroupId;
const DOC_ID = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e' as DocId;
const THREADS = roomName({ kind: 'threads', groupId: GROUP_ID, docId: DOC_ID });

interface Cast {
  server: TestServer;
  editor: Person;
  commenter: Person;
  /** A local copy of the body, only to anchor threads against. */
  body: Y.Doc;
}

async function cast(): Promise<Cast> {
  const server = await startServer();
  const accounts = openAccounts(server.dataDir);
  await ensureGroup(accounts, GROUP_ID, 'private', 'Gobernanza del clúster');
  const editor = await addPerson(accounts, {
    name: 'María Quispe',
    email: 'maria@test.demo',
    groups: { [GROUP_ID]: 'editor' },
  });
  const commenter = await addPerson(accounts, {
    name: 'Carlos Huamán',
    email: 'carlos@test.demo',
    groups: { [GROUP_ID]: 'commenter' },
  });
  const body = new Y.Doc();
  write(body, 'La mesa técnica revisará el plan de cierre antes de marzo.');
  return { server, editor, commenter, body };
}

async function storedThreads(dataDir: string) {
  return readThreads(await storedDoc(dataDir, THREADS));
}

/** Runs `forge` on a fresh connection of `person` and expects it dropped, nothing stored. */
async function expectRefused(
  server: TestServer,
  person: Person,
  forge: (client: TestClient) => void,
): Promise<TestClient> {
  const before = await storedRows(server.dataDir, THREADS);
  const client = await openThreads(server, person, THREADS);
  const seen = readThreads(client.doc);
  forge(client);
  expect(readThreads(client.doc)).not.toEqual(seen);
  await waitFor('permission denied', () => client.denials.length > 0);
  expect(client.denials[0]).toContain('comentarios');
  // A round trip after the write: anything the server applied would be visible to a new reader.
  const probe = await openThreads(server, person, THREADS);
  expect(readThreads(probe.doc)).toEqual(seen);
  expect(await storedRows(server.dataDir, THREADS)).toEqual(before);
  expect(client.closeCodes).toEqual([]);
  return client;
}

describe('authorship in the threads room', () => {
  it('refuses a thread or a reply signed with a colleague’s name, and the connection still reads', async () => {
    const { server, editor, commenter, body } = await cast();
    await expectRefused(server, commenter, (carlos) => {
      startThread(carlos, body, authorOf(editor), 't-forged', 'Firmado como María');
    });

    const maria = await openThreads(server, editor, THREADS);
    const id = startThread(maria, body, authorOf(editor), 't-1', '¿Incluye el cierre progresivo?');
    await waitSaved(maria);
    const carlos = await expectRefused(server, commenter, (client) => {
      addReply(client.doc, id, {
        id: 'r-forged' as CommentId,
        parts: [{ type: 'text', text: 'Respuesta a nombre de otra persona' }],
        author: authorOf(editor),
        now: Date.now(),
      });
    });

    // The refused connection keeps receiving the others' changes.
    addReply(maria.doc, id, {
      id: 'r-2' as CommentId,
      parts: [{ type: 'text', text: 'Sí, por etapas.' }],
      author: authorOf(editor),
      now: Date.now(),
    });
    await waitFor('relayed reply', () =>
      readThreads(carlos.doc).some((t) => t.id === id && t.comments.length === 2),
    );
    expect((await storedThreads(server.dataDir)).map((t) => t.id)).toEqual([id]);
  });

  it("refuses editing, deleting or revising a colleague's comment or suggestion", async () => {
    const { server, editor, commenter, body } = await cast();
    const maria = await openThreads(server, editor, THREADS);
    const id = startThread(maria, body, authorOf(editor), 't-1', 'Texto original de María', 'plan');
    await waitSaved(maria);
    const first = `${id}-c1` as CommentId;
    const mariaId = editor.user.id;
    await expectRefused(server, commenter, (carlos) => {
      editComment(carlos.doc, id, first, mariaId, [{ type: 'text', text: 'Cambiado' }], 1);
    });
    await expectRefused(server, commenter, (carlos) => {
      deleteComment(carlos.doc, id, first, mariaId);
    });
    await expectRefused(server, commenter, (carlos) => {
      reviseSuggestion(carlos.doc, id, mariaId, { proposal: 'otra propuesta' });
    });
    const [stored] = await storedThreads(server.dataDir);
    expect(stored!.comments[0]!.parts).toEqual([{ type: 'text', text: 'Texto original de María' }]);
    expect(stored!.proposal).toBe('plan');
  });

  it('refuses a resolution in another name and a commenter deciding a suggestion', async () => {
    const { server, editor, commenter, body } = await cast();
    const carlos = await openThreads(server, commenter, THREADS);
    const id = startThread(carlos, body, authorOf(commenter), 's-1', 'Precisar', 'plan de minas');
    await waitSaved(carlos);
    await expectRefused(server, commenter, (client) => {
      resolveThread(client.doc, id, authorOf(editor), Date.now());
    });
    await expectRefused(server, commenter, (client) => {
      expect(acceptSuggestion(client.doc, body, id, authorOf(commenter), Date.now())).toEqual({
        ok: true,
      });
    });
    await expectRefused(server, commenter, (client) => {
      rejectSuggestion(client.doc, id, authorOf(commenter), Date.now());
    });
    const [stored] = await storedThreads(server.dataDir);
    expect(stored!.status).toBe('open');
    expect(stored!.resolved).toBe(false);
  });

  it('keeps own edits, replies, anyone’s resolve and reopen, and an editor’s acceptance', async () => {
    const { server, editor, commenter, body } = await cast();
    const maria = await openThreads(server, editor, THREADS);
    const carlos = await openThreads(server, commenter, THREADS);
    const comment = startThread(maria, body, authorOf(editor), 't-1', 'Revisar plazos');
    await waitFor('thread at Carlos', () => readThreads(carlos.doc).length === 1);
    addReply(carlos.doc, comment, {
      id: 'r-1' as CommentId,
      parts: [{ type: 'text', text: 'Primera versión' }],
      author: authorOf(commenter),
      now: Date.now(),
    });
    await waitSaved(maria);
    const who = commenter.user.id;
    editComment(
      carlos.doc,
      comment,
      'r-1' as CommentId,
      who,
      [{ type: 'text', text: 'Editada' }],
      2,
    );
    resolveThread(carlos.doc, comment, authorOf(commenter), Date.now());
    const suggestion = startThread(carlos, body, authorOf(commenter), 's-1', 'Mejor así', 'plan');
    reviseSuggestion(carlos.doc, suggestion, who, { proposal: 'plan minero' });
    await waitSaved(carlos);
    await waitFor('suggestion at María', () => readThreads(maria.doc).length === 2);
    reopenThread(maria.doc, comment);
    expect(acceptSuggestion(maria.doc, body, suggestion, authorOf(editor), Date.now())).toEqual({
      ok: true,
    });
    await waitSaved(maria);

    expect(carlos.denials).toEqual([]);
    expect(maria.denials).toEqual([]);
    const stored = await storedThreads(server.dataDir);
    const byId = new Map(stored.map((thread) => [thread.id, thread]));
    const reopened = byId.get(comment)!;
    expect(reopened.resolved).toBe(false);
    expect(reopened.comments.map((c) => [c.author.id, c.parts])).toEqual([
      [editor.user.id, [{ type: 'text', text: 'Revisar plazos' }]],
      [who, [{ type: 'text', text: 'Editada' }]],
    ]);
    const accepted = byId.get(suggestion)!;
    expect([accepted.status, accepted.proposal, accepted.resolvedBy?.id]).toEqual([
      'accepted',
      'plan minero',
      editor.user.id,
    ]);
  });
});
