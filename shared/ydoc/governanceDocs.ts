/**
 * Documents the governance screens start from their records: a meeting's minutes ("Acta de
 * sesión") filled with its date, place, convened organizations and agenda, and an improvement
 * proposal ("Propuesta de mejora normativa") citing the articles and the aggregates of their
 * cases. Both are the templates of documentTemplates.ts with the record's facts written in; the
 * text is content, in the language the person starts it in.
 */
import type { Block } from './documentDoc';
import { documentTemplate } from './documentTemplates';
import type { Meeting } from '../protocol/governanceApi';
import {
  regulationCitation,
  type ArticleView,
  type RegulationView,
} from '../protocol/regulationApi';

const p = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });
const h = (text: string): Block => ({ type: 'heading', level: 2, text });

function spanish(language: string): boolean {
  return language.startsWith('es');
}

export function minutesTitle(meeting: Pick<Meeting, 'title'>, language: string): string {
  return `${spanish(language) ? 'Acta' : 'Minutes'} — ${meeting.title}`;
}

export function minutesBlocks(
  meeting: Pick<Meeting, 'title' | 'startsAt' | 'place' | 'link' | 'organizations' | 'agenda'>,
  bodyName: string,
  language: string,
): Block[] {
  const es = spanish(language);
  const when = new Intl.DateTimeFormat(es ? 'es-PE' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'America/Lima',
  }).format(new Date(meeting.startsAt));
  const where = [meeting.place, meeting.link].filter((part) => part !== '').join(' · ');
  return [
    p(
      `${bodyName} — ${meeting.title}. ${when} (${es ? 'hora de Lima' : 'Lima time'})${where === '' ? '' : `. ${where}`}.`,
    ),
    h(es ? 'Organizaciones convocadas y asistencia' : 'Convened organizations and attendance'),
    {
      type: 'table',
      rows: [
        es
          ? ['Organización', 'Representante', 'Asistencia']
          : ['Organization', 'Representative', 'Attendance'],
        ...meeting.organizations.map((org) => [org.name, '', '']),
      ],
    },
    h(es ? 'Agenda' : 'Agenda'),
    meeting.agenda.length === 0
      ? p(es ? 'Sin puntos de agenda.' : 'No agenda items.')
      : { type: 'orderedList', items: [...meeting.agenda] },
    h(es ? 'Desarrollo de la sesión' : 'Proceedings'),
    p(
      es
        ? 'Resumen de las intervenciones por punto de agenda.'
        : 'Summary of the discussion per agenda item.',
    ),
    h(es ? 'Acuerdos' : 'Agreements'),
    p(
      es
        ? 'Los acuerdos, su votación por organización, responsables y plazos se registran en el Registro de acuerdos de la sesión.'
        : "Agreements, their vote by organization, owners and due dates are recorded in the session's register.",
    ),
    h(es ? 'Firmas' : 'Signatures'),
    p(es ? 'Presidencia y secretaría técnica.' : 'Chair and technical secretariat.'),
  ];
}

export function proposalBlocks(
  regulation: Pick<RegulationView, 'kind' | 'number' | 'title' | 'issuer'>,
  articles: readonly Pick<ArticleView, 'number' | 'heading' | 'aggregate'>[],
  language: string,
): { title: string; blocks: Block[] } {
  const es = spanish(language);
  const template = documentTemplate('improvementProposal', language);
  const citation = regulationCitation(regulation.kind, regulation.number);
  const lines = articles.map((a) =>
    es
      ? `Artículo ${a.number} del ${citation}${a.heading === '' ? '' : ` (${a.heading})`}: ${a.aggregate.cases} casos de ${a.aggregate.organizations} organizaciones, ${a.aggregate.daysLost} días acumulados.`
      : `Article ${a.number} of ${citation}${a.heading === '' ? '' : ` (${a.heading})`}: ${a.aggregate.cases} cases from ${a.aggregate.organizations} organizations, ${a.aggregate.daysLost} days in total.`,
  );
  return {
    title: `${template.title}: ${citation}`,
    blocks: [
      p(es ? `Dirigida a: ${regulation.issuer}.` : `Addressed to: ${regulation.issuer}.`),
      h(es ? 'Norma y artículos que aborda' : 'Regulation and articles addressed'),
      p(`${citation} — ${regulation.title}`),
      { type: 'bulletList', items: lines.length === 0 ? [citation] : lines },
      ...template.blocks.slice(3),
    ],
  };
}
