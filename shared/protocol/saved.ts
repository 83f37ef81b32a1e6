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
 *
 * `complete` = 2 is the complete snapshot without repeating the delete set: the server sends it
 * right after its sync step 2 to this connection when everything that step 2 held was already
 * committed, so the step 2's delete set (every deletion the room holds) is the durable one. For
 * a reconnect to a long document that is most of what `saved` would cost (10.6 KB of B4's
 * 48.9 KB catch-up). A client that kept no step 2 reads it as an increment without deletions,
 * which never claims more than the server has.
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

/** How a `saved` message's delete set is meant (its `complete` field). */
export const SavedKind = { increment: 0, complete: 1, completeWithStep2: 2 } as const;
export type SavedKind = (typeof SavedKind)[keyof typeof SavedKind];

export function encodeSaved(
  stateVector: Uint8Array,
  deletes: DeleteSet,
  complete: boolean | SavedKind,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.saved);
  encoding.writeVarUint(encoder, complete === true ? 1 : complete === false ? 0 : complete);
  encoding.writeVarUint8Array(
    encoder,
    Y.encodeSnapshot(Y.createSnapshot(deletes, Y.decodeStateVector(stateVector))),
  );
  return encoding.toUint8Array(encoder);
}

/**
 * Reads the payload of a `saved` frame whose type has already been read. `step2` keeps the last
 * sync step 2 this connection received, whose deletions a `completeWithStep2` message refers to.
 */
export function readSaved(
  decoder: decoding.Decoder,
  step2: SyncStep2Keeper | null = null,
): SavedMessage {
  const kind = decoding.readVarUint(decoder);
  const snapshot = Y.decodeSnapshot(decoding.readVarUint8Array(decoder));
  if (kind === SavedKind.completeWithStep2) {
    const lastStep2 = step2?.take() ?? null;
    if (lastStep2 === null) return { complete: false, snapshot };
    const deletes = Y.mergeDeleteSets([Y.decodeUpdate(lastStep2).ds, snapshot.ds]);
    return { complete: true, snapshot: Y.createSnapshot(deletes, snapshot.sv) };
  }
  return { complete: kind === SavedKind.complete, snapshot };
}

/**
 * Keeps the update of the last sync step 2 a connection received, for the `saved` message that
 * refers to its deletions. `noteSync` peeks at a sync message (decoder just past the message
 * type) without consuming it; `take` hands the update over once and forgets it.
 */
export class SyncStep2Keeper {
  private step2: Uint8Array | null = null;

  noteSync(decoder: decoding.Decoder): void {
    const peek = decoding.clone(decoder);
    if (decoding.readVarUint(peek) !== 1) return;
    this.step2 = decoding.readVarUint8Array(peek);
  }

  take(): Uint8Array | null {
    const step2 = this.step2;
    this.step2 = null;
    return step2;
  }
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
