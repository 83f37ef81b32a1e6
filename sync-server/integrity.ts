/**
 * What the server checks of a writer's update before the room applies it, beyond its syntax
 * (frames.ts): that it leaves nothing pending (every struct, dependency and deletion is held by
 * the room or by the update itself, so nothing waits in memory for a part that may never come,
 * and no deletion waits for a colleague's future clocks to erase what she types next), that the
 * room stays under its memory ceiling, and that every new struct is written under a client id
 * that belongs to this person (accounts/clientIds.ts). A refusal closes only that connection.
 */
import * as Y from 'yjs';
import { CloseCode } from '../shared/protocol/messages';
import type { ClientIds } from './accounts/clientIds';
import type { SyncLimits } from './limits';
import { missingDependency, type UpdateShape } from './updateScan';

export interface Writer {
  userId: string;
  sessionId: string;
}

export interface Refusal {
  code: number;
  reason: string;
}

/** Structs the document holds (items and GCs, each a live object in the server's memory). */
export function structCount(doc: Y.Doc): number {
  let count = 0;
  for (const structs of doc.store.clients.values()) count += structs.length;
  return count;
}

/**
 * The client ids this update writes new structs under whose owner this process does not know
 * yet: they must be claimed (ClientIds.claim, one database round trip each) before checkWrite.
 */
export function unclaimedClients(
  roomName: string,
  doc: Y.Doc,
  shape: UpdateShape,
  clientIds: ClientIds,
): number[] {
  const unclaimed: number[] = [];
  for (const [client, range] of shape.writes) {
    if (range.to <= Y.getState(doc.store, client)) continue;
    if (clientIds.knownOwner(roomName, client) === undefined) unclaimed.push(client);
  }
  return unclaimed;
}

export function checkWrite(
  roomName: string,
  doc: Y.Doc,
  shape: UpdateShape,
  writer: Writer,
  clientIds: ClientIds,
  limits: SyncLimits,
): Refusal | null {
  const state = (client: number) => Y.getState(doc.store, client);
  const missing = missingDependency(shape, state);
  if (missing !== null) {
    return {
      code: CloseCode.protocolError,
      reason: `update depends on missing changes: ${missing}`,
    };
  }
  if (structCount(doc) + shape.structs > limits.maxRoomStructs) {
    return { code: CloseCode.roomFull, reason: 'room is full' };
  }
  for (const [client, range] of shape.writes) {
    if (range.to <= state(client)) continue;
    const owner = clientIds.knownOwner(roomName, client);
    if (owner === undefined) throw new Error(`client id ${client} was not claimed first`);
    if (owner !== writer.userId) {
      return {
        code: CloseCode.protocolError,
        reason: `client id ${client} belongs to another person`,
      };
    }
  }
  return null;
}
