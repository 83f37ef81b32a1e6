import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks } from '../../../shared/ydoc/documentDoc';
import { docHolds } from '../../../shared/ydoc/version';

function write(doc: Y.Doc, text: string): void {
  appendBlocks(doc, [{ type: 'paragraph', runs: [{ text }] }]);
}

function docWith(clientID: number, text: string, from?: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  if (from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  write(doc, text);
  return doc;
}

describe('docHolds', () => {
  it('holds an empty vector, its own vector and any older one of the same history', () => {
    const older = docWith(1, 'agua');
    const newer = docWith(2, 'relaves ', older);
    expect(docHolds(newer, Y.encodeStateVector(new Y.Doc()))).toBe(true);
    expect(docHolds(newer, Y.encodeStateVector(newer))).toBe(true);
    expect(docHolds(newer, Y.encodeStateVector(older))).toBe(true);
  });

  it('does not hold a vector with a client it lacks or a clock past its own', () => {
    const older = docWith(1, 'agua');
    const newer = docWith(2, 'relaves ', older);
    expect(docHolds(older, Y.encodeStateVector(newer))).toBe(false);
    write(older, 'y más');
    expect(docHolds(newer, Y.encodeStateVector(older))).toBe(false);
  });

  it('throws on bytes that are not a state vector', () => {
    expect(() => docHolds(new Y.Doc(), new Uint8Array([0xff, 0xff, 0xff]))).toThrow();
  });
});
