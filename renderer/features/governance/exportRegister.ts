/**
 * The register as a spreadsheet (XLSX, through write-excel-file, the same library as the innovation
 * portfolio's export, loaded only when someone exports) and as a printable HTML page that becomes a PDF (desktop printToPDF, the browser's print dialog), like
 * the sign-off expediente. Both carry the same columns as the screen, in the UI language.
 */
import type { TFunction } from 'i18next';
import type { Agreement } from '../../../shared/protocol/governanceApi';
import { formatDay, tallyText } from './StatusBadge';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function statusLabel(agreement: Agreement, t: TFunction): string {
  if (agreement.correctedBy !== null) return t('governance.status.corrected');
  if (agreement.status !== null) return t(`governance.status.${agreement.status}`);
  return t(`governance.decision.${agreement.decision}`);
}

function rows(agreements: readonly Agreement[], t: TFunction, language: string): string[][] {
  return agreements.map((a) => [
    a.code,
    a.groupName,
    a.meetingTitle ?? a.missionTitle ?? '',
    a.meetingDate === null ? '' : formatDay(a.meetingDate, language),
    a.title +
      (a.corrects === null
        ? ''
        : ` (${t('governance.register.corrects', { code: a.corrects.code })})`),
    tallyText(a, t),
    a.responsible?.name ?? '',
    a.dueDate === null ? '' : formatDay(a.dueDate, language),
    statusLabel(a, t),
    a.actions.map((x) => `${x.title} — ${x.column ?? '—'}`).join('; '),
  ]);
}

function headers(t: TFunction): string[] {
  return [
    t('governance.register.code'),
    t('governance.register.body'),
    t('governance.register.origin'),
    t('governance.register.date'),
    t('governance.register.agreement'),
    t('governance.register.vote'),
    t('governance.register.responsible'),
    t('governance.register.due'),
    t('governance.register.status'),
    t('governance.register.actions'),
  ];
}

export async function registerXlsx(
  title: string,
  agreements: readonly Agreement[],
  t: TFunction,
  language: string,
): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const cell = (value: string) => ({ value, wrap: true, alignVertical: 'top' as const });
  const data = [
    [{ value: title, fontWeight: 'bold' as const, fontSize: 14 }],
    [{ value: t('governance.export.generated', { date: new Date().toLocaleString(language) }) }],
    [],
    headers(t).map((value) => ({
      value,
      fontWeight: 'bold' as const,
      backgroundColor: '#e8eef4',
      wrap: true,
    })),
    ...rows(agreements, t, language).map((row) => row.map(cell)),
  ];
  const blob = await writeXlsxFile(data, {
    sheet: t('governance.register.sheet'),
    columns: [16, 26, 30, 14, 50, 30, 28, 14, 14, 50].map((width) => ({ width })),
    stickyRowsCount: 4,
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function registerHtml(
  title: string,
  agreements: readonly Agreement[],
  t: TFunction,
  language: string,
): string {
  const head = headers(t)
    .slice(0, 9)
    .map((h) => `<th>${escape(h)}</th>`)
    .join('');
  const body = rows(agreements, t, language)
    .map(
      (row) =>
        `<tr>${row
          .slice(0, 9)
          .map((cell) => `<td>${escape(cell)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<!doctype html><html lang="${escape(language)}"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
@page { size: A4 landscape; margin: 14mm; }
body { font-family: Inter, Arial, sans-serif; font-size: 9.5pt; color: #1b1f24; }
h1 { font-size: 15pt; margin: 0 0 4pt; }
p { margin: 0 0 10pt; color: #555; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c9d1d9; padding: 4pt 5pt; text-align: left; vertical-align: top; }
th { background: #e8eef4; }
tr { page-break-inside: avoid; }
</style></head><body>
<h1>${escape(title)}</h1>
<p>${escape(t('governance.export.generated', { date: new Date().toLocaleString(language) }))} · ${escape(
    t('governance.register.count', { count: agreements.length }),
  )}</p>
<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>
</body></html>`;
}
