/**
 * Message 100 `saved`: what the server has committed to storage for a room, the only thing
 * that may make a client say "Guardado en el servidor".
 *
 *   100, varUint complete, varUint8Array snapshot (Y.encodeSnapshot: delete set + state vector)
 *
 * A state vector alone cannot vouch for a change that only deletes (deleting makes no new
 * clock), so the message is a Yjs snapshot: the durable state vector AND the durable delete
 * set. On connect the server sends the complete delete set once (`complete` = 1); after each
 * commit it sends the full state vector with only the deletions of that commit (`complete` =
 * 0), which the client merges into what it already holds.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType } from './messages';

export type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

export interface SavedMessage {
  complete: boolean;
  snapshot: Y.Snapshot;
}

export function encodeSaved(
  stateVector: Uint8Array,
  deletes: DeleteSet,
  complete: boolean,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.saved);
  encoding.writeVarUint(encoder, complete ? 1 : 0);
  encoding.writeVarUint8Array(
    encoder,
    Y.encodeSnapshot(Y.createSnapshot(deletes, Y.decodeStateVector(stateVector))),
  );
  return encoding.toUint8Array(encoder);
}

/** Reads the payload of a `saved` frame whose type has already been read. */
export function readSaved(decoder: decoding.Decoder): SavedMessage {
  const complete = decoding.readVarUint(decoder) === 1;
  return { complete, snapshot: Y.decodeSnapshot(decoding.readVarUint8Array(decoder)) };
}

/** Decodes a whole frame; null when it is not a `saved` frame. */
export function decodeSaved(frame: Uint8Array): SavedMessage | null {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== MessageType.saved) return null;
  return readSaved(decoder);
}

/** The durable state after a message: a complete one replaces, an increment adds deletions. */
export function applySaved(previous: Y.Snapshot | null, message: SavedMessage): Y.Snapshot {
  if (message.complete || previous === null) return message.snapshot;
  return Y.createSnapshot(
    Y.mergeDeleteSets([previous.ds, message.snapshot.ds]),
    message.snapshot.sv,
  );
}

/** True when everything an update inserts and deletes is durable on the server. */
export function savedCovers(saved: Y.Snapshot | null, update: Uint8Array): boolean {
  return saved !== null && Y.snapshotContainsUpdate(saved, update);
}

/** The deletions carried by a batch of updates. */
export function deletesOf(updates: readonly Uint8Array[]): DeleteSet {
  return Y.mergeDeleteSets(updates.map((update) => Y.decodeUpdate(update).ds));
}

/** Every deletion a document holds (what a freshly loaded room has durably stored). */
export function deletesOfDoc(doc: Y.Doc): DeleteSet {
  return Y.createDeleteSetFromStructStore(doc.store);
}
