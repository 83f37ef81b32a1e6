/**
 * The governance register, the regulatory base and missions (issue 15), walked through as the
 * demo's people would in Chromium: Patricia (lead of the council) takes a meeting from agenda to
 * approved minutes with two agreements voted by organization, moves an action card to "Hecho" and
 * sees the register say "Cumplido"; Rosa reports a friction case against an article and sees the
 * article's aggregate grow; Jorge opens the mission to Chile. Screenshots go to
 * /tmp/shots/i15-governance/.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, sidebar } from './support/app';
import { DEMO_GROUPS, JORGE, PATRICIA, ROSA } from './support/demoAccounts';
import {
  removeDir,
  startStaticServer,
  startSyncServer,
  type StaticServer,
  type SyncServerProcess,
} from './support/servers';

const SHOTS = '/tmp/shots/i15-governance';

let sync: SyncServerProcess;
let assets: StaticServer;

test.beforeEach(async () => {
  sync = await startSyncServer();
  assets = await startStaticServer();
});

test.afterEach(async () => {
  await sync.kill().catch(() => undefined);
  await assets.close();
  removeDir(sync.dataDir);
});

const appUrl = () => `${assets.url}/?server=${encodeURIComponent(sync.url)}`;

const groupSection = (page: Page, name: string) => sidebar(page).getByRole('region', { name });

async function recordAgreement(page: Page, title: string, responsible: string, due: string) {
  const form = page.getByRole('form', { name: 'Registrar acuerdo' });
  await form.getByRole('textbox', { name: 'Acuerdo' }).fill(title);
  await form
    .getByRole('combobox', { name: 'Organización responsable' })
    .selectOption({ label: responsible });
  await form.getByLabel('Plazo').fill(due);
  await form.getByRole('button', { name: 'Registrar acuerdo' }).click();
  const article = page.getByRole('article', { name: title });
  await expect(article).toBeVisible();
  return (await article.locator('header .mono').textContent())!.trim();
}

test('a meeting from agenda to approved minutes: two agreements voted by organization, an action card moved to «Hecho», the register says «Cumplido»', async ({
  browser,
}) => {
  const { page } = await openApp(browser, appUrl(), PATRICIA);
  await page.setViewportSize({ width: 1440, height: 1000 });
  page.on('dialog', (dialog) => void dialog.accept());
  await groupSection(page, DEMO_GROUPS.governance)
    .getByRole('link', { name: 'Registro de acuerdos', exact: true })
    .click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
    `Registro de acuerdos — ${DEMO_GROUPS.governance}`,
  );

  // Agenda: convene the meeting.
  await page.getByRole('button', { name: 'Convocar sesión' }).click();
  const convene = page.getByRole('form', { name: 'Convocar sesión' });
  await convene
    .getByRole('textbox', { name: 'Título de la sesión' })
    .fill('Sesión extraordinaria — agua');
  await convene.getByLabel('Fecha y hora').fill('2026-11-20T10:00');
  await convene.getByRole('textbox', { name: 'Lugar' }).fill('Gobierno Regional de Arequipa');
  await convene
    .getByRole('textbox', { name: 'Agenda' })
    .fill('Reúso de agua en concentradoras\nFondo concursable 2027');
  await expect(
    convene.getByRole('checkbox', { name: 'Minera Andina del Sur (demo)' }),
  ).toBeChecked();
  await convene.getByRole('button', { name: 'Convocar' }).click();
  await expect(
    page.getByRole('main').getByRole('heading', { level: 1, name: 'Sesión extraordinaria — agua' }),
  ).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Reúso de agua en concentradoras' }),
  ).toBeVisible();

  // Minutes from the «Acta de sesión» template, filled with the meeting's facts.
  await page.getByRole('button', { name: 'Redactar el acta' }).click();
  await expect(page.getByRole('textbox', { name: 'Título del documento' })).toHaveValue(
    'Acta — Sesión extraordinaria — agua',
  );
  await expect(page.getByRole('textbox', { name: 'Contenido del documento' })).toContainText(
    'Fondo concursable 2027',
  );
  await page.goBack();
  await expect(page.getByRole('link', { name: 'Abrir el acta' })).toBeVisible();

  // Two agreements, each voted by organization.
  const water = await recordAgreement(
    page,
    'Crear la mesa regional del agua',
    'Gobierno Regional de Arequipa',
    '2026-12-31',
  );
  const fund = await recordAgreement(
    page,
    'Postular al fondo concursable 2027',
    'Universidad Nacional de San Agustín',
    '2027-02-28',
  );
  const organizations = await page
    .getByRole('article', { name: 'Crear la mesa regional del agua' })
    .getByRole('rowheader')
    .allTextContents();
  expect(organizations.length).toBeGreaterThanOrEqual(4);
  for (const [code, votes] of [
    [water, organizations.map(() => 'A favor')],
    [
      fund,
      organizations.map((_, i) => (i === 0 ? 'En contra' : i === 1 ? 'Abstención' : 'A favor')),
    ],
  ] as const) {
    for (const [i, organization] of organizations.entries()) {
      await page
        .getByRole('combobox', { name: `Voto de ${organization} sobre ${code}` })
        .selectOption({ label: votes[i]! });
    }
    await page.getByRole('button', { name: `Guardar votación de ${code}` }).click();
    await expect(page.getByRole('button', { name: `Guardar votación de ${code}` })).toBeDisabled();
  }
  const waterCard = page.getByRole('article', { name: 'Crear la mesa regional del agua' });
  await expect(waterCard.getByText('Adoptado')).toBeVisible();
  await expect(waterCard).toContainText(`A favor ${organizations.length} · En contra 0`);

  // An action item becomes a card on the council's follow-up board.
  await page
    .getByRole('textbox', { name: `Nueva tarea para ${water}` })
    .fill('Convocar a las juntas de usuarios');
  await page.getByRole('button', { name: 'Agregar tarea' }).first().click();
  await expect(
    waterCard.getByRole('link', { name: 'Convocar a las juntas de usuarios' }),
  ).toBeVisible();
  await expect(waterCard.getByText('Por hacer')).toBeVisible();

  // Approve the minutes: agreements freeze.
  await page.getByRole('button', { name: 'Aprobar el acta' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Acta aprobada por Patricia Salas' }),
  ).toBeVisible();
  await expect(page.getByRole('combobox', { name: new RegExp(`sobre ${water}`) })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/meeting-approved.png`, fullPage: true });

  // Move the card to «Hecho» on the board.
  await waterCard.getByRole('link', { name: 'Convocar a las juntas de usuarios' }).click();
  const panel = page.getByRole('dialog', { name: /Tarjeta/ });
  await panel.getByRole('combobox', { name: 'Columna' }).selectOption({ label: 'Hecho' });
  await expect(panel.getByRole('combobox', { name: 'Columna' })).toHaveValue(/.+/);
  await panel.getByRole('button', { name: 'Cerrar' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Hecho' })
      .getByRole('button', { name: /Convocar a las juntas de usuarios/ }),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/board-hecho.png` });

  // The register follows the board.
  await groupSection(page, DEMO_GROUPS.governance)
    .getByRole('link', { name: 'Registro de acuerdos', exact: true })
    .click();
  const register = page.getByRole('table', { name: 'Registro de acuerdos' });
  const row = register.getByRole('row').filter({ hasText: 'Crear la mesa regional del agua' });
  await expect(row.getByText('Cumplido')).toBeVisible({ timeout: 15_000 });
  await expect(
    register
      .getByRole('row')
      .filter({ hasText: 'Postular al fondo concursable 2027' })
      .getByText('Pendiente'),
  ).toBeVisible();
  await expect(register.getByRole('row').filter({ hasText: 'Vencido' })).toHaveCount(1);

  // Filters: only what is done.
  await page.getByRole('combobox', { name: 'Estado' }).selectOption({ label: 'Cumplido' });
  await expect(register.getByRole('row')).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Estado' }).selectOption({ label: 'Todos' });
  await page.screenshot({ path: `${SHOTS}/register-es.png`, fullPage: true });

  // The cluster's register, in English too.
  await sidebar(page).getByRole('link', { name: 'Registro del clúster' }).click();
  await expect(
    page
      .getByRole('main')
      .getByRole('heading', { level: 1, name: 'Registro de acuerdos del clúster' }),
  ).toBeVisible();
  await page.locator('.language-select select').selectOption('en');
  await expect(
    page.getByRole('main').getByRole('heading', { level: 1, name: 'Cluster agreements register' }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Agreements register' }).getByText('Done').first(),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/register-cluster-en.png`, fullPage: true });
  await page.locator('.language-select select').selectOption('es-419');

  // Export: the spreadsheet downloads.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar XLSX' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});

test('a case reported and linked to an article updates the article’s aggregate', async ({
  browser,
}) => {
  const { page } = await openApp(browser, appUrl(), ROSA);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await groupSection(page, DEMO_GROUPS.knowledge)
    .getByRole('link', { name: 'Base normativa', exact: true })
    .click();
  const catalogue = page.getByRole('table', { name: 'Artículos del D.S. N.º 040-2014-EM' });
  await catalogue.getByRole('link', { name: 'Artículo 12' }).click();
  const sentence = page.getByRole('status').filter({ hasText: 'Art. 12 del D.S. N.º 040-2014-EM' });
  await expect(sentence).toHaveText(
    'Art. 12 del D.S. N.º 040-2014-EM: 3 casos de 3 empresas, 125 días acumulados',
  );
  // One of the three is confidential to another company: counted, not shown.
  await expect(page.getByText('Incluye 1 caso confidencial de otra organización')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Casos de fricción' }).getByRole('row')).toHaveCount(
    3,
  );

  await page.getByRole('main').getByRole('link', { name: 'Base normativa', exact: true }).click();
  await page.getByRole('button', { name: 'Reportar un caso' }).click();
  const form = page.getByRole('form', { name: 'Reportar un caso' });
  await form
    .getByRole('textbox', { name: 'Qué ocurrió' })
    .fill('Opinión técnica regional pedida dos veces');
  await form
    .getByRole('textbox', { name: 'Trámite o procedimiento' })
    .fill('Informe técnico sustentatorio');
  await form.getByRole('spinbutton', { name: 'Días perdidos' }).fill('30');
  await form.getByRole('spinbutton', { name: 'Costo (S/)' }).fill('12000');
  await form.getByRole('checkbox', { name: 'Art. 12 del D.S. N.º 040-2014-EM' }).check();
  await form.getByRole('button', { name: 'Reportar caso' }).click();
  await expect(
    page
      .getByRole('table', { name: 'Casos de fricción' })
      .getByRole('rowheader', { name: /Opinión técnica regional/ }),
  ).toBeVisible();

  await page
    .getByRole('table', { name: 'Artículos del D.S. N.º 040-2014-EM' })
    .getByRole('link', { name: 'Artículo 12' })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Art. 12 del D.S. N.º 040-2014-EM' }),
  ).toHaveText('Art. 12 del D.S. N.º 040-2014-EM: 4 casos de 4 empresas, 155 días acumulados');
  await expect(
    page
      .getByRole('table', { name: 'Casos de fricción' })
      .getByRole('rowheader', { name: /Opinión técnica regional/ }),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/article-aggregate.png`, fullPage: true });

  // An improvement proposal drafted from the article cites it with its aggregate, and waits for sign-off.
  await page.getByRole('button', { name: 'Redactar propuesta de mejora' }).click();
  await expect(page.getByRole('textbox', { name: 'Título del documento' })).toHaveValue(
    'Propuesta de mejora normativa: D.S. N.º 040-2014-EM',
  );
  await expect(page.getByRole('textbox', { name: 'Contenido del documento' })).toContainText(
    '4 casos de 4 organizaciones, 155 días acumulados',
  );
  await groupSection(page, DEMO_GROUPS.knowledge)
    .getByRole('link', { name: 'Base normativa', exact: true })
    .click();
  const proposal = page
    .getByRole('listitem')
    .filter({ hasText: 'Propuesta de mejora normativa: D.S. N.º 040-2014-EM' });
  await expect(proposal.getByText('Sin aprobación pedida')).toBeVisible();
});

test('the mission to Chile: participants, agenda by day, and applying', async ({ browser }) => {
  const { page } = await openApp(browser, appUrl(), JORGE);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await groupSection(page, 'Misiones internacionales')
    .getByRole('link', { name: 'Misiones', exact: true })
    .click();
  await page.getByRole('link', { name: 'Misión de proveedores METS a Chile (Exponor)' }).click();
  await expect(
    page
      .getByRole('main')
      .getByRole('heading', { level: 1, name: 'Misión de proveedores METS a Chile (Exponor)' }),
  ).toBeVisible();
  const participants = page.getByRole('table', { name: 'Empresas participantes' });
  await expect(
    participants
      .getByRole('row')
      .filter({ hasText: 'Servicios Mineros Tacna' })
      .getByText('Confirmada'),
  ).toBeVisible();
  await expect(page.getByText('Ronda de negocios con compradores mineros')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/mission.png`, fullPage: true });
});
