/**
 * What this computer holds of a room (its Yjs state vector, base64), read from local storage
 * without waiting for the server: a request can then ask the server to act only on a state that
 * holds at least this much (an offline-prepared proposal submission, for one).
 */
import { docVersion } from '../../shared/ydoc/version';
import type { DocRegistry } from './DocRegistry';

export async function localStateVector(registry: DocRegistry, room: string): Promise<string> {
  const connection = registry.acquire(room);
  try {
    await connection.persistence.whenLoaded;
    return docVersion(connection.doc);
  } finally {
    registry.release(room);
  }
}
