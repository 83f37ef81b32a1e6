import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks, getDocumentBody, readDocumentText } from '../../../shared/ydoc/documentDoc';
import { Origin } from '../../../shared/ydoc/origins';
import {
  captureVersionState,
  compareVersions,
  openVersion,
  restoreVersion,
  textChangedSince,
  verifyVersionState,
} from '../../../shared/ydoc/versions';

/** Two replicas wired through their update events, as awareness.test.js does: no network. */
function replica(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** The XmlText of the index-th top-level block (a heading or paragraph). */
function blockText(doc: Y.Doc, index: number): Y.XmlText {
  const block = getDocumentBody(doc).get(index) as Y.XmlElement;
  return block.get(0) as Y.XmlText;
}

function edit(doc: Y.Doc, work: () => void): void {
  doc.transact(work, Origin.local);
}

describe('versions', () => {
  it('a version captured offline at state vector S holds exactly S, whatever is typed later', () => {
    const doc = replica(1);
    appendBlocks(doc, [
      { type: 'heading', level: 1, text: 'Lineamiento hídrico' },
      { type: 'paragraph', runs: [{ text: 'Uso de agua de mar en la concentradora.' }] },
    ]);
    const version = captureVersionState(doc);
    const seen = readDocumentText(doc);
    edit(doc, () => blockText(doc, 1).insert(0, 'Propuesta: '));
    edit(doc, () => blockText(doc, 0).delete(0, 12));

    expect(verifyVersionState(version.update, version.stateVector)).toBeNull();
    const opened = openVersion(version.update);
    expect(Y.encodeStateVector(opened)).toEqual(version.stateVector);
    expect(readDocumentText(opened)).toBe(seen);
    expect(readDocumentText(doc)).not.toBe(seen);
  });

  it('refuses a state whose vector is not the one named, or that is incomplete or garbage', () => {
    const doc = replica(1);
    appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: 'Acta' }] }]);
    const early = captureVersionState(doc);
    edit(doc, () => blockText(doc, 0).insert(4, ' de reunión'));
    const late = captureVersionState(doc);
    expect(verifyVersionState(late.update, early.stateVector)).toBe('vector_mismatch');
    const onlyTheLastEdit = Y.encodeStateAsUpdate(doc, early.stateVector);
    expect(verifyVersionState(onlyTheLastEdit, late.stateVector)).toBe('incomplete');
    expect(verifyVersionState(new Uint8Array([1, 2, 3, 250]), late.stateVector)).toBe('malformed');
  });

  it('restores a version on a diverged document as new operations and keeps concurrent edits of others', () => {
    const ana = replica(1);
    const luis = replica(2);
    appendBlocks(ana, [
      { type: 'heading', level: 1, text: 'Desafío operacional' },
      { type: 'paragraph', runs: [{ text: 'Reducir el consumo de agua.' }] },
      { type: 'paragraph', runs: [{ text: 'Plazo: doce meses.' }] },
    ]);
    sync(ana, luis);
    const version = captureVersionState(ana);
    const versionText = readDocumentText(openVersion(version.update));

    // After the version: Ana rewrites the second paragraph and deletes the third.
    edit(ana, () => {
      blockText(ana, 1).delete(0, 7);
      blockText(ana, 1).insert(0, 'Eliminar');
      getDocumentBody(ana).delete(2, 1);
    });
    sync(ana, luis);
    // Luis keeps writing while Ana restores, without seeing her restore.
    edit(luis, () => blockText(luis, 0).insert(19, ' en Tintaya'));

    const clocksBefore = Y.decodeStateVector(Y.encodeStateVector(ana));
    const changes: Array<{ origin: unknown }> = [];
    ana.on('afterTransaction', (transaction: Y.Transaction) =>
      changes.push({ origin: transaction.origin }),
    );
    restoreVersion(ana, version.update);
    expect(readDocumentText(ana)).toBe(versionText);
    // New operations on top of the history (the re-inserted text has new ids); Ana keeps her id.
    const total = (clocks: Map<number, number>) => [...clocks.values()].reduce((a, b) => a + b, 0);
    expect(total(Y.decodeStateVector(Y.encodeStateVector(ana)))).toBeGreaterThan(
      total(clocksBefore),
    );
    expect(ana.clientID).toBe(1);
    expect(changes.map((change) => change.origin)).toEqual([Origin.restore]);

    sync(ana, luis);
    const expected = [
      'Desafío operacional en Tintaya',
      'Reducir el consumo de agua.',
      'Plazo: doce meses.',
    ].join('\n');
    expect(readDocumentText(ana)).toBe(expected);
    expect(readDocumentText(luis)).toBe(expected);
  });

  it('compares two versions marking exactly the inserted and deleted ranges', () => {
    const doc = replica(1);
    appendBlocks(doc, [
      { type: 'heading', level: 2, text: 'Objetivos' },
      { type: 'paragraph', runs: [{ text: 'Monitorear relaves con sensores.' }] },
      { type: 'paragraph', runs: [{ text: 'Párrafo que se eliminará.' }] },
    ]);
    const older = captureVersionState(doc).update;
    edit(doc, () => {
      // "Monitorear relaves con sensores." → "Monitorear relaves en línea con sensores."
      blockText(doc, 1).insert(19, 'en línea ');
      // "Objetivos" → "Objetivos 2027" and drop nothing else in it.
      blockText(doc, 0).insert(9, ' 2027');
      // "con " deleted from the paragraph.
      blockText(doc, 1).delete(28, 4);
      getDocumentBody(doc).delete(2, 1);
    });
    appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: 'Nuevo indicador.' }] }]);
    const newer = captureVersionState(doc).update;

    const blocks = compareVersions(older, newer);
    expect(blocks.map((block) => [block.path.join('/'), block.change])).toEqual([
      ['heading', 'same'],
      ['paragraph', 'same'],
      // Appended after the last visible block: before the deleted one.
      ['paragraph', 'inserted'],
      ['paragraph', 'deleted'],
    ]);
    expect(blocks[0]!.attributes).toEqual({ level: 2 });
    expect(blocks[0]!.runs).toEqual([
      { text: 'Objetivos', change: 'same' },
      { text: ' 2027', change: 'inserted', client: 1 },
    ]);
    expect(blocks[1]!.runs).toEqual([
      { text: 'Monitorear relaves ', change: 'same' },
      { text: 'en línea ', change: 'inserted', client: 1 },
      { text: 'con ', change: 'deleted' },
      { text: 'sensores.', change: 'same' },
    ]);
    expect(blocks[2]!.runs).toEqual([{ text: 'Nuevo indicador.', change: 'inserted', client: 1 }]);
    expect(blocks[3]!.runs).toEqual([{ text: 'Párrafo que se eliminará.', change: 'deleted' }]);
    // Comparing a version with itself marks nothing.
    expect(
      compareVersions(newer, newer).every((block) =>
        block.runs.every((run) => run.change === 'same'),
      ),
    ).toBe(true);
  });

  it('reports the client id that wrote each inserted run, and no author for deletions', () => {
    const ana = replica(11);
    const luis = replica(22);
    appendBlocks(ana, [{ type: 'paragraph', runs: [{ text: 'Plan de agua.' }] }]);
    sync(ana, luis);
    const older = captureVersionState(ana).update;
    // Ana adds " 2027" at the end of "Plan de agua", Luis adds "Nuevo " before it and deletes
    // " de agua" (text Ana wrote): the deletion is Luis's, but Yjs keeps no record of that.
    edit(ana, () => blockText(ana, 0).insert(12, ' 2027'));
    edit(luis, () => {
      blockText(luis, 0).insert(0, 'Nuevo ');
      blockText(luis, 0).delete(10, 8);
    });
    sync(ana, luis);
    const blocks = compareVersions(older, captureVersionState(luis).update);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.runs).toEqual([
      { text: 'Nuevo ', change: 'inserted', client: 22 },
      { text: 'Plan', change: 'same' },
      { text: ' de agua', change: 'deleted' },
      { text: ' 2027', change: 'inserted', client: 11 },
      { text: '.', change: 'same' },
    ]);
  });

  it('finds list items inside lists', () => {
    const doc = replica(1);
    appendBlocks(doc, [{ type: 'bulletList', items: ['Minera', 'Universidad'] }]);
    appendBlocks(doc, [{ type: 'orderedList', items: ['Diagnóstico', 'Piloto'] }]);
    const older = captureVersionState(doc).update;
    appendBlocks(doc, [{ type: 'taskList', items: [{ text: 'Enviar acta', checked: true }] }]);
    const blocks = compareVersions(older, captureVersionState(doc).update);
    expect(blocks.map((block) => [block.path.join('/'), block.change])).toEqual([
      ['bulletList/listItem/paragraph', 'same'],
      ['bulletList/listItem/paragraph', 'same'],
      ['orderedList/listItem/paragraph', 'same'],
      ['orderedList/listItem/paragraph', 'same'],
      ['taskList/taskItem/paragraph', 'inserted'],
    ]);
    expect(blocks.map((block) => block.ordinal)).toEqual([undefined, undefined, 1, 2, undefined]);
    expect(blocks[4]!.attributes.checked).toBe(true);
  });

  it('tells whether the text changed since a version, ignoring attribute-only changes', () => {
    const doc = replica(1);
    appendBlocks(doc, [{ type: 'heading', level: 1, text: 'Acta' }]);
    const version = captureVersionState(doc).update;
    expect(textChangedSince(version, doc)).toBe(false);
    edit(doc, () =>
      (getDocumentBody(doc).get(0) as Y.XmlElement).setAttribute('textAlign', 'center'),
    );
    appendBlocks(doc, [{ type: 'paragraph', runs: [] }]);
    expect(textChangedSince(version, doc)).toBe(false);
    edit(doc, () => blockText(doc, 0).insert(4, ' de reunión'));
    expect(textChangedSince(version, doc)).toBe(true);
  });
});
