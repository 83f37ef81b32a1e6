/**
 * The open-innovation program end to end (issue 14), one person per role, each in their own
 * browser profile: a mining company member files a challenge; the program lead publishes it and
 * opens a call; a university member starts a proposal with a METS supplier as partner and both
 * write it in their private space; the supplier submits it; the lead closes reception and assigns
 * two evaluators, who read the frozen proposal and score it blind; the lead closes the
 * evaluation, reads the ranking and moves the proposal into the portfolio, which exports as XLSX.
 * Real server (demo seed), real Chromium. Screenshots of every step go to /tmp/shots/i14-innovation.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { docStatus, editorOf, insertAtEnd, openApp, sidebar } from './support/app';
import { GABRIELA, JORGE, LUCIA, RAUL, SOFIA, VICTOR, type Person } from './support/demoAccounts';
import { removeDir, startSyncServer, type SyncServerProcess } from './support/servers';

const SHOTS = process.env.MINKA_SHOTS ?? '/tmp/shots/i14-innovation';
const CHALLENGE = 'Control de polvo en el chancado primario';
const CALL = 'Convocatoria 2026-II: polvo y emisiones';
const PROPOSAL = 'Nebulización con agua recirculada y sensores PM10';
const UNIVERSITY_TEXT = 'La UNSA calibrará los sensores PM10 en su laboratorio.';
const SUPPLIER_TEXT = 'Servicios Mineros Tacna instalará 12 boquillas de nebulización.';

let sync: SyncServerProcess;

test.beforeEach(async () => {
  sync = await startSyncServer();
  mkdirSync(SHOTS, { recursive: true });
});

test.afterEach(async () => {
  await sync.kill().catch(() => undefined);
  removeDir(sync.dataDir);
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

async function as(browser: Parameters<typeof openApp>[0], person: Person) {
  const opened = await openApp(browser, `${sync.url}/`, person);
  await sidebar(opened.page)
    .getByRole('link', { name: 'Programa de innovación', exact: true })
    .click();
  await expect(
    opened.page.getByRole('heading', { level: 1, name: 'Programa de innovación abierta 2026' }),
  ).toBeVisible();
  return opened;
}

const section = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Secciones del programa' })
    .getByRole('link', { name })
    .click();

async function pickCall(page: Page) {
  const picker = page.getByRole('combobox', { name: 'Convocatoria', exact: true });
  const option = picker.locator('option', { hasText: CALL });
  await expect(option).toHaveCount(1);
  await picker.selectOption((await option.getAttribute('value'))!);
}

async function score(page: Page, values: number[], why: string) {
  await section(page, 'Evaluación');
  await pickCall(page);
  const card = page.getByRole('article', { name: PROPOSAL });
  await card.getByRole('button', { name: 'Leer la propuesta enviada' }).click();
  const frozen = card.getByLabel('Propuesta enviada');
  await expect(frozen).toContainText(UNIVERSITY_TEXT);
  await expect(frozen).toContainText(SUPPLIER_TEXT);
  const sheet = card.getByRole('form', { name: `Calificación de «${PROPOSAL}»` });
  const criteria = ['Pertinencia', 'Viabilidad técnica', 'Equipo', 'Impacto'];
  for (const [index, criterion] of criteria.entries()) {
    await sheet
      .getByRole('spinbutton', { name: new RegExp(`^${criterion} \\(peso`) })
      .fill(String(values[index]));
    await sheet
      .getByRole('textbox', { name: `Justificación de ${criterion}` })
      .fill(`${why} (${criterion}).`);
  }
  await sheet.getByRole('button', { name: 'Guardar calificación' }).click();
  await expect(card.getByText('Calificada')).toBeVisible();
}

test('a challenge becomes a call, a co-written proposal, a blind evaluation and a portfolio project', async ({
  browser,
}) => {
  // Six people in six browser profiles, one after another, on a loaded machine.
  test.setTimeout(600_000);

  // 1. The mining company files a challenge.
  const mining = await as(browser, RAUL);
  await mining.page.getByRole('button', { name: 'Registrar desafío' }).click();
  const form = mining.page.getByRole('form', { name: 'Nuevo desafío operacional' });
  await form.getByRole('textbox', { name: 'Título del desafío' }).fill(CHALLENGE);
  await form
    .getByRole('textbox', { name: 'Operación y unidad' })
    .fill('Chancadora primaria, Tajo Pucará Norte');
  await form.getByRole('combobox', { name: 'Área' }).selectOption({ label: 'Seguridad y salud' });
  await form
    .getByRole('textbox', { name: 'Problema' })
    .fill('El polvo del chancado supera 5 mg/m³ en la descarga de camiones en época seca.');
  await form
    .getByRole('textbox', { name: 'Impacto esperado' })
    .fill('Bajar el polvo respirable bajo el límite legal.');
  await form
    .getByRole('textbox', { name: 'Datos y acceso al sitio ofrecidos' })
    .fill('Mediciones de PM10 de 2025 y visita a la chancadora.');
  await shot(mining.page, '01-empresa-minera-formulario-desafio');
  await form.getByRole('button', { name: 'Registrar desafío' }).click();
  const filed = mining.page.getByRole('article', { name: CHALLENGE });
  await expect(filed.getByText('Por revisar')).toBeVisible();
  await shot(mining.page, '02-empresa-minera-desafio-registrado');
  await mining.context.close();

  // 2. The program lead publishes it and opens a call with it.
  const lead = await as(browser, GABRIELA);
  const toPublish = lead.page.getByRole('article', { name: CHALLENGE });
  await toPublish.getByRole('button', { name: 'Publicar' }).click();
  await expect(toPublish.getByText('Publicado')).toBeVisible();
  await shot(lead.page, '03-coordinacion-desafio-publicado');
  await section(lead.page, 'Convocatorias');
  await lead.page.getByRole('button', { name: 'Abrir convocatoria' }).click();
  const callForm = lead.page.getByRole('form', { name: 'Nueva convocatoria' });
  await callForm.getByRole('textbox', { name: 'Título' }).fill(CALL);
  await callForm.getByRole('checkbox', { name: new RegExp(CHALLENGE) }).check();
  await shot(lead.page, '04-coordinacion-formulario-convocatoria');
  await callForm.getByRole('button', { name: 'Abrir convocatoria' }).click();
  const callCard = lead.page.getByRole('article', { name: CALL });
  await expect(callCard.getByText('Abierta', { exact: true })).toBeVisible();
  await expect(callCard).toContainText(
    'Pertinencia 30 · Viabilidad técnica 25 · Equipo 20 · Impacto 25',
  );
  await shot(lead.page, '05-coordinacion-convocatoria-abierta');
  await lead.context.close();

  // 3. A university member starts the proposal with a METS supplier and writes it.
  const university = await as(browser, LUCIA);
  await section(university.page, 'Propuestas');
  await pickCall(university.page);
  await university.page.getByRole('button', { name: 'Nueva propuesta' }).click();
  const proposalForm = university.page.getByRole('form', { name: 'Nueva propuesta' });
  await proposalForm.getByRole('textbox', { name: 'Título de la propuesta' }).fill(PROPOSAL);
  await proposalForm
    .getByRole('textbox', { name: /Correos de las personas del consorcio/ })
    .fill(JORGE.email);
  await proposalForm.getByRole('button', { name: 'Crear propuesta' }).click();
  const draft = university.page.getByRole('article', { name: PROPOSAL });
  await expect(draft.getByText('Borrador')).toBeVisible();
  await expect(draft).toContainText('Servicios Mineros Tacna');
  await shot(university.page, '06-universidad-propuesta-borrador');
  await draft.getByRole('link', { name: 'Abrir documento (espacio privado)' }).click();
  await insertAtEnd(editorOf(university.page), UNIVERSITY_TEXT);
  await expect(docStatus(university.page)).toHaveText('Guardado en el servidor', {
    timeout: 30_000,
  });
  await shot(university.page, '07-universidad-redacta-en-espacio-privado');
  await university.context.close();

  // 4. The supplier adds their part and submits: the version is frozen.
  const supplier = await as(browser, JORGE);
  await section(supplier.page, 'Propuestas');
  await pickCall(supplier.page);
  await supplier.page
    .getByRole('article', { name: PROPOSAL })
    .getByRole('link', { name: 'Abrir documento (espacio privado)' })
    .click();
  await expect(editorOf(supplier.page)).toContainText(UNIVERSITY_TEXT, { timeout: 30_000 });
  await insertAtEnd(editorOf(supplier.page), SUPPLIER_TEXT);
  await expect(docStatus(supplier.page)).toHaveText('Guardado en el servidor', { timeout: 30_000 });
  await sidebar(supplier.page)
    .getByRole('link', { name: 'Programa de innovación', exact: true })
    .click();
  await section(supplier.page, 'Propuestas');
  await pickCall(supplier.page);
  const toSubmit = supplier.page.getByRole('article', { name: PROPOSAL });
  await toSubmit.getByRole('button', { name: 'Enviar propuesta' }).click();
  await expect(toSubmit.getByText('Enviada', { exact: true })).toBeVisible();
  await expect(toSubmit).toContainText(/Huella [0-9a-f]{12}…/);
  await shot(supplier.page, '08-proveedor-propuesta-enviada');
  await supplier.context.close();

  // 5. The lead closes reception and assigns two evaluators.
  const lead2 = await as(browser, GABRIELA);
  await section(lead2.page, 'Convocatorias');
  await lead2.page
    .getByRole('article', { name: CALL })
    .getByRole('button', { name: 'Cerrar la recepción ahora' })
    .click();
  await expect(
    lead2.page.getByRole('article', { name: CALL }).getByText('En evaluación'),
  ).toBeVisible();
  await section(lead2.page, 'Evaluación');
  await pickCall(lead2.page);
  for (const evaluator of [VICTOR, SOFIA]) {
    await lead2.page
      .getByRole('textbox', { name: 'Correo de la persona evaluadora' })
      .fill(evaluator.email);
    await lead2.page.getByRole('button', { name: 'Asignar' }).click();
    await expect(
      lead2.page.getByText(`${evaluator.name} — ${evaluator.organization}`),
    ).toBeVisible();
  }
  await expect(lead2.page.getByRole('row', { name: new RegExp(PROPOSAL) })).toContainText('0 de 2');
  await shot(lead2.page, '09-coordinacion-evaluadores-asignados');
  await lead2.context.close();

  // 6. Two evaluators read the frozen proposal and score it, blind.
  const first = await as(browser, VICTOR);
  await score(first.page, [9, 8, 7, 9], 'Resuelve el problema con datos de campo');
  await shot(first.page, '10-evaluador-1-califica');
  await first.context.close();
  const second = await as(browser, SOFIA);
  await section(second.page, 'Evaluación');
  await pickCall(second.page);
  // Víctor's scores are not in anything Sofía sees before closing.
  await expect(second.page.getByText('Resuelve el problema con datos de campo')).toHaveCount(0);
  await score(second.page, [6, 7, 6, 7], 'Viable pero con un equipo aún pequeño');
  await shot(second.page, '11-evaluadora-2-califica');
  await second.context.close();

  // 7. The lead closes the evaluation, reads the ranking and moves the proposal to the portfolio.
  const lead3 = await as(browser, GABRIELA);
  await section(lead3.page, 'Evaluación');
  await pickCall(lead3.page);
  await expect(lead3.page.getByRole('row', { name: new RegExp(PROPOSAL) })).toContainText('2 de 2');
  await lead3.page.getByRole('button', { name: 'Cerrar la evaluación' }).click();
  const results = lead3.page.getByRole('region', { name: 'Resultados y ranking' });
  // Víctor 8.35, Sofía (6·30+7·25+6·20+7·25)/100 = 6.50 → 7.43 (1485/200), spread 1.85 (es-419 writes a decimal point).
  const row = results.getByRole('row', { name: new RegExp(PROPOSAL) });
  await expect(row).toContainText('7.43');
  await expect(row).toContainText('1.85');
  await shot(lead3.page, '12-coordinacion-ranking');
  await row.getByRole('button', { name: 'Pasar al portafolio' }).click();
  const projectForm = lead3.page.getByRole('form', { name: `Pasar «${PROPOSAL}» al portafolio` });
  await projectForm.getByRole('spinbutton', { name: 'Presupuesto (S/)' }).fill('320000');
  await projectForm
    .getByRole('textbox', { name: 'Indicador' })
    .fill('Polvo respirable en la descarga');
  await projectForm.getByRole('textbox', { name: 'Unidad' }).fill('mg/m³');
  await projectForm.getByRole('spinbutton', { name: 'Meta' }).fill('3');
  await projectForm
    .getByRole('textbox', { name: 'Primer hito' })
    .fill('Boquillas instaladas en la descarga');
  await shot(lead3.page, '13-coordinacion-formulario-proyecto');
  await projectForm.getByRole('button', { name: 'Crear proyecto' }).click();
  await expect(lead3.page.getByRole('heading', { name: 'Portafolio de proyectos' })).toBeVisible();
  const project = lead3.page.getByRole('article', { name: PROPOSAL });
  await expect(project.locator('header').getByText('Piloto', { exact: true })).toBeVisible();
  await expect(project.getByRole('combobox', { name: 'Estado' })).toHaveValue('piloto');
  await expect(project).toContainText('Minera Pucará del Sur (demo)');
  await shot(lead3.page, '14-coordinacion-portafolio');

  // The portfolio filters on the server, and exports as XLSX.
  const filters = lead3.page.getByRole('group', { name: 'Filtros del portafolio' });
  await filters.getByRole('combobox', { name: 'Estado' }).selectOption({ label: 'Cerrado' });
  await expect(lead3.page.getByRole('article', { name: PROPOSAL })).toHaveCount(0);
  await filters.getByRole('combobox', { name: 'Estado' }).selectOption({ label: 'Todos' });
  await expect(lead3.page.getByRole('article', { name: PROPOSAL })).toBeVisible();
  const [download] = await Promise.all([
    lead3.page.waitForEvent('download'),
    lead3.page.getByRole('button', { name: 'Exportar XLSX' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
  expect(strings).toContain(PROPOSAL);
  expect(strings).toContain('Espesador de pasta con recirculación de agua');

  // The milestone is a card on the project's board.
  await project.getByRole('link', { name: 'Hitos del proyecto' }).click();
  await expect(lead3.page.getByText('Boquillas instaladas en la descarga')).toBeVisible({
    timeout: 30_000,
  });
  await shot(lead3.page, '15-coordinacion-tablero-de-hitos');

  // English second: the same portfolio, translated.
  await lead3.page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await lead3.page.getByRole('link', { name: 'Innovation program', exact: true }).click();
  await lead3.page
    .getByRole('navigation', { name: 'Program sections' })
    .getByRole('link', { name: 'Portfolio' })
    .click();
  await expect(lead3.page.getByRole('heading', { name: 'Project portfolio' })).toBeVisible();
  await expect(
    lead3.page.getByRole('article', { name: PROPOSAL }).locator('header').getByText('Pilot'),
  ).toBeVisible();
  await shot(lead3.page, '16-coordinacion-portafolio-en-ingles');
  await lead3.context.close();
});
