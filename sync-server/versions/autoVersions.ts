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
 * hourly copy (clients name it in their language). */
export function storeAutoVersion(
  store: AccountStore,
  groupId: string,
  docId: string,
  doc: Y.Doc,
  name: string,
  now: number,
): string {
  const state = Y.encodeStateAsUpdate(doc);
  const id = randomUUID();
  store.versions.create({
    id,
    groupId,
    docId,
    kind: 'auto',
    name,
    note: '',
    authorId: null,
    createdAt: now,
    stateVector: Y.encodeStateVector(doc),
    state,
    hash: contentHash(state),
  });
  return id;
}

/**
 * Called after each commit of a room: for a document whose newest automatic version is older than
 * the interval, keeps one now. The last time is cached per room so most commits cost one lookup
 * in a Map.
 */
export function createAutoVersioner(
  store: AccountStore,
  now: () => number,
  log: (line: string) => void,
): (roomName: string, doc: Y.Doc) => void {
  const lastAt = new Map<string, number>();
  return (roomName, doc) => {
    const room = parseRoom(roomName);
    if (room === null || room.kind !== 'doc') return;
    const at = now();
    let last = lastAt.get(roomName);
    if (last === undefined) {
      last = store.versions.lastAutoAt(room.groupId, room.docId) ?? -Infinity;
      lastAt.set(roomName, last);
    }
    if (at - last < AUTO_VERSION_INTERVAL_MS) return;
    try {
      if (store.groups.get(room.groupId) === null) return;
      storeAutoVersion(store, room.groupId, room.docId, doc, '', at);
      lastAt.set(roomName, at);
    } catch (error) {
      log(`Aviso: no se pudo guardar la versión automática de ${roomName}: ${String(error)}`);
    }
  };
}
