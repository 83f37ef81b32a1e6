/**
 * The sign-off record ("expediente") of a frozen version, to hand to a funder or a ministry: a
 * cover (group, title, version, date), the frozen text, and an annex with each organization's
 * answer (person, time, observations), the outcome and the content hash. One content, two files:
 * DOCX through `docx`, PDF through the same HTML the print path uses.
 */
import type { TFunction } from 'i18next';
import type { SignoffResponse } from '../../../shared/protocol/versionsApi';
import { openVersion } from '../../../shared/ydoc/versions';
import { documentBodyHtml, escapeHtml, standaloneHtml } from '../documents/export/documentHtml';
import { documentJson, docxBytes, type DocxAnnex } from '../documents/export/docx';

export interface ExpedienteInput {
  title: string;
  groupName: string;
  signoff: SignoffResponse;
  /** The frozen version's encoded state. */
  content: Uint8Array;
  language: string;
  t: TFunction;
}

const dateTime = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

export function outcomeText(signoff: SignoffResponse['status'], t: TFunction, language: string) {
  const date =
    signoff.decidedAt === null
      ? ''
      : new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(
          new Date(signoff.decidedAt),
        );
  return t(`versions.signoff.outcome.${signoff.outcome}`, {
    approvals: signoff.approvals,
    asked: signoff.asked,
    required: signoff.required,
    date,
  });
}

function annex({ signoff, t, language }: ExpedienteInput): DocxAnnex {
  return {
    title: t('versions.expediente.annexTitle'),
    lines: [
      outcomeText(signoff.status, t, language),
      t('versions.expediente.rule', {
        rule: t(`versions.signoff.rules.${signoff.status.rule}`),
        required: signoff.status.required,
        asked: signoff.status.asked,
      }),
      t('versions.expediente.requested', {
        name: signoff.requestedBy.name,
        date: dateTime(signoff.requestedAt, language),
      }),
      t('versions.expediente.hash', { hash: signoff.hash }),
    ],
    header: [
      t('versions.signoff.table.organization'),
      t('versions.signoff.table.kind'),
      t('versions.signoff.table.answer'),
      t('versions.signoff.table.person'),
      t('versions.signoff.table.date'),
      t('versions.signoff.table.observations'),
    ],
    rows: signoff.organizations.map((row) => [
      row.organization.name,
      t(`account.kinds.${row.organization.kind}`),
      row.answer === null
        ? t('versions.signoff.answers.none')
        : t(`versions.signoff.answers.${row.answer.answer}`),
      row.answer?.by.name ?? '',
      row.answer === null ? '' : dateTime(row.answer.at, language),
      row.answer?.text ?? '',
    ]),
  };
}

function coverLines(input: ExpedienteInput): string[] {
  return [
    input.groupName,
    input.t('versions.expediente.version', { name: input.signoff.versionName }),
    dateTime(new Date().toISOString(), input.language),
  ];
}

export async function expedienteDocx(input: ExpedienteInput): Promise<Uint8Array> {
  const doc = openVersion(input.content);
  try {
    return await docxBytes({
      title: input.title,
      body: documentJson(doc),
      language: input.language,
      cover: { lines: coverLines(input) },
      annex: annex(input),
    });
  } finally {
    doc.destroy();
  }
}

export function expedienteHtml(input: ExpedienteInput): string {
  const doc = openVersion(input.content);
  const body = documentBodyHtml(doc);
  doc.destroy();
  const { title, lines, header, rows } = annex(input);
  const cell = (text: string, tag: 'th' | 'td') => `<${tag}>${escapeHtml(text)}</${tag}>`;
  const annexHtml = [
    `<section class="expediente-annex"><h1>${escapeHtml(title)}</h1>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    '<table><thead><tr>',
    ...header.map((text) => cell(text, 'th')),
    '</tr></thead><tbody>',
    ...rows.map((row) => `<tr>${row.map((text) => cell(text, 'td')).join('')}</tr>`),
    '</tbody></table></section>',
  ].join('');
  return standaloneHtml({
    title: input.title,
    language: input.language,
    meta: coverLines(input).join(' · '),
    bodyHtml: `${body}<div style="break-before: page"></div>${annexHtml}`,
  });
}
