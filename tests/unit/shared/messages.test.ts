import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../../shared/protocol/messages';
import {
  applySaved,
  decodeSaved,
  deletesOf,
  deletesOfDoc,
  encodeSaved,
  readSaved,
  SavedKind,
  savedCovers,
  SyncStep2Keeper,
} from '../../../shared/protocol/saved';
import { appendBlocks, getDocumentBody } from '../../../shared/ydoc/documentDoc';

function recorded(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

const type = (doc: Y.Doc, text: string) =>
  appendBlocks(doc, [{ type: 'paragraph', runs: [{ text }] }]);

/** What a server holding `doc` would say it saved, complete. */
const complete = (doc: Y.Doc) =>
  decodeSaved(encodeSaved(Y.encodeStateVector(doc), deletesOfDoc(doc), true))!;

describe('saved message', () => {
  it('round-trips the state vector and the delete set', () => {
    const doc = new Y.Doc();
    type(doc, 'hola');
    doc.transact(() => getDocumentBody(doc).delete(0, 1));
    const frame = encodeSaved(Y.encodeStateVector(doc), deletesOfDoc(doc), true);
    expect(frame[0]).toBe(MessageType.saved);
    const message = decodeSaved(frame)!;
    expect(message.complete).toBe(true);
    expect(Y.equalSnapshots(message.snapshot, Y.snapshot(doc))).toBe(true);
  });

  it('is not confused with a sync frame', () => {
    expect(decodeSaved(new Uint8Array([MessageType.sync, 0, 0]))).toBeNull();
  });

  it('covers an insertion only once the vector includes it', () => {
    const doc = new Y.Doc();
    const updates = recorded(doc);
    type(doc, 'uno');
    const before = complete(doc).snapshot;
    type(doc, 'dos');
    expect(savedCovers(before, updates[0]!)).toBe(true);
    expect(savedCovers(before, updates[1]!)).toBe(false);
    expect(savedCovers(null, updates[0]!)).toBe(false);
  });

  it('covers a delete-only change only once its deletion is saved', () => {
    const server = new Y.Doc();
    const doc = new Y.Doc();
    type(doc, 'texto que se borra');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const savedBefore = complete(server).snapshot;

    const updates = recorded(doc);
    doc.transact(() => getDocumentBody(doc).delete(0, 1));
    const deletion = updates[0]!;
    // The state vector did not move: a vector alone would call this saved.
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(server));
    expect(savedCovers(savedBefore, deletion)).toBe(false);

    Y.applyUpdate(server, deletion);
    const increment = decodeSaved(
      encodeSaved(Y.encodeStateVector(server), deletesOf([deletion]), false),
    )!;
    expect(increment.complete).toBe(false);
    expect(savedCovers(applySaved(savedBefore, increment), deletion)).toBe(true);
  });

  it('replaces what it knew with a complete message, and adds increments to it', () => {
    const doc = new Y.Doc();
    type(doc, 'a');
    const first = complete(doc);
    const updates = recorded(doc);
    doc.transact(() => getDocumentBody(doc).delete(0, 1));
    const increment = decodeSaved(
      encodeSaved(Y.encodeStateVector(doc), deletesOf(updates), false),
    )!;
    const merged = applySaved(first.snapshot, increment);
    expect(Y.equalSnapshots(merged, Y.snapshot(doc))).toBe(true);
    expect(applySaved(merged, first)).toBe(first.snapshot);
    expect(applySaved(null, increment)).toBe(increment.snapshot);
  });

  it('takes the deletions of the sync step 2 it follows, without repeating them', () => {
    const server = new Y.Doc();
    type(server, 'uno');
    type(server, 'dos');
    server.transact(() => getDocumentBody(server).delete(0, 1));
    const client = new Y.Doc();
    // The server answers the client's step 1 (an empty document here) with its step 2.
    const step2Frame = encoding.createEncoder();
    encoding.writeVarUint(step2Frame, MessageType.sync);
    syncProtocol.writeSyncStep2(step2Frame, server, Y.encodeStateVector(client));
    const keeper = new SyncStep2Keeper();
    const decoder = decoding.createDecoder(encoding.toUint8Array(step2Frame));
    decoding.readVarUint(decoder);
    keeper.noteSync(decoder);
    // Peeking consumed nothing: the provider still reads the step 2 itself.
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), client, null);
    expect(Y.encodeStateVector(client)).toEqual(Y.encodeStateVector(server));

    const frame = encodeSaved(
      Y.encodeStateVector(server),
      Y.createDeleteSet(),
      SavedKind.completeWithStep2,
    );
    const full = encodeSaved(Y.encodeStateVector(server), deletesOfDoc(server), true);
    expect(frame.byteLength).toBeLessThan(full.byteLength);
    const read = (keep: SyncStep2Keeper | null) => {
      const d = decoding.createDecoder(frame);
      decoding.readVarUint(d);
      return readSaved(d, keep);
    };
    const message = read(keeper);
    expect(message.complete).toBe(true);
    expect(Y.equalSnapshots(message.snapshot, Y.snapshot(server))).toBe(true);
    expect(savedCovers(message.snapshot, Y.encodeStateAsUpdate(client))).toBe(true);
    // Without the step 2 it claims no deletion: an increment that never says too much.
    const blind = read(null);
    expect(blind.complete).toBe(false);
    expect(blind.snapshot.ds.clients.size).toBe(0);
  });
});
