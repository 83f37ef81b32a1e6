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

/**
 * What a `saved` snapshot must hold to cover an update: the end of each client's clock range it
 * inserts, and its deletions. Reading them decodes the update once; checking them against each
 * later `saved` message is then a lookup per client, where `savedCovers` decodes the whole update
 * again for every message (a pasted 1 MB table cost 640 ms of `saved` messages while pending).
 */
export interface UpdateCoverage {
  ends: Map<number, number>;
  deletes: DeleteSet;
}

export function coverageOf(update: Uint8Array): UpdateCoverage {
  const { structs, ds } = Y.decodeUpdate(update);
  const ends = new Map<number, number>();
  for (const struct of structs) {
    const end = struct.id.clock + struct.length;
    if (end > (ends.get(struct.id.client) ?? 0)) ends.set(struct.id.client, end);
  }
  return { ends, deletes: ds };
}

/** The coverage of several updates together (a burst of edits counted as one change). */
export function mergeCoverage(a: UpdateCoverage, b: UpdateCoverage): UpdateCoverage {
  const ends = new Map(a.ends);
  for (const [client, end] of b.ends) if (end > (ends.get(client) ?? 0)) ends.set(client, end);
  return { ends, deletes: Y.mergeDeleteSets([a.deletes, b.deletes]) };
}

/** `savedCovers`, from an update's coverage. */
export function savedCoversCoverage(saved: Y.Snapshot | null, coverage: UpdateCoverage): boolean {
  if (saved === null) return false;
  for (const [client, end] of coverage.ends) if ((saved.sv.get(client) ?? 0) < end) return false;
  if (coverage.deletes.clients.size === 0) return true;
  return Y.equalDeleteSets(saved.ds, Y.mergeDeleteSets([saved.ds, coverage.deletes]));
}
