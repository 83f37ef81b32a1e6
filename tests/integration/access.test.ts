/**
 * Who may read and write which room (ARCHITECTURE §3), checked end to end with the stock
 * y-websocket client: every role × every room kind × read/write, plus a non-member and a client
 * without a token, as one table whose every cell is observed, not assumed. Then the details that
 * make the table true: refused clients get no byte of the room, a dropped write leaves storage
 * untouched, presence cannot be forged, and revoking access reaches open sockets within 5 s.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { GroupRole } from '../../shared/model/accounts';
import type { BoardId, DocId, GroupId } from '../../shared/model/ids';
import { AccessCloseCode } from '../../shared/protocol/api';
import { MessageType } from '../../shared/protocol/messages';
import { roomName, type RoomKind } from '../../shared/protocol/rooms';
import { encodeAwarenessUpdate } from '../../sync-server/presence';
import { mergeUpdates } from '../../sync-server/storage/storage';
import * as encoding from 'lib0/encoding';
import { call } from './api';
import { addPerson, ensureGroup, openAccounts, type Person } from './fixtures';
import {
  GROUP,
  connect,
  openStoredRooms,
  startServer,
  syncUrl,
  text,
  waitFor,
  waitSaved,
  waitSynced,
  write,
  type TestClient,
  type TestServer,
} from './helpers';

const PRIVATE_GROUP = '3c9d7e21-8f4a-4b6c-9d2e-1a7b5c3d9e0f' as GroupId;
const DOC = 'b7e4c1d2-5a6f-4e8b-9c0d-2f3a4b5c6d7e' as DocId;
const BOARD = 'c8f5d2e3-6b7a-4f9c-8d1e-3a4b5c6d7e8f' as BoardId;
const KINDS: RoomKind[] = ['index', 'doc', 'threads', 'board'];
const ROOMS: Record<RoomKind, string> = {
  index: roomName({ kind: 'index', groupId: PRIVATE_GROUP }),
  doc: roomName({ kind: 'doc', groupId: PRIVATE_GROUP, docId: DOC }),
  threads: roomName({ kind: 'threads', groupId: PRIVATE_GROUP, docId: DOC }),
  board: roomName({ kind: 'board', groupId: PRIVATE_GROUP, boardId: BOARD }),
};
const canary = (kind: RoomKind) => `CANARIO-${kind}-7f3a`;

type Principal = GroupRole | 'non-member' | 'no token';
const PRINCIPALS: Principal[] = ['lead', 'editor', 'commenter', 'viewer', 'non-member', 'no token'];

/** The rule of ARCHITECTURE §3, written out cell by cell: [read, write] per room kind. */
const EXPECTED: Record<Principal, Record<RoomKind, [string, string]>> = {
  lead: {
    index: ['read', 'applied'],
    doc: ['read', 'applied'],
    threads: ['read', 'applied'],
    board: ['read', 'applied'],
  },
  editor: {
    index: ['read', 'applied'],
    doc: ['read', 'applied'],
    threads: ['read', 'applied'],
    board: ['read', 'applied'],
  },
  commenter: {
    index: ['read', 'denied'],
    doc: ['read', 'denied'],
    threads: ['read', 'applied'],
    board: ['read', 'denied'],
  },
  viewer: {
    index: ['read', 'denied'],
    doc: ['read', 'denied'],
    threads: ['read', 'denied'],
    board: ['read', 'denied'],
  },
  'non-member': {
    index: ['refused 403', 'refused 403'],
    doc: ['refused 403', 'refused 403'],
    threads: ['refused 403', 'refused 403'],
    board: ['refused 403', 'refused 403'],
  },
  'no token': {
    index: ['refused 401', 'refused 401'],
    doc: ['refused 401', 'refused 401'],
    threads: ['refused 401', 'refused 401'],
    board: ['refused 401', 'refused 401'],
  },
};

interface Cast {
  server: TestServer;
  people: Record<GroupRole, Person>;
  /** A member of another group only. */
  outsider: Person;
  /** The lead's clients, one per room, holding the canaries. */
  observers: Record<RoomKind, TestClient>;
}

/** A server with a private group, one person per role, and a canary in each of its rooms. */
async function cast(): Promise<Cast> {
  const server = await startServer();
  const accounts = openAccounts(server.dataDir);
  await ensureGroup(accounts, PRIVATE_GROUP, 'private', 'Base de conocimiento y regulación');
  const person = (role: GroupRole) =>
    addPerson(accounts, {
      name: `Persona ${role}`,
      email: `${role}@test.demo`,
      groups: { [PRIVATE_GROUP]: role },
    });
  const people = {
    lead: await person('lead'),
    editor: await person('editor'),
    commenter: await person('commenter'),
    viewer: await person('viewer'),
  };
  const outsider = await addPerson(accounts, {
    name: 'Omar Externo',
    email: 'omar@test.demo',
    groups: { [GROUP]: 'lead' },
  });
  const observers = {} as Record<RoomKind, TestClient>;
  for (const kind of KINDS) {
    const observer = connect({ url: server.url, token: people.lead.token }, ROOMS[kind]);
    await waitSynced(observer);
    write(observer.doc, canary(kind));
    await waitSaved(observer);
    observers[kind] = observer;
  }
  return { server, people, outsider, observers };
}

/** HTTP status and body of a refused upgrade; fails if the socket opens. */
function refusedUpgrade(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const raw = new WebSocket(url);
    raw.on('open', () => reject(new Error(`upgrade accepted: ${url}`)));
    raw.on('message', () => reject(new Error('a frame reached a refused client')));
    raw.on('error', () => {});
    raw.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
  });
}

/** Makes sure every frame the server sent before now has reached the observer. */
async function roundTrip(observer: TestClient, label: string): Promise<void> {
  write(observer.doc, `ronda ${label}`);
  await waitSaved(observer);
}

async function storedText(dataDir: string, room: string): Promise<string> {
  const storage = await openStoredRooms(dataDir);
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, mergeUpdates(await storage.loadUpdates(room)));
    return text(doc);
  } finally {
    await storage.close();
  }
}

describe('authorization matrix', () => {
  it('every role × room kind × read/write, a non-member and no token', async () => {
    const { server, people, outsider, observers } = await cast();
    const actual = {} as Record<Principal, Record<RoomKind, [string, string]>>;
    const applied: Array<[RoomKind, string]> = [];
    const refusedMarks: Array<[RoomKind, string]> = [];

    for (const principal of PRINCIPALS) {
      actual[principal] = {} as Record<RoomKind, [string, string]>;
      for (const kind of KINDS) {
        const mark = `ESCRITO por ${principal} en ${kind}`;
        const observer = observers[kind];
        if (principal === 'non-member' || principal === 'no token') {
          const token = principal === 'non-member' ? outsider.token : '';
          const client = connect({ url: server.url, token }, ROOMS[kind]);
          write(client.doc, mark);
          const { status, body } = await refusedUpgrade(
            syncUrl(server, ROOMS[kind], token === '' ? null : token),
          );
          await waitFor(
            'the stock client to give up this attempt',
            () => client.closeCodes.length > 0,
          );
          client.provider.destroy();
          await roundTrip(observer, `${principal} ${kind}`);
          expect(body).not.toContain(canary(kind));
          expect(text(client.doc)).not.toContain(canary(kind));
          expect(text(observer.doc)).not.toContain(mark);
          refusedMarks.push([kind, mark]);
          actual[principal][kind] = [`refused ${status}`, `refused ${status}`];
          continue;
        }
        const client = connect({ url: server.url, token: people[principal].token }, ROOMS[kind]);
        await waitSynced(client);
        const read = text(client.doc).includes(canary(kind)) ? 'read' : 'not read';
        write(client.doc, mark);
        await waitFor(
          'the write relayed or denied',
          () => text(observer.doc).includes(mark) || client.denials.length > 0,
        );
        await roundTrip(observer, `${principal} ${kind}`);
        let outcome: string;
        if (text(observer.doc).includes(mark)) {
          await waitSaved(client);
          outcome = 'applied';
          applied.push([kind, mark]);
        } else {
          outcome =
            client.denials.length === 1 ? 'denied' : `denied ${client.denials.length} times`;
          refusedMarks.push([kind, mark]);
        }
        actual[principal][kind] = [read, outcome];
        client.provider.destroy();
      }
    }

    await server.close();
    for (const kind of KINDS) {
      const stored = await storedText(server.dataDir, ROOMS[kind]);
      for (const [room, mark] of applied) if (room === kind) expect(stored).toContain(mark);
      for (const [room, mark] of refusedMarks)
        if (room === kind) expect(stored).not.toContain(mark);
    }

    const cells = Object.values(actual).flatMap((row) => Object.values(row));
    const count = (index: 0 | 1, value: string) =>
      cells.filter((cell) => cell[index].startsWith(value)).length;
    console.log(
      `Matriz de autorización: ${PRINCIPALS.length} principales × ${KINDS.length} tipos de sala × lectura/escritura = ` +
        `${cells.length * 2} casos · lecturas: ${count(0, 'read')} permitidas, ${count(0, 'refused')} rechazadas · ` +
        `escrituras: ${count(1, 'applied')} aplicadas, ${count(1, 'denied')} descartadas con aviso, ${count(1, 'refused')} rechazadas`,
    );
    expect(actual).toEqual(EXPECTED);
  });
});

describe('access details', () => {
  it("leaves a room's stored bytes unchanged after a viewer's write, and says why once", async () => {
    const { server, people } = await cast();
    const storage = await openStoredRooms(server.dataDir);
    try {
      const before = await storage.loadUpdates(ROOMS.doc);
      const viewer = connect({ url: server.url, token: people.viewer.token }, ROOMS.doc);
      await waitSynced(viewer);
      write(viewer.doc, 'Cambio de quien solo puede leer');
      write(viewer.doc, 'Y otro más');
      await waitFor('permission denied', () => viewer.denials.length > 0);
      const query = new Promise<void>((resolve) =>
        viewer.provider.ws!.addEventListener('message', () => resolve()),
      );
      viewer.provider.ws!.send(Uint8Array.of(MessageType.queryAwareness));
      await query;
      expect(await storage.loadUpdates(ROOMS.doc)).toEqual(before);
      expect(viewer.denials).toHaveLength(1);
      expect(viewer.denials[0]).toMatch(/solo lectura/);
      expect(viewer.closeCodes).toEqual([]);
    } finally {
      await storage.close();
    }
  });

  it('does not relay awareness for a client id another connection owns, nor a forged name', async () => {
    const { server, people } = await cast();
    const ana = connect({ url: server.url, token: people.editor.token }, ROOMS.doc);
    const beto = connect({ url: server.url, token: people.commenter.token }, ROOMS.doc);
    const carla = connect({ url: server.url, token: people.viewer.token }, ROOMS.doc);
    await Promise.all([waitSynced(ana), waitSynced(beto), waitSynced(carla)]);
    ana.provider.awareness.setLocalStateField('cursor', { anchor: 3 });
    beto.provider.awareness.setLocalStateField('user', { name: 'Persona lead', color: '#000000' });
    const anaId = ana.doc.clientID;
    const betoId = beto.doc.clientID;
    await waitFor('both states at carla', () => {
      const states = carla.provider.awareness.getStates();
      return states.get(anaId)?.cursor?.anchor === 3 && states.get(betoId)?.user !== undefined;
    });
    expect(carla.provider.awareness.getStates().get(betoId)?.user).toEqual({
      userId: people.commenter.user.id,
      name: 'Persona commenter',
      organization: 'Universidad de Prueba',
      color: people.commenter.user.colour,
    });

    // Beto speaks for Ana's client id: a newer state with a forged name, then her removal.
    const clock = (ana.provider.awareness.meta.get(anaId)?.clock ?? 0) + 10;
    for (const state of [{ user: { name: 'Ana falsa' }, cursor: { anchor: 99 } }, null]) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.awareness);
      encoding.writeVarUint8Array(
        encoder,
        encodeAwarenessUpdate([{ client: anaId, clock, state }]),
      );
      beto.provider.ws!.send(encoding.toUint8Array(encoder));
    }
    beto.provider.awareness.setLocalStateField('marca', 'después del intento');
    await waitFor(
      'beto’s later update at carla',
      () => carla.provider.awareness.getStates().get(betoId)?.marca !== undefined,
    );
    const anaAtCarla = carla.provider.awareness.getStates().get(anaId);
    expect(anaAtCarla?.cursor).toEqual({ anchor: 3 });
    expect(anaAtCarla?.user?.name).toBe('Persona editor');
  });

  const revocations: Array<{
    what: string;
    revoke: (server: TestServer, people: Record<GroupRole, Person>) => Promise<number>;
    expectClose: number | null;
  }> = [
    {
      what: 'removing the member closes with 4403',
      revoke: async (server, people) =>
        (
          await call(
            server.url,
            'DELETE',
            `/api/groups/${PRIVATE_GROUP}/members/${people.editor.user.id}`,
            { token: people.lead.token },
          )
        ).status,
      expectClose: AccessCloseCode.membershipRevoked,
    },
    {
      what: 'logging out closes with 4401',
      revoke: async (server, people) =>
        (await call(server.url, 'POST', '/api/auth/logout', { token: people.editor.token })).status,
      expectClose: AccessCloseCode.sessionRevoked,
    },
    {
      what: 'logging out everywhere closes with 4401',
      revoke: async (server, people) =>
        (await call(server.url, 'POST', '/api/auth/logout-all', { token: people.editor.token }))
          .status,
      expectClose: AccessCloseCode.sessionRevoked,
    },
    {
      what: 'disabling the user closes with 4401',
      revoke: async (server, people) => {
        const accounts = openAccounts(server.dataDir);
        const admin = await addPerson(accounts, {
          name: 'Admin',
          email: 'admin@test.demo',
          admin: true,
        });
        return (
          await call(server.url, 'PATCH', `/api/users/${people.editor.user.id}`, {
            token: admin.token,
            body: { disabled: true },
          })
        ).status;
      },
      expectClose: AccessCloseCode.sessionRevoked,
    },
  ];

  for (const { what, revoke, expectClose } of revocations) {
    it(`revocation reaches an open socket within 5 s: ${what}`, async () => {
      const { server, people } = await cast();
      const editor = connect({ url: server.url, token: people.editor.token }, ROOMS.doc);
      await waitSynced(editor);
      const started = Date.now();
      expect(await revoke(server, people)).toBeLessThan(300);
      await waitFor('the socket closed', () => editor.closeCodes.length > 0, 5000);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(editor.closeCodes[0]).toBe(expectClose);
      // 44xx is permanent for the stock client: it stops instead of retrying a dead session.
      expect(editor.provider.shouldConnect).toBe(false);
    });
  }

  it('lowering a role to viewer makes an open socket read-only at once; raising it back writes again', async () => {
    const { server, people, observers } = await cast();
    const editor = connect({ url: server.url, token: people.editor.token }, ROOMS.doc);
    await waitSynced(editor);
    const path = `/api/groups/${PRIVATE_GROUP}/members/${people.editor.user.id}`;
    expect(
      (
        await call(server.url, 'PATCH', path, {
          token: people.lead.token,
          body: { role: 'viewer' },
        })
      ).status,
    ).toBe(200);
    write(editor.doc, 'Escrito ya como lector');
    await waitFor('permission denied', () => editor.denials.length > 0);
    await roundTrip(observers.doc, 'rebaja');
    expect(text(observers.doc.doc)).not.toContain('Escrito ya como lector');
    expect(editor.closeCodes).toEqual([]);

    expect(
      (
        await call(server.url, 'PATCH', path, {
          token: people.lead.token,
          body: { role: 'editor' },
        })
      ).status,
    ).toBe(200);
    write(editor.doc, 'De nuevo con permiso');
    await waitFor('the new write relayed', () =>
      text(observers.doc.doc).includes('De nuevo con permiso'),
    );
  });

  it('refuses an upgrade from a foreign Origin with 403 and accepts app://minka', async () => {
    const { server, people } = await cast();
    const url = syncUrl({ url: server.url, token: people.lead.token }, ROOMS.doc);
    const status = await new Promise<number>((resolve) => {
      const raw = new WebSocket(url, { origin: 'https://evil.example' });
      raw.on('error', () => {});
      raw.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    expect(status).toBe(403);
    const opened = await new Promise<boolean>((resolve) => {
      const raw = new WebSocket(url, { origin: 'app://minka' });
      raw.once('open', () => {
        raw.close();
        resolve(true);
      });
      raw.once('error', () => resolve(false));
    });
    expect(opened).toBe(true);
  });

  it('refuses an expired session before the upgrade (401)', async () => {
    let now = Date.now();
    const server = await startServer({ now: () => now });
    now += 31 * 24 * 60 * 60 * 1000;
    const { status, body } = await refusedUpgrade(syncUrl(server, `g/${GROUP}/index`));
    expect(status).toBe(401);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'session_expired' } });
  });

  it('answers a refused upgrade with a JSON body and no room bytes (raw HTTP)', async () => {
    const { server, outsider } = await cast();
    const { hostname, port } = new URL(server.url);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        hostname,
        port,
        path: `/sync/${ROOMS.doc}?token=${outsider.token}`,
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('upgrade', () => reject(new Error('upgraded')));
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'not_a_member' } });
    expect(answer.body).not.toContain('CANARIO');
  });
});
