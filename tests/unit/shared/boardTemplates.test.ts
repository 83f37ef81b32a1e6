import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_SCHEMA_VERSION,
  readBoard,
  setBoardTemplate,
  type FieldDefinition,
} from '../../../shared/ydoc/boardDoc';
import {
  applyTemplate,
  BOARD_TEMPLATES,
  isTemplateId,
  TEMPLATE_IDS,
} from '../../../shared/ydoc/boardTemplates';

const counter = () => {
  let n = 0;
  return () => `id-${n++}`;
};

describe('board templates', () => {
  it('open innovation: the program’s five stages in order, with challenge fields', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'openInnovation', 'es-419', counter());
    const board = readBoard(doc);
    expect(board.columns.map((c) => c.title)).toEqual([
      'Desafíos recibidos',
      'Convocatoria abierta',
      'Propuestas en evaluación',
      'Piloto',
      'Portafolio',
    ]);
    expect(board.columns.find((c) => c.title === 'Piloto')?.wipLimit).toBe(3);
    expect(board.templateId).toBe('openInnovation');
    expect(board.fields.map((f) => f.key)).toEqual([
      'miningCompany',
      'operationalArea',
      'expectedImpact',
    ]);
    expect(board.fields[0]!.label).toEqual({ 'es-419': 'Empresa minera', en: 'Mining company' });
    expect(board.labels.map((l) => l.name)).toContain('Agua');
    expect(board.schemaVersion).toBe(BOARD_SCHEMA_VERSION);
  });

  it('work plan in English', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'workPlan', 'en', counter());
    const board = readBoard(doc);
    expect(board.columns.map((c) => c.title)).toEqual([
      'To do',
      'In progress',
      'In review',
      'Done',
    ]);
    expect(board.fields).toEqual([]);
    expect(board.labels.map((l) => l.name).sort()).toEqual([
      'Agreement',
      'Blocked',
      'Risk',
      'Task',
    ]);
  });

  it('blank: no columns, but the template is recorded', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'blank', 'es-419', counter());
    expect(readBoard(doc).columns).toEqual([]);
    expect(readBoard(doc).templateId).toBe('blank');
  });

  it('writes the whole template in one update, so another replica never sees half a board', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    applyTemplate(doc, 'openInnovation', 'en', counter());
    expect(updates).toHaveLength(1);
    const other = new Y.Doc();
    Y.applyUpdate(other, updates[0]!);
    expect(readBoard(other)).toEqual(readBoard(doc));
  });

  it('every template is named and described in both languages', () => {
    for (const id of TEMPLATE_IDS) {
      const template = BOARD_TEMPLATES[id];
      expect(isTemplateId(id)).toBe(true);
      for (const text of [
        template.name,
        template.description,
        ...template.columns.map((c) => c.title),
      ]) {
        expect(text['es-419'].length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
    }
    expect(isTemplateId('kanban')).toBe(false);
  });

  it('ignores malformed field definitions from an older or foreign client', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'openInnovation', 'es-419', counter());
    const fields = readBoard(doc).fields;
    setBoardTemplate(doc, 'openInnovation', [
      { key: 'x' } as unknown as FieldDefinition,
      ...fields,
    ]);
    expect(readBoard(doc).fields).toHaveLength(3);
  });
});
