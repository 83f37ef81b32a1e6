/**
 * What this computer holds of a room (its Yjs state vector, base64), read from local storage
 * without waiting for the server: a request can then ask the server to act only on a state that
 * holds at least this much (an offline-prepared proposal submission, for one).
 */
import * as Y from 'yjs';
import type { DocRegistry } from './DocRegistry';

export async function localStateVector(registry: DocRegistry, room: string): Promise<string> {
  const connection = registry.acquire(room);
  try {
    await connection.persistence.whenLoaded;
    let binary = '';
    for (const byte of Y.encodeStateVector(connection.doc)) binary += String.fromCharCode(byte);
    return btoa(binary);
  } finally {
    registry.release(room);
  }
}
