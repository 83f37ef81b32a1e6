import { toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/**
 * A short name for what a doc holds now (its state vector, base64): equal names mean no update
 * arrived in between, which lets derived data (the search index) skip a doc that did not change.
 */
export function docVersion(doc: Y.Doc): string {
  return toBase64(Y.encodeStateVector(doc));
}
