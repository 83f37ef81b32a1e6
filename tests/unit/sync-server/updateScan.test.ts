/* eslint-disable no-restricted-syntax -- the scanner must read every kind of Yjs content, which no single Minka schema writes; these tests build it with raw roots. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { missingDependency, scanUpdate } from '../../../sync-server/updateScan';
import { forwardReference, varUint } from '../../faults/forgedUpdates';

const NO_LIMITS = { maxStructs: Infinity, maxDeleteRanges: Infinity };
const stateOf = (doc: Y.Doc) => (client: number) => Y.getState(doc.store, client);

/** A document touching every kind of content the scanner must walk past. */
function richDoc(): Y.Doc {
  const doc = new Y.Doc();
  const text = doc.getText('text');
  text.insert(0, 'Acta de la reunión 😀 ñandú');
  text.format(0, 4, { bold: true });
  const map = doc.getMap('map');
  map.set('json', { a: [1, 2] });
  map.set('binary', new Uint8Array([1, 2, 3]));
  map.set('nested', new Y.Map());
  const body = doc.getXmlFragment('body');
  const paragraph = new Y.XmlElement('paragraph');
  body.insert(0, [paragraph]);
  paragraph.insert(0, [new Y.XmlText('hola')]);
  const list = doc.getArray('list');
  list.insert(0, [1, 'dos', null, { tres: 3 }]);
  list.delete(1, 2);
  return doc;
}

describe('scanUpdate', () => {
  it('counts the structs and clocks Y.decodeUpdate finds, without building them', () => {
    const doc = richDoc();
    const update = Y.encodeStateAsUpdate(doc);
    const shape = scanUpdate(update, NO_LIMITS);
    const decoded = Y.decodeUpdate(update);
    expect(shape.structs).toBe(decoded.structs.length);
    expect(shape.deleteRanges).toBe([...decoded.ds.clients.values()].flat().length);
    expect(shape.writes.get(doc.clientID)).toMatchObject({
      from: 0,
      to: Y.getState(doc.store, doc.clientID),
    });
  });

  it('finds nothing missing when the room holds what an update builds on', () => {
    const doc = richDoc();
    const room = new Y.Doc();
    Y.applyUpdate(room, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(doc);
    doc.getText('text').insert(3, 'más ');
    doc.getArray('list').delete(0, 1);
    const next = Y.encodeStateAsUpdate(doc, before);
    expect(missingDependency(scanUpdate(next, NO_LIMITS), stateOf(room))).toBeNull();
    expect(missingDependency(scanUpdate(next, NO_LIMITS), stateOf(new Y.Doc()))).toMatch(
      /starts at clock/,
    );
  });

  it('finds an item that points at another client the room lacks', () => {
    const alice = new Y.Doc();
    alice.getText('t').insert(0, 'Ana');
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    const before = Y.encodeStateVector(bob);
    bob.getText('t').insert(3, ' y Beto');
    const bobsOnly = Y.encodeStateAsUpdate(bob, before);
    const room = new Y.Doc();
    expect(missingDependency(scanUpdate(bobsOnly, NO_LIMITS), stateOf(room))).toMatch(
      new RegExp(`client ${alice.clientID}`),
    );
  });

  it('finds a deletion over clocks no one has written yet (a colleague’s future typing)', () => {
    const alice = new Y.Doc();
    alice.getText('t').insert(0, 'hola');
    const room = new Y.Doc();
    Y.applyUpdate(room, Y.encodeStateAsUpdate(alice));
    // A forged update: no structs, one deletion of Alice's clocks 4..100, which do not exist.
    const forged = new Uint8Array([0, 1, ...varUint(alice.clientID), 1, 4, 96]);
    const shape = scanUpdate(forged, NO_LIMITS);
    expect(shape.deleteRanges).toBe(1);
    expect(missingDependency(shape, stateOf(room))).toMatch(/deletion covers/);
  });

  it('refuses an item that points at a later clock of its own client, which Yjs throws on', () => {
    const forward = forwardReference(7);
    expect(() => Y.applyUpdate(new Y.Doc(), forward)).toThrow();
    expect(() => scanUpdate(forward, NO_LIMITS)).toThrow(/own later clock/);
  });
});
