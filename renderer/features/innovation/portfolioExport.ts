/**
 * The portfolio as files for the cluster's board and the funder: an XLSX workbook (one sheet of
 * projects, one of co-financing, one of indicators; write-excel-file, which runs in the browser)
 * and a PDF report printed from a standalone HTML page, the same path documents export through.
 */
import type { TFunction } from 'i18next';
import writeXlsxFile from 'write-excel-file/browser';
import type { Project } from '../../../shared/protocol/innovationApi';
import { escapeHtml, standaloneHtml } from '../documents/export/documentHtml';

type Cell = string | number | null;

/** Excel refuses sheet names over 31 characters or with \ / ? * [ ] :. */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

export function portfolioSheets(projects: readonly Project[], t: TFunction) {
  const header = (keys: string[]) =>
    keys.map((key) => ({
      value: t(`innovation.portfolio.columns.${key}`),
      fontWeight: 'bold' as const,
    }));
  const projectRows: Cell[][] = projects.map((p) => [
    p.title,
    t(`innovation.projectStatus.${p.status}`),
    p.challenge.title,
    p.challenge.company.name,
    t(`innovation.area.${p.challenge.area}`),
    p.consortium.map((o) => o.name).join('; '),
    p.region,
    p.budget,
    p.cofinancing.reduce((sum, c) => sum + c.amount, 0),
    p.score,
  ]);
  const cofinancingRows: Cell[][] = projects.flatMap((p) =>
    p.cofinancing.map((c) => [p.title, c.organization.name, c.amount]),
  );
  const indicatorRows: Cell[][] = projects.flatMap((p) =>
    p.indicators.map((i) => [p.title, i.name, i.unit, i.target, i.reported]),
  );
  return [
    {
      sheet: sheetName(t('innovation.portfolio.sheets.projects')),
      data: [
        header([
          'title',
          'status',
          'challenge',
          'company',
          'area',
          'consortium',
          'region',
          'budget',
          'cofinanced',
          'score',
        ]),
        ...projectRows,
      ],
    },
    {
      sheet: sheetName(t('innovation.portfolio.sheets.cofinancing')),
      data: [header(['title', 'organization', 'amount']), ...cofinancingRows],
    },
    {
      sheet: sheetName(t('innovation.portfolio.sheets.indicators')),
      data: [header(['title', 'indicator', 'unit', 'target', 'reported']), ...indicatorRows],
    },
  ];
}

export async function portfolioXlsx(
  projects: readonly Project[],
  t: TFunction,
): Promise<Uint8Array> {
  const blob = await writeXlsxFile(portfolioSheets(projects, t)).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

export function portfolioReportHtml(
  programName: string,
  projects: readonly Project[],
  t: TFunction,
  language: string,
): string {
  const money = (n: number) =>
    new Intl.NumberFormat(language.startsWith('es') ? 'es-PE' : language, {
      style: 'currency',
      currency: 'PEN',
      maximumFractionDigits: 0,
    }).format(n);
  const total = projects.reduce((sum, p) => sum + p.budget, 0);
  const rows = projects
    .map(
      (p) => `<h2>${escapeHtml(p.title)}</h2>
<p><strong>${escapeHtml(t(`innovation.projectStatus.${p.status}`))}</strong> · ${escapeHtml(p.region)} · ${escapeHtml(p.challenge.company.name)} — ${escapeHtml(p.challenge.title)}</p>
<p>${escapeHtml(t('innovation.portfolio.consortium'))}: ${escapeHtml(p.consortium.map((o) => o.name).join(', '))}</p>
<table><thead><tr><th>${escapeHtml(t('innovation.portfolio.columns.organization'))}</th><th>${escapeHtml(t('innovation.portfolio.columns.amount'))}</th></tr></thead><tbody>
${p.cofinancing.map((c) => `<tr><td>${escapeHtml(c.organization.name)}</td><td>${escapeHtml(money(c.amount))}</td></tr>`).join('')}
<tr><td><strong>${escapeHtml(t('innovation.portfolio.columns.budget'))}</strong></td><td><strong>${escapeHtml(money(p.budget))}</strong></td></tr>
</tbody></table>
${
  p.indicators.length === 0
    ? ''
    : `<table><thead><tr><th>${escapeHtml(t('innovation.portfolio.columns.indicator'))}</th><th>${escapeHtml(t('innovation.portfolio.columns.target'))}</th><th>${escapeHtml(t('innovation.portfolio.columns.reported'))}</th></tr></thead><tbody>
${p.indicators.map((i) => `<tr><td>${escapeHtml(i.name)}</td><td>${i.target} ${escapeHtml(i.unit)}</td><td>${i.reported === null ? '—' : `${i.reported} ${escapeHtml(i.unit)}`}</td></tr>`).join('')}
</tbody></table>`
}`,
    )
    .join('\n');
  const bodyHtml = `<p>${escapeHtml(
    t('innovation.portfolio.reportSummary', { count: projects.length, total: money(total) }),
  )}</p>\n${rows}`;
  return standaloneHtml({
    title: t('innovation.portfolio.reportTitle', { program: programName }),
    bodyHtml,
    language,
  });
}
