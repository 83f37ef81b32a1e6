/**
 * Automatic versions, so "what did this say yesterday" always has an answer although live
 * documents garbage-collect deleted text: the server keeps the state of a document before any
 * restore, and at most one snapshot per AUTO_VERSION_INTERVAL_MS while people edit it.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { parseRoom } from '../../shared/protocol/rooms';
import { AUTO_VERSION_INTERVAL_MS } from '../../shared/protocol/versionsApi';
import type { AccountStore } from '../accounts/accountStore';

export const contentHash = (state: Uint8Array): string =>
  createHash('sha256').update(state).digest('hex');

/** Stores `doc`'s current state as an automatic version; returns its id. An empty name is an
 * hourly copy (clients name it in their language). The state is read before the first await, so
 * it is the document as it was when called. */
export async function storeAutoVersion(
  store: AccountStore,
  groupId: string,
  docId: string,
  doc: Y.Doc,
  name: string,
  now: number,
): Promise<string> {
  const state = Y.encodeStateAsUpdate(doc);
  const stateVector = Y.encodeStateVector(doc);
  const id = randomUUID();
  await store.versions.create({
    id,
    groupId,
    docId,
    kind: 'auto',
    name,
    note: '',
    authorId: null,
    createdAt: now,
    stateVector,
    state,
    hash: contentHash(state),
  });
  return id;
}

export interface AutoVersioner {
  /** Called after each commit of a room. */
  afterCommit(roomName: string, doc: Y.Doc): void;
  /** The room left memory: its cached time goes too (the database keeps the versions). */
  forget(roomName: string): void;
}

/**
 * Called after each commit of a room: for a document whose newest automatic version is older than
 * the interval, keeps one now. The last time is cached per loaded room so most commits cost one
 * lookup in a Map; the database is asked only when the interval may have passed, or once after
 * the room is loaded again, one room at a time.
 */
export function createAutoVersioner(
  store: AccountStore,
  now: () => number,
  log: (line: string) => void,
): AutoVersioner {
  const lastAt = new Map<string, number>();
  const busy = new Set<string>();
  const run = async (roomName: string, groupId: string, docId: string, doc: Y.Doc) => {
    const at = now();
    // Captured now: the document may change while the database answers.
    const state = Y.encodeStateAsUpdate(doc);
    const stateVector = Y.encodeStateVector(doc);
    let last = lastAt.get(roomName);
    if (last === undefined) {
      last = (await store.versions.lastAutoAt(groupId, docId)) ?? -Infinity;
      lastAt.set(roomName, last);
    }
    if (at - last < AUTO_VERSION_INTERVAL_MS) return;
    if ((await store.groups.get(groupId)) === null) return;
    await store.versions.create({
      id: randomUUID(),
      groupId,
      docId,
      kind: 'auto',
      name: '',
      note: '',
      authorId: null,
      createdAt: at,
      stateVector,
      state,
      hash: contentHash(state),
    });
    lastAt.set(roomName, at);
  };
  const afterCommit = (roomName: string, doc: Y.Doc) => {
    const room = parseRoom(roomName);
    if (room === null || room.kind !== 'doc' || busy.has(roomName)) return;
    const last = lastAt.get(roomName);
    if (last !== undefined && now() - last < AUTO_VERSION_INTERVAL_MS) return;
    busy.add(roomName);
    run(roomName, room.groupId, room.docId, doc)
      .catch((error: unknown) =>
        log(`Aviso: no se pudo guardar la versión automática de ${roomName}: ${String(error)}`),
      )
      .finally(() => busy.delete(roomName));
  };
  return { afterCommit, forget: (roomName) => lastAt.delete(roomName) };
}
