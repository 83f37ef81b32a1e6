import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getDocumentBody, readDocumentText } from '../../../shared/ydoc/documentDoc';
import {
  DOCUMENT_TEMPLATE_IDS,
  applyDocumentTemplate,
  documentTemplate,
} from '../../../shared/ydoc/documentTemplates';

describe('document templates', () => {
  it('offer the same structure in Spanish and English, and write it in one transaction', () => {
    for (const id of DOCUMENT_TEMPLATE_IDS) {
      const spanish = documentTemplate(id, 'es-419');
      const english = documentTemplate(id, 'en');
      expect(
        english.blocks.map((block) => block.type),
        id,
      ).toEqual(spanish.blocks.map((block) => block.type));
      const doc = new Y.Doc();
      let transactions = 0;
      doc.on('afterTransaction', () => (transactions += 1));
      applyDocumentTemplate(doc, id, 'es-419');
      expect(transactions, id).toBe(id === 'blank' ? 0 : 1);
      expect(getDocumentBody(doc).length, id).toBe(spanish.blocks.length);
    }
  });

  it('holds the sections the cluster asked for', () => {
    const text = (id: (typeof DOCUMENT_TEMPLATE_IDS)[number]) => {
      const doc = new Y.Doc();
      applyDocumentTemplate(doc, id, 'es-419');
      return readDocumentText(doc);
    };
    expect(text('jointProposal')).toMatch(
      /Objetivos[\s\S]*Consorcio empresa–universidad–proveedor[\s\S]*Plan de trabajo[\s\S]*Presupuesto[\s\S]*Indicadores/,
    );
    expect(text('operationalChallenge')).toMatch(
      /Empresa[\s\S]*Área[\s\S]*Problema[\s\S]*Restricciones[\s\S]*Impacto esperado/,
    );
    expect(text('meetingMinutes')).toMatch(
      /Asistentes por organización[\s\S]*Acuerdos[\s\S]*Tareas/,
    );
    expect(documentTemplate('termsOfReference', 'en').title).toBe('Terms of reference');
  });
});
