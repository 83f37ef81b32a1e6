import { toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/**
 * A short name for what a doc holds now (its state vector, base64): equal names mean no update
 * arrived in between, which lets derived data (the search index) skip a doc that did not change.
 */
export function docVersion(doc: Y.Doc): string {
  return toBase64(Y.encodeStateVector(doc));
}

/**
 * Whether `doc` holds everything a state vector describes (for every client, at least its
 * clock): no edit the vector's owner had is missing here. Throws on bytes that are not a state
 * vector.
 */
export function docHolds(doc: Y.Doc, stateVector: Uint8Array): boolean {
  for (const [client, clock] of Y.decodeStateVector(stateVector)) {
    if (Y.getState(doc.store, client) < clock) return false;
  }
  return true;
}
