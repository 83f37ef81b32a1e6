/**
 * Board templates offered when a working group creates a board. A template is data: column
 * titles (in the language the board is created in: they are content, like a document's first
 * words), WIP limits, default labels, and the extra card fields the card panel shows. Field
 * labels are UI text, so they are stored in every UI language.
 */
import type * as Y from 'yjs';
import {
  addColumn,
  defineLabel,
  migrateBoard,
  setBoardTemplate,
  type ColumnId,
  type FieldDefinition,
  type LabelId,
} from './boardDoc';
import { Origin } from './origins';

export const TEMPLATE_IDS = ['openInnovation', 'workPlan', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];
export type TemplateLanguage = 'es-419' | 'en';

type Localized = Record<TemplateLanguage, string>;

export interface BoardTemplate {
  id: TemplateId;
  name: Localized;
  description: Localized;
  columns: Array<{ title: Localized; wipLimit: number | null }>;
  labels: Array<{ name: Localized; colour: string }>;
  fields: FieldDefinition[];
}

export const OPEN_INNOVATION_FIELDS: FieldDefinition[] = [
  {
    key: 'miningCompany',
    kind: 'text',
    label: { 'es-419': 'Empresa minera', en: 'Mining company' },
  },
  {
    key: 'operationalArea',
    kind: 'text',
    label: { 'es-419': 'Área operativa', en: 'Operational area' },
    suggestions: {
      'es-419': [
        'Mina',
        'Planta concentradora',
        'Mantenimiento',
        'Relaves',
        'Agua',
        'Energía',
        'Seguridad y salud',
        'Medio ambiente',
        'Logística',
      ],
      en: [
        'Mine',
        'Concentrator plant',
        'Maintenance',
        'Tailings',
        'Water',
        'Energy',
        'Health and safety',
        'Environment',
        'Logistics',
      ],
    },
  },
  {
    key: 'expectedImpact',
    kind: 'longText',
    label: { 'es-419': 'Impacto esperado', en: 'Expected impact' },
  },
];

export const BOARD_TEMPLATES: Record<TemplateId, BoardTemplate> = {
  openInnovation: {
    id: 'openInnovation',
    name: { 'es-419': 'Programa de innovación abierta', en: 'Open-innovation program' },
    description: {
      'es-419':
        'Desafíos operativos de las empresas mineras, de la convocatoria a los pilotos y al portafolio.',
      en: "Mining companies' operational challenges, from the call for participation to pilots and the portfolio.",
    },
    columns: [
      { title: { 'es-419': 'Desafíos recibidos', en: 'Challenges received' }, wipLimit: null },
      { title: { 'es-419': 'Convocatoria abierta', en: 'Open call' }, wipLimit: 6 },
      {
        title: { 'es-419': 'Propuestas en evaluación', en: 'Proposals under review' },
        wipLimit: 8,
      },
      { title: { 'es-419': 'Piloto', en: 'Pilot' }, wipLimit: 3 },
      { title: { 'es-419': 'Portafolio', en: 'Portfolio' }, wipLimit: null },
    ],
    labels: [
      { name: { 'es-419': 'Agua', en: 'Water' }, colour: '#1f6f8b' },
      { name: { 'es-419': 'Energía', en: 'Energy' }, colour: '#b7791f' },
      { name: { 'es-419': 'Seguridad', en: 'Safety' }, colour: '#a4262c' },
      { name: { 'es-419': 'Medio ambiente', en: 'Environment' }, colour: '#2f6b3f' },
      { name: { 'es-419': 'Digitalización', en: 'Digitalization' }, colour: '#6b46c1' },
    ],
    fields: OPEN_INNOVATION_FIELDS,
  },
  workPlan: {
    id: 'workPlan',
    name: { 'es-419': 'Plan de trabajo', en: 'Work plan' },
    description: {
      'es-419': 'Acuerdos y tareas de un grupo de gobernanza.',
      en: "A governance group's agreements and tasks.",
    },
    columns: [
      { title: { 'es-419': 'Por hacer', en: 'To do' }, wipLimit: null },
      { title: { 'es-419': 'En curso', en: 'In progress' }, wipLimit: 5 },
      { title: { 'es-419': 'En revisión', en: 'In review' }, wipLimit: 3 },
      { title: { 'es-419': 'Hecho', en: 'Done' }, wipLimit: null },
    ],
    labels: [
      { name: { 'es-419': 'Acuerdo', en: 'Agreement' }, colour: '#1f6f8b' },
      { name: { 'es-419': 'Tarea', en: 'Task' }, colour: '#2f6b3f' },
      { name: { 'es-419': 'Riesgo', en: 'Risk' }, colour: '#b7791f' },
      { name: { 'es-419': 'Bloqueado', en: 'Blocked' }, colour: '#a4262c' },
    ],
    fields: [],
  },
  blank: {
    id: 'blank',
    name: { 'es-419': 'En blanco', en: 'Blank' },
    description: {
      'es-419': 'Un tablero sin columnas; usted las define.',
      en: 'A board with no columns; you define them.',
    },
    columns: [],
    labels: [],
    fields: [],
  },
};

export function isTemplateId(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}

const randomId = (): string =>
  (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID();

/**
 * Writes a template into a new, empty board: schema version, columns, labels and the card
 * fields. `makeId` lets tests use predictable ids.
 */
export function applyTemplate(
  doc: Y.Doc,
  templateId: TemplateId,
  language: TemplateLanguage,
  makeId: () => string = randomId,
): void {
  const template = BOARD_TEMPLATES[templateId];
  doc.transact(() => {
    migrateBoard(doc);
    for (const column of template.columns) {
      addColumn(doc, {
        id: makeId() as ColumnId,
        title: column.title[language],
        wipLimit: column.wipLimit,
      });
    }
    for (const label of template.labels) {
      defineLabel(doc, {
        id: makeId() as LabelId,
        name: label.name[language],
        colour: label.colour,
      });
    }
    setBoardTemplate(doc, template.id, template.fields);
  }, Origin.local);
}
