import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  appendBlocks,
  DOCUMENT_SCHEMA_VERSION,
  getDocumentBody,
  initDocument,
  migrateDocument,
  readDocumentMeta,
  readDocumentText,
} from '../../../shared/ydoc/documentDoc';

describe('document doc', () => {
  it('writes blocks the editor understands and reads them back as text', () => {
    const doc = new Y.Doc();
    appendBlocks(doc, [
      { type: 'heading', level: 1, text: 'Lineamientos' },
      {
        type: 'paragraph',
        runs: [
          { text: 'El clúster ' },
          { text: 'impulsa', marks: ['bold'] },
          { text: ' la innovación.' },
        ],
      },
      { type: 'bulletList', items: ['Agua', 'Energía'] },
      { type: 'taskList', items: [{ text: 'Revisar', checked: true }] },
    ]);
    expect(readDocumentText(doc)).toBe(
      'Lineamientos\nEl clúster impulsa la innovación.\nAgua\nEnergía\nRevisar',
    );
    const body = getDocumentBody(doc).toArray() as Y.XmlElement[];
    expect(body.map((n) => n.nodeName)).toEqual(['heading', 'paragraph', 'bulletList', 'taskList']);
    expect(body[0]!.getAttribute('level')).toBe(1);
    expect((body[3]!.toArray()[0] as Y.XmlElement).getAttribute('checked')).toBe(true);
  });

  it('initDocument sets the creation time once', () => {
    const doc = new Y.Doc();
    initDocument(doc, 1000);
    initDocument(doc, 2000);
    expect(readDocumentMeta(doc)).toEqual({
      schemaVersion: DOCUMENT_SCHEMA_VERSION,
      createdAt: 1000,
    });
  });

  it('migration is idempotent and keeps the body', () => {
    const doc = new Y.Doc();
    appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: 'Texto' }] }]);
    migrateDocument(doc);
    const once = Y.encodeStateAsUpdate(doc);
    let writes = 0;
    doc.on('update', () => writes++);
    migrateDocument(doc);
    expect(writes).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(once);
    expect(readDocumentText(doc)).toBe('Texto');
    expect(readDocumentMeta(doc).schemaVersion).toBe(DOCUMENT_SCHEMA_VERSION);
  });
});
