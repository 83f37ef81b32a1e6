/**
 * Document templates offered when a working group creates a document: plain data, in one place,
 * in each language a document can be started in (the text is content, like the first words a
 * person types, so it is written in the language chosen and not translated later).
 */
import type * as Y from 'yjs';
import { appendBlocks, type Block } from './documentDoc';
import { Origin } from './origins';

export const DOCUMENT_TEMPLATE_IDS = [
  'blank',
  'strategicGuideline',
  'jointProposal',
  'operationalChallenge',
  'meetingMinutes',
  'termsOfReference',
  'sessionMinutes',
  'improvementProposal',
] as const;
export type DocumentTemplateId = (typeof DOCUMENT_TEMPLATE_IDS)[number];
export type DocumentTemplateLanguage = 'es-419' | 'en';

export interface DocumentTemplate {
  /** The document's first title. */
  title: string;
  blocks: Block[];
}

const p = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
const h = (text: string, level: 1 | 2 | 3 = 2): Block => ({ type: 'heading', level, text });

const TEMPLATES: Record<DocumentTemplateLanguage, Record<DocumentTemplateId, DocumentTemplate>> = {
  'es-419': {
    blank: { title: '', blocks: [] },
    strategicGuideline: {
      title: 'Lineamiento estratégico',
      blocks: [
        h('Propósito'),
        p('Qué decide este lineamiento y para quién.'),
        h('Contexto'),
        p('Situación actual del clúster, datos y antecedentes.'),
        h('Lineamientos'),
        { type: 'orderedList', items: ['Primer lineamiento', 'Segundo lineamiento'] },
        h('Responsables y plazos'),
        {
          type: 'table',
          rows: [
            ['Acción', 'Organización responsable', 'Plazo'],
            ['', '', ''],
          ],
        },
        h('Indicadores de seguimiento'),
        { type: 'bulletList', items: ['Indicador, línea base y meta'] },
      ],
    },
    jointProposal: {
      title: 'Propuesta conjunta de I+D',
      blocks: [
        h('Objetivos'),
        p('Objetivo general.'),
        { type: 'bulletList', items: ['Objetivo específico 1', 'Objetivo específico 2'] },
        h('Consorcio empresa–universidad–proveedor'),
        {
          type: 'table',
          rows: [
            ['Organización', 'Tipo', 'Rol en el proyecto', 'Aporte'],
            ['', 'Empresa minera', '', ''],
            ['', 'Universidad', '', ''],
            ['', 'Proveedor METS', '', ''],
          ],
        },
        h('Plan de trabajo'),
        {
          type: 'table',
          rows: [
            ['Actividad', 'Responsable', 'Inicio', 'Fin'],
            ['', '', '', ''],
          ],
        },
        h('Presupuesto'),
        {
          type: 'table',
          rows: [
            ['Partida', 'Monto (S/)', 'Financiamiento'],
            ['', '', ''],
          ],
        },
        h('Indicadores'),
        { type: 'bulletList', items: ['Indicador, línea base y meta'] },
      ],
    },
    operationalChallenge: {
      title: 'Desafío operacional',
      blocks: [
        h('Empresa'),
        p('Empresa minera y unidad operativa que plantea el desafío.'),
        h('Área'),
        p('Mina, planta concentradora, mantenimiento, relaves, agua, energía…'),
        h('Problema'),
        p('Qué ocurre hoy, con datos, y por qué importa.'),
        h('Restricciones'),
        { type: 'bulletList', items: ['Técnicas', 'Ambientales y sociales', 'De seguridad'] },
        h('Impacto esperado'),
        p('Qué cambia si se resuelve y cómo se medirá.'),
      ],
    },
    meetingMinutes: {
      title: 'Acta de reunión',
      blocks: [
        p('Fecha, lugar y modalidad.'),
        h('Asistentes por organización'),
        {
          type: 'table',
          rows: [
            ['Organización', 'Asistentes'],
            ['', ''],
          ],
        },
        h('Agenda'),
        { type: 'orderedList', items: ['Primer punto'] },
        h('Acuerdos'),
        { type: 'orderedList', items: ['Primer acuerdo'] },
        h('Tareas'),
        { type: 'taskList', items: [{ text: 'Tarea — responsable — fecha', checked: false }] },
      ],
    },
    termsOfReference: {
      title: 'Términos de referencia',
      blocks: [
        h('Antecedentes'),
        p('Por qué se contrata este servicio.'),
        h('Objetivo del servicio'),
        p('Qué debe lograr el servicio.'),
        h('Alcance y actividades'),
        { type: 'bulletList', items: ['Actividad'] },
        h('Productos entregables'),
        {
          type: 'table',
          rows: [
            ['Producto', 'Contenido', 'Plazo'],
            ['', '', ''],
          ],
        },
        h('Perfil requerido'),
        p('Formación y experiencia.'),
        h('Plazo y forma de pago'),
        p('Duración del servicio y pagos por producto aprobado.'),
      ],
    },
    sessionMinutes: {
      title: 'Acta de sesión',
      blocks: [
        p('Órgano, número de sesión, fecha, hora, lugar o enlace.'),
        h('Organizaciones convocadas y asistencia'),
        {
          type: 'table',
          rows: [
            ['Organización', 'Representante', 'Asistencia'],
            ['', '', ''],
          ],
        },
        h('Quórum'),
        p('Organizaciones presentes sobre convocadas y regla de quórum del órgano.'),
        h('Agenda'),
        { type: 'orderedList', items: ['Lectura y aprobación del acta anterior'] },
        h('Desarrollo de la sesión'),
        p('Resumen de las intervenciones por punto de agenda.'),
        h('Acuerdos'),
        {
          type: 'table',
          rows: [
            [
              'N.º',
              'Acuerdo',
              'Votación (a favor / en contra / abstención / ausente)',
              'Responsable',
              'Plazo',
            ],
            ['', '', '', '', ''],
          ],
        },
        h('Firmas'),
        p('Presidencia y secretaría técnica.'),
      ],
    },
    improvementProposal: {
      title: 'Propuesta de mejora normativa',
      blocks: [
        p('Dirigida a: ministerio o entidad emisora.'),
        h('Norma y artículos que aborda'),
        { type: 'bulletList', items: ['Norma, número y artículo'] },
        h('Problema y evidencia'),
        p(
          'Casos reportados por las organizaciones del clúster: días perdidos, costos y procedimientos afectados.',
        ),
        h('Propuesta de modificación'),
        {
          type: 'table',
          rows: [
            ['Texto vigente', 'Texto propuesto', 'Justificación'],
            ['', '', ''],
          ],
        },
        h('Impacto esperado'),
        p('Ahorro de tiempo y costo, beneficios para el Estado y las empresas.'),
        h('Organizaciones que respaldan'),
        p('Se completa con la aprobación institucional.'),
      ],
    },
  },
  en: {
    blank: { title: '', blocks: [] },
    strategicGuideline: {
      title: 'Strategic guideline',
      blocks: [
        h('Purpose'),
        p('What this guideline decides, and for whom.'),
        h('Context'),
        p('Current situation of the cluster, data and background.'),
        h('Guidelines'),
        { type: 'orderedList', items: ['First guideline', 'Second guideline'] },
        h('Owners and deadlines'),
        {
          type: 'table',
          rows: [
            ['Action', 'Responsible organization', 'Deadline'],
            ['', '', ''],
          ],
        },
        h('Monitoring indicators'),
        { type: 'bulletList', items: ['Indicator, baseline and target'] },
      ],
    },
    jointProposal: {
      title: 'Joint R&D proposal',
      blocks: [
        h('Objectives'),
        p('General objective.'),
        { type: 'bulletList', items: ['Specific objective 1', 'Specific objective 2'] },
        h('Company–university–supplier consortium'),
        {
          type: 'table',
          rows: [
            ['Organization', 'Kind', 'Role in the project', 'Contribution'],
            ['', 'Mining company', '', ''],
            ['', 'University', '', ''],
            ['', 'METS supplier', '', ''],
          ],
        },
        h('Work plan'),
        {
          type: 'table',
          rows: [
            ['Activity', 'Owner', 'Start', 'End'],
            ['', '', '', ''],
          ],
        },
        h('Budget'),
        {
          type: 'table',
          rows: [
            ['Item', 'Amount (PEN)', 'Funding'],
            ['', '', ''],
          ],
        },
        h('Indicators'),
        { type: 'bulletList', items: ['Indicator, baseline and target'] },
      ],
    },
    operationalChallenge: {
      title: 'Operational challenge',
      blocks: [
        h('Company'),
        p('Mining company and operation that raises the challenge.'),
        h('Area'),
        p('Mine, concentrator, maintenance, tailings, water, energy…'),
        h('Problem'),
        p('What happens today, with data, and why it matters.'),
        h('Constraints'),
        { type: 'bulletList', items: ['Technical', 'Environmental and social', 'Safety'] },
        h('Expected impact'),
        p('What changes if it is solved, and how it will be measured.'),
      ],
    },
    meetingMinutes: {
      title: 'Meeting minutes',
      blocks: [
        p('Date, place and format.'),
        h('Attendees by organization'),
        {
          type: 'table',
          rows: [
            ['Organization', 'Attendees'],
            ['', ''],
          ],
        },
        h('Agenda'),
        { type: 'orderedList', items: ['First item'] },
        h('Agreements'),
        { type: 'orderedList', items: ['First agreement'] },
        h('Tasks'),
        { type: 'taskList', items: [{ text: 'Task — owner — date', checked: false }] },
      ],
    },
    termsOfReference: {
      title: 'Terms of reference',
      blocks: [
        h('Background'),
        p('Why this service is hired.'),
        h('Objective of the service'),
        p('What the service must achieve.'),
        h('Scope and activities'),
        { type: 'bulletList', items: ['Activity'] },
        h('Deliverables'),
        {
          type: 'table',
          rows: [
            ['Deliverable', 'Content', 'Deadline'],
            ['', '', ''],
          ],
        },
        h('Required profile'),
        p('Education and experience.'),
        h('Duration and payment'),
        p('Length of the service and payments per approved deliverable.'),
      ],
    },
    sessionMinutes: {
      title: 'Session minutes',
      blocks: [
        p('Body, session number, date, time, place or link.'),
        h('Convened organizations and attendance'),
        {
          type: 'table',
          rows: [
            ['Organization', 'Representative', 'Attendance'],
            ['', '', ''],
          ],
        },
        h('Quorum'),
        p("Organizations present out of those convened, and the body's quorum rule."),
        h('Agenda'),
        { type: 'orderedList', items: ['Reading and approval of the previous minutes'] },
        h('Proceedings'),
        p('Summary of the discussion per agenda item.'),
        h('Agreements'),
        {
          type: 'table',
          rows: [
            ['No.', 'Agreement', 'Vote (for / against / abstain / absent)', 'Responsible', 'Due'],
            ['', '', '', '', ''],
          ],
        },
        h('Signatures'),
        p('Chair and technical secretariat.'),
      ],
    },
    improvementProposal: {
      title: 'Regulatory improvement proposal',
      blocks: [
        p('Addressed to: ministry or issuing body.'),
        h('Regulation and articles addressed'),
        { type: 'bulletList', items: ['Regulation, number and article'] },
        h('Problem and evidence'),
        p(
          "Cases reported by the cluster's organizations: days lost, costs and procedures affected.",
        ),
        h('Proposed amendment'),
        {
          type: 'table',
          rows: [
            ['Current text', 'Proposed text', 'Rationale'],
            ['', '', ''],
          ],
        },
        h('Expected impact'),
        p('Time and cost saved, benefits for the State and companies.'),
        h('Supporting organizations'),
        p('Completed with the institutional sign-off.'),
      ],
    },
  },
};

export function documentTemplate(id: DocumentTemplateId, language: string): DocumentTemplate {
  return TEMPLATES[language.startsWith('es') ? 'es-419' : 'en'][id];
}

/** Writes a template's blocks into a new document, in one transaction. */
export function applyDocumentTemplate(
  doc: Y.Doc,
  id: DocumentTemplateId,
  language: string,
  origin: Origin = Origin.local,
): void {
  const { blocks } = documentTemplate(id, language);
  if (blocks.length > 0) appendBlocks(doc, blocks, origin);
}
