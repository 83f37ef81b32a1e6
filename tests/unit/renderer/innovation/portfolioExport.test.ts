/**
 * The portfolio's export files: the XLSX workbook has a sheet of projects, one of co-financing and
 * one of indicators, with the values a funder reads (checked inside the real .xlsx zip), and the
 * PDF report's HTML escapes what people typed.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../../../shared/protocol/innovationApi';
import {
  portfolioReportHtml,
  portfolioSheets,
  portfolioXlsx,
} from '../../../../renderer/features/innovation/portfolioExport';

// The key itself (with its values) stands in for the translation: the test reads structure.
const t = ((key: string, values?: Record<string, unknown>) =>
  values === undefined ? key : `${key} ${JSON.stringify(values)}`) as unknown as TFunction;

const org = (id: string, name: string, kind: 'mining_company' | 'mets_supplier' | 'academia') => ({
  id,
  name,
  kind,
});

const PROJECT: Project = {
  id: 'p1',
  programId: 'prog',
  proposalId: 'prop',
  title: 'Espesador de pasta <piloto>',
  status: 'piloto',
  region: 'Arequipa',
  budget: 480_000,
  cofinancing: [
    { organization: org('a', 'Minera Andina del Sur', 'mining_company'), amount: 200_000 },
    { organization: org('h', 'Ingeniería Hídrica Moquegua', 'mets_supplier'), amount: 80_000 },
  ],
  indicators: [{ id: 'i1', name: 'Agua recuperada', unit: 'L/s', target: 36, reported: 14.5 }],
  challenge: {
    id: 'c1',
    title: 'Recuperación de agua en relaves',
    company: org('a', 'Minera Andina del Sur', 'mining_company'),
    area: 'agua',
  },
  consortium: [
    org('h', 'Ingeniería Hídrica Moquegua', 'mets_supplier'),
    org('u', 'Universidad Nacional Jorge Basadre Grohmann', 'academia'),
  ],
  score: 8.35,
  groupId: 'g' as Project['groupId'],
  boardId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  canEdit: false,
};

describe('portfolio export', () => {
  it('lays out projects, co-financing and indicators on three sheets', () => {
    const [projects, cofinancing, indicators] = portfolioSheets([PROJECT], t);
    expect(projects!.data[1]).toEqual([
      'Espesador de pasta <piloto>',
      'innovation.projectStatus.piloto',
      'Recuperación de agua en relaves',
      'Minera Andina del Sur',
      'innovation.area.agua',
      'Ingeniería Hídrica Moquegua; Universidad Nacional Jorge Basadre Grohmann',
      'Arequipa',
      480_000,
      280_000,
      8.35,
    ]);
    expect(cofinancing!.data.slice(1)).toEqual([
      ['Espesador de pasta <piloto>', 'Minera Andina del Sur', 200_000],
      ['Espesador de pasta <piloto>', 'Ingeniería Hídrica Moquegua', 80_000],
    ]);
    expect(indicators!.data.slice(1)).toEqual([
      ['Espesador de pasta <piloto>', 'Agua recuperada', 'L/s', 36, 14.5],
    ]);
  });

  it('writes a real .xlsx workbook', async () => {
    const files = unzipSync(await portfolioXlsx([PROJECT], t));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet3.xml',
      ]),
    );
    const strings = strFromU8(files['xl/sharedStrings.xml']!);
    expect(strings).toContain('Ingeniería Hídrica Moquegua');
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toContain('480000');
  });

  it('escapes typed text in the PDF report', () => {
    const html = portfolioReportHtml('Programa 2026', [PROJECT], t, 'es-419');
    expect(html).toContain('Espesador de pasta &lt;piloto&gt;');
    expect(html).not.toContain('<piloto>');
    expect(html).toContain('14.5 L/s');
  });
});
