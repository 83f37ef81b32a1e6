/**
 * The register as a spreadsheet (XLSX, through exceljs, loaded only when someone exports) and as a
 * printable HTML page that becomes a PDF (desktop printToPDF, the browser's print dialog), like
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
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Minka';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(t('governance.register.sheet'));
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([t('governance.export.generated', { date: new Date().toLocaleString(language) })]);
  sheet.addRow([]);
  const header = sheet.addRow(headers(t));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  });
  for (const row of rows(agreements, t, language)) sheet.addRow(row);
  const widths = [16, 26, 30, 14, 50, 30, 28, 14, 14, 50];
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
    sheet.getColumn(index + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
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
