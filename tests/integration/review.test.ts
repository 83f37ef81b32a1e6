/**
 * Review in the margins, end to end with stock y-websocket clients and a real SQLite file: a
 * commenter's thread is stored and relayed while the same commenter's body write is dropped
 * (rows byte-identical), a viewer cannot write threads, mentions and replies notify exactly once
 * however often an update arrives, and a person reads and marks only their own notifications.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocId, GroupId } from '../../shared/model/ids';
import {
  NOTIFICATIONS_PATHS,
  type NotificationsResponse,
} from '../../shared/protocol/notificationsApi';
import { roomName } from '../../shared/protocol/rooms';
import { getDocumentBody } from '../../shared/ydoc/documentDoc';
import {
  acceptSuggestion,
  addReply,
  readThreads,
  type CommentId,
  type ThreadId,
} from '../../shared/ydoc/threadsDoc';
import { mergeUpdates } from '../../sync-server/storage/storage';
import { call, errorOf } from './api';
import { addPerson, ensureGroup, openAccounts, type Person } from './fixtures';
import {
  connect,
  startServer,
  storedRows,
  type TestClient,
  type TestServer,
  waitFor,
  waitSaved,
  waitSynced,
  write,
} from './helpers';
import { authorOf, openThreads, startThread } from './reviewHelpers';

const GROUP_ID = '5d8e2f41-7a3b-4c6d-9e1f-2a3b4c5d6e7f' as GroupId;
const DOC_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' as DocId;
const BODY = roomName({ kind: 'doc', groupId: GROUP_ID, docId: DOC_ID });
const THREADS = roomName({ kind: 'threads', groupId: GROUP_ID, docId: DOC_ID });

interface Cast {
  server: TestServer;
  lead: Person;
  editor: Person;
  commenter: Person;
  viewer: Person;
  outsider: Person;
  /** The editor's client of the body, holding one paragraph. */
  body: TestClient;
}

async function cast(): Promise<Cast> {
  const server = await startServer();
  const accounts = openAccounts(server.dataDir);
  await ensureGroup(accounts, GROUP_ID, 'private', 'Gobernanza del clúster');
  const person = (name: string, email: string, role: 'lead' | 'editor' | 'commenter' | 'viewer') =>
    addPerson(accounts, { name, email, groups: { [GROUP_ID]: role } });
  const lead = await person('Lucía Mamani', 'lucia@test.demo', 'lead');
  const editor = await person('María Quispe', 'maria@test.demo', 'editor');
  const commenter = await person('Carlos Huamán', 'carlos@test.demo', 'commenter');
  const viewer = await person('Valeria Rojas', 'valeria@test.demo', 'viewer');
  const outsider = await addPerson(accounts, { name: 'Omar Externo', email: 'omar@test.demo' });
  const body = connect({ url: server.url, token: editor.token }, BODY);
  await waitSynced(body);
  write(body.doc, 'La mesa técnica revisará el plan de cierre antes de marzo.');
  await waitSaved(body);
  return { server, lead, editor, commenter, viewer, outsider, body };
}

async function notificationsOf(server: TestServer, person: Person) {
  const answer = await call<NotificationsResponse>(server.url, 'GET', NOTIFICATIONS_PATHS.list, {
    token: person.token,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

describe('threads room access', () => {
  it("stores and relays a commenter's thread and drops the same commenter's body write", async () => {
    const { server, editor, commenter, body } = await cast();
    const bodyBefore = await storedRows(server.dataDir, BODY);

    const carlosBody = connect({ url: server.url, token: commenter.token }, BODY);
    await waitSynced(carlosBody);
    write(carlosBody.doc, 'Párrafo que un comentarista no puede escribir');
    await waitFor('permission denied', () => carlosBody.denials.length > 0);

    const carlos = await openThreads(server, commenter, THREADS);
    const maria = await openThreads(server, editor, THREADS);
    startThread(carlos, body.doc, authorOf(commenter), 't-1', [
      { type: 'text', text: '¿Incluye el cierre progresivo?' },
    ]);
    await waitSaved(carlos);
    await waitFor('relayed thread', () => readThreads(maria.doc).length === 1);
    expect(readThreads(maria.doc)[0]!.comments[0]!.author.name).toBe('Carlos Huamán');

    const stored = new Y.Doc();
    Y.applyUpdate(stored, mergeUpdates(await storedRows(server.dataDir, THREADS)));
    expect(readThreads(stored).map((t) => t.quote)).toEqual(['plan de cierre']);
    expect(await storedRows(server.dataDir, BODY)).toEqual(bodyBefore);
  });

  it("drops a viewer's write to the threads room, leaving its rows byte-identical", async () => {
    const { server, viewer, body } = await cast();
    const before = await storedRows(server.dataDir, THREADS);
    const valeria = await openThreads(server, viewer, THREADS);
    startThread(valeria, body.doc, authorOf(viewer), 't-v', [
      { type: 'text', text: 'No debería guardarse' },
    ]);
    await waitFor('permission denied', () => valeria.denials.length > 0);
    // A round trip after the write: anything the server applied would be committed by now.
    const probe = await openThreads(server, viewer, THREADS);
    expect(readThreads(probe.doc)).toEqual([]);
    expect(await storedRows(server.dataDir, THREADS)).toEqual(before);
  });
});

describe('notifications', () => {
  it('notifies a mention once, even when the update is delivered twice and the client reconnects', async () => {
    const { server, editor, commenter, outsider, body } = await cast();
    const carlos = await openThreads(server, commenter, THREADS);
    startThread(carlos, body.doc, authorOf(commenter), 't-2', [
      { type: 'mention', userId: editor.user.id, label: 'María Quispe' },
      { type: 'text', text: ' ¿puede confirmar la fecha?' },
      { type: 'mention', userId: outsider.user.id, label: 'Omar Externo' },
    ]);
    await waitSaved(carlos);

    // The same update again, from a second connection, and the first one reconnecting.
    const again = await openThreads(server, commenter, THREADS);
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(carlos.doc));
    carlos.provider.disconnect();
    carlos.provider.connect();
    await waitSynced(carlos);
    await waitSaved(again);

    // A restart forgets what the server had in memory; the stored keys still hold.
    await server.close();
    const restarted = await startServer({ dataDir: server.dataDir });
    const later = connect({ url: restarted.url, token: commenter.token }, THREADS);
    await waitSynced(later);
    addReply(later.doc, 't-2' as ThreadId, {
      id: 'r-2' as CommentId,
      parts: [{ type: 'text', text: 'Sin mención esta vez.' }],
      author: authorOf(commenter),
      now: Date.now(),
    });
    await waitSaved(later);

    const mine = await notificationsOf(restarted, editor);
    expect(mine.notifications).toHaveLength(1);
    expect(mine.unread).toBe(1);
    expect(mine.notifications[0]).toMatchObject({
      kind: 'mention',
      groupId: GROUP_ID,
      groupName: 'Gobernanza del clúster',
      target: { kind: 'doc', id: DOC_ID, threadId: 't-2' },
      actor: { id: commenter.user.id, name: 'Carlos Huamán' },
      excerpt: '@María Quispe ¿puede confirmar la fecha?@Omar Externo',
      read: false,
    });
    // Not a member: never notified, so never told the private group exists.
    expect((await notificationsOf(restarted, outsider)).notifications).toEqual([]);
  });

  it('notifies replies to earlier participants and a decided suggestion to its author', async () => {
    const { server, editor, commenter, lead, body } = await cast();
    const carlos = await openThreads(server, commenter, THREADS);
    const id = startThread(
      carlos,
      body.doc,
      authorOf(commenter),
      't-3',
      [{ type: 'text', text: 'Propongo precisar el término.' }],
      'plan de cierre de minas',
    );
    await waitSaved(carlos);
    const maria = await openThreads(server, editor, THREADS);
    await waitFor('thread', () => readThreads(maria.doc).length === 1);
    addReply(maria.doc, id, {
      id: 'r-1' as CommentId,
      parts: [{ type: 'text', text: 'De acuerdo, lo aplico.' }],
      author: authorOf(editor),
      now: Date.now(),
    });
    expect(acceptSuggestion(maria.doc, body.doc, id, authorOf(editor), Date.now())).toEqual({
      ok: true,
    });
    await waitSaved(maria);

    const carlosInbox = await notificationsOf(server, commenter);
    expect(carlosInbox.notifications.map((n) => n.kind).sort()).toEqual([
      'reply',
      'suggestion_accepted',
    ]);
    expect((await notificationsOf(server, lead)).notifications).toEqual([]);
    expect((await notificationsOf(server, editor)).notifications).toEqual([]);
  });

  it("lets nobody read or mark another person's notifications", async () => {
    const { server, editor, commenter, body } = await cast();
    const carlos = await openThreads(server, commenter, THREADS);
    startThread(carlos, body.doc, authorOf(commenter), 't-4', [
      { type: 'mention', userId: editor.user.id, label: 'María Quispe' },
    ]);
    await waitSaved(carlos);
    const [theirs] = (await notificationsOf(server, editor)).notifications;

    expect((await notificationsOf(server, commenter)).notifications).toEqual([]);
    const markOthers = await call(server.url, 'POST', NOTIFICATIONS_PATHS.read(theirs!.id), {
      token: commenter.token,
    });
    expect(errorOf(markOthers)).toEqual({ status: 404, code: 'notification_not_found' });
    const anonymous = await call(server.url, 'GET', NOTIFICATIONS_PATHS.list);
    expect(errorOf(anonymous)).toEqual({ status: 401, code: 'unauthenticated' });
    expect((await notificationsOf(server, editor)).unread).toBe(1);

    const markOwn = await call(server.url, 'POST', NOTIFICATIONS_PATHS.read(theirs!.id), {
      token: editor.token,
    });
    expect(markOwn.status).toBe(204);
    expect((await notificationsOf(server, editor)).unread).toBe(0);
  });

  it('rate-limits each session with 429 and Retry-After, leaving other sessions alone', async () => {
    const { server, editor, commenter } = await cast();
    const answers = [];
    for (let i = 0; i < 31; i++) {
      answers.push(
        await call(server.url, 'GET', NOTIFICATIONS_PATHS.list, { token: editor.token }),
      );
    }
    expect(answers.slice(0, 30).every((answer) => answer.status === 200)).toBe(true);
    expect(errorOf(answers[30]!)).toEqual({ status: 429, code: 'too_many_requests' });
    expect(answers[30]!.headers.get('retry-after')).toBe('2');
    expect((await notificationsOf(server, commenter)).notifications).toEqual([]);
  });

  it('measures how long a comment takes to reach the other person', async () => {
    const { server, editor, commenter, body } = await cast();
    const carlos = await openThreads(server, commenter, THREADS);
    const maria = await openThreads(server, editor, THREADS);
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const arrived = new Promise<void>((resolve) => {
        const check = () => {
          if (readThreads(maria.doc).length === i + 1) {
            maria.doc.off('update', check);
            resolve();
          }
        };
        maria.doc.on('update', check);
      });
      startThread(carlos, body.doc, authorOf(commenter), `t-m${i}`, [
        { type: 'text', text: `Comentario ${i}` },
      ]);
      await arrived;
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)]!;
    console.log(
      `comment → other person: median ${median.toFixed(1)} ms, max ${samples.at(-1)!.toFixed(1)} ms`,
    );
    expect(median).toBeLessThan(500);
  });
});

describe('mentions in the body', () => {
  it('notify a mentioned member once and never a non-member', async () => {
    const { server, editor, commenter, outsider, body } = await cast();
    const paragraph = getDocumentBody(body.doc).get(0) as Y.XmlElement;
    const mention = (userId: string, label: string) => {
      const node = new Y.XmlElement('mention');
      node.setAttribute('id', userId);
      node.setAttribute('label', label);
      return node;
    };
    body.doc.transact(() => {
      paragraph.insert(1, [
        mention(commenter.user.id, 'Carlos Huamán'),
        mention(outsider.user.id, 'Omar Externo'),
      ]);
    });
    await waitSaved(body);
    write(body.doc, 'Otro párrafo, sin menciones.');
    await waitSaved(body);

    const carlos = await notificationsOf(server, commenter);
    expect(carlos.notifications).toHaveLength(1);
    expect(carlos.notifications[0]).toMatchObject({
      kind: 'mention',
      target: { kind: 'doc', id: DOC_ID, threadId: null },
      actor: { id: null },
    });
    expect(carlos.notifications[0]!.excerpt).toContain('@Carlos Huamán');
    expect((await notificationsOf(server, outsider)).notifications).toEqual([]);
    expect((await notificationsOf(server, editor)).notifications).toEqual([]);
  });
});

describe('access requests and invitations', () => {
  it("notifies a group's leads of an access request and an existing user of an invitation", async () => {
    const server = await startServer();
    const accounts = openAccounts(server.dataDir);
    const listed = '7e9f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    await ensureGroup(accounts, listed, 'listed', 'Agua y relaves');
    const lead = await addPerson(accounts, {
      name: 'Lucía Mamani',
      email: 'lucia@test.demo',
      groups: { [listed]: 'lead' },
    });
    const asker = await addPerson(accounts, { name: 'Pedro Ccama', email: 'pedro@test.demo' });
    const asked = await call(server.url, 'POST', `/api/groups/${listed}/access-requests`, {
      token: asker.token,
      body: { message: 'Quiero aportar datos de monitoreo.' },
    });
    expect(asked.status).toBe(201);
    expect((await notificationsOf(server, lead)).notifications[0]).toMatchObject({
      kind: 'access_request',
      groupName: 'Agua y relaves',
      actor: { name: 'Pedro Ccama' },
      excerpt: 'Quiero aportar datos de monitoreo.',
    });

    const invited = await call(server.url, 'POST', '/api/invitations', {
      token: lead.token,
      body: {
        email: asker.email,
        organizationId: asker.user.organization.id,
        groupId: listed,
        role: 'commenter',
      },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect((await notificationsOf(server, asker)).notifications[0]).toMatchObject({
      kind: 'invitation',
      groupName: 'Agua y relaves',
      actor: { name: 'Lucía Mamani' },
    });
  });
});
