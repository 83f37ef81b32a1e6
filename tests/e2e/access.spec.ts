/**
 * Who sees what (issue 3): an invited university researcher follows a group live but cannot
 * type; a private group does not exist for someone outside it, not even through a link; and a
 * listed group opens to whoever asks once a lead approves. Sessions end without losing work: a
 * revoked session keeps every local edit and syncs it after signing in again, and signing out
 * with changes only on this computer asks first and keeps them. Real server, real sign-ins,
 * demo accounts from the seed.
 */
import { expect, test, type Page } from '@playwright/test';
import { API_PATHS } from '../../shared/protocol/api';
import {
  docStatus,
  documentText,
  editorOf,
  insertAtEnd,
  openApp,
  openDocument,
  sidebar,
  signIn,
  typeAtEnd,
  waitUntilStoredLocally,
} from './support/app';
import { ADMIN, ANA, CARLOS, DEMO_GROUPS, JORGE, PATRICIA, ROSA } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const GOVERNANCE_DOC = 'Lineamientos estratégicos del clúster — borrador';
const PRIVATE_DOC = 'Matriz normativa: relaves y agua';

const servers = serversPerTest({ assets: false });

async function openMembers(page: Page, group: string): Promise<void> {
  await sidebar(page)
    .getByRole('link', { name: `Miembros de ${group}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Miembros de ${group}` })).toBeVisible();
}

test('an admin invites a university researcher as viewer: she follows the group live and cannot type', async ({
  browser,
}) => {
  const admin = await openApp(browser, servers.appUrl(), ADMIN);
  await openMembers(admin.page, DEMO_GROUPS.governance);
  const invite = admin.page.getByRole('region', { name: 'Invitar a una persona' });
  await invite
    .getByRole('textbox', { name: 'Correo electrónico de la persona' })
    .fill('valeria.ccama@unsa.demo');
  await invite
    .getByRole('combobox', { name: 'Su organización' })
    .selectOption({ label: 'Universidad Nacional de San Agustín (Academia)' });
  await invite
    .getByRole('combobox', { name: 'Rol en el grupo' })
    .selectOption({ label: 'Lector/a' });
  await invite.getByRole('button', { name: 'Crear invitación' }).click();
  const link = await invite.getByRole('textbox', { name: 'Enlace de invitación' }).inputValue();
  expect(link).toMatch(/#\/invitacion\/[A-Za-z0-9_-]+$/);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  const accept = page.getByRole('main', { name: 'Aceptar una invitación' });
  await expect(accept).toContainText(`al grupo «${DEMO_GROUPS.governance}» como Lector/a`);
  await accept.getByRole('textbox', { name: 'Su nombre' }).fill('Valeria Ccama');
  await accept.getByLabel('Elija una contraseña').fill('relaves-y-agua-2026');
  await accept.getByRole('button', { name: 'Aceptar e ingresar' }).click();

  const group = sidebar(page).getByRole('region', { name: DEMO_GROUPS.governance });
  await expect(group).toContainText('Lector/a');
  await expect(group.getByRole('button', { name: /^Nuevo documento/ })).toHaveCount(0);
  await openDocument(page, GOVERNANCE_DOC);
  await expect(page.getByRole('note', { name: 'Solo lectura' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Formato' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Título del documento' })).toHaveAttribute(
    'readonly',
    '',
  );
  const editor = editorOf(page);
  await expect(editor).toHaveAttribute('contenteditable', 'false');

  await openDocument(admin.page, GOVERNANCE_DOC);
  await typeAtEnd(admin.editor, 'Acuerdo: la UNSA recibe las actas del comité.');
  await expect(editor).toContainText('Acuerdo: la UNSA recibe las actas del comité.', {
    timeout: 5_000,
  });

  const before = await documentText(page);
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('texto que no debe entrar');
  await page.keyboard.press('Enter');
  expect(await documentText(page)).toBe(before);
  await typeAtEnd(admin.editor, 'Segundo acuerdo.');
  await expect(editor).toContainText('Segundo acuerdo.');
  await expect(admin.editor).not.toContainText('texto que no debe entrar');
});

test('a private group does not exist for someone outside it: not in the sidebar, the directory, nor through a link', async ({
  browser,
}) => {
  const carlos = await openApp(browser, servers.appUrl(), CARLOS);
  await openDocument(carlos.page, PRIVATE_DOC);
  const privateDocLink = carlos.page.url();
  await openMembers(carlos.page, DEMO_GROUPS.knowledge);
  const privateMembersLink = carlos.page.url();

  const jorge = await openApp(browser, servers.appUrl(), JORGE);
  const everything = jorge.page.locator('body');
  await expect(
    sidebar(jorge.page).getByRole('region', { name: DEMO_GROUPS.innovation }),
  ).toBeVisible();
  await expect(everything).not.toContainText(DEMO_GROUPS.knowledge);

  await sidebar(jorge.page).getByRole('link', { name: 'Directorio de grupos' }).click();
  const directory = jorge.page.getByRole('list', { name: 'Grupos del directorio' });
  await expect(directory.getByRole('heading', { name: DEMO_GROUPS.governance })).toBeVisible();
  await expect(directory.getByRole('heading')).toHaveCount(3);
  await expect(everything).not.toContainText(DEMO_GROUPS.knowledge);

  for (const link of [privateDocLink, privateMembersLink]) {
    await jorge.page.goto(link);
    await expect(jorge.page.getByRole('heading', { level: 1, name: 'Sin acceso' })).toBeVisible();
    await expect(everything).not.toContainText(DEMO_GROUPS.knowledge);
    await expect(everything).not.toContainText(PRIVATE_DOC);
  }
  await jorge.page.reload();
  await expect(jorge.page.getByRole('heading', { level: 1, name: 'Sin acceso' })).toBeVisible();
  await expect(everything).not.toContainText(PRIVATE_DOC);
});

test('someone asks to join a listed group and sees its documents once a lead approves', async ({
  browser,
}) => {
  const jorge = await openApp(browser, servers.appUrl(), JORGE);
  await expect(sidebar(jorge.page)).not.toContainText(DEMO_GROUPS.governance);
  await sidebar(jorge.page).getByRole('link', { name: 'Directorio de grupos' }).click();
  await jorge.page
    .getByRole('button', { name: `Solicitar acceso a ${DEMO_GROUPS.governance}` })
    .click();
  await expect(jorge.page.getByText('Solicitud enviada')).toBeVisible();

  const patricia = await openApp(browser, servers.appUrl(), PATRICIA);
  await openMembers(patricia.page, DEMO_GROUPS.governance);
  const requests = patricia.page.getByRole('region', { name: 'Solicitudes de acceso' });
  await requests
    .getByRole('combobox', { name: `Rol para ${JORGE.name}` })
    .selectOption({ label: 'Editor/a' });
  await requests.getByRole('button', { name: `Aprobar la solicitud de ${JORGE.name}` }).click();
  await expect(requests).toContainText('No hay solicitudes pendientes.');
  const members = patricia.page.getByRole('table', {
    name: `Miembros de ${DEMO_GROUPS.governance}`,
  });
  await expect(members.getByRole('combobox', { name: `Rol de ${JORGE.name}` })).toHaveValue(
    'editor',
  );

  const group = sidebar(jorge.page).getByRole('region', { name: DEMO_GROUPS.governance });
  await expect(group.getByRole('link', { name: GOVERNANCE_DOC })).toBeVisible({ timeout: 20_000 });
  await expect(group).toContainText('Editor/a');
  await openDocument(jorge.page, GOVERNANCE_DOC);
  await expect(jorge.editor).toContainText('Lineamientos');
  await typeAtEnd(jorge.editor, 'Aporte de Servicios Mineros Tacna.');
  await openDocument(patricia.page, GOVERNANCE_DOC);
  await expect(patricia.editor).toContainText('Aporte de Servicios Mineros Tacna.');
});

/** Signs the person out everywhere from another device (what an admin disabling a session does too). */
async function revokeAllSessions(email: string, password: string): Promise<void> {
  const login = await fetch(new URL(API_PATHS.login, servers.sync.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { token } = (await login.json()) as { token: string };
  const revoked = await fetch(new URL(API_PATHS.logoutEverywhere, servers.sync.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(revoked.status).toBe(204);
}

test('a session revoked while typing keeps the edits and syncs them after signing in again', async ({
  browser,
}) => {
  const rosa = await openApp(browser, servers.appUrl(), ROSA);
  const ana = await openApp(browser, servers.appUrl(), ANA);
  await openDocument(rosa.page, GOVERNANCE_DOC);
  await openDocument(ana.page, GOVERNANCE_DOC);
  await expect(docStatus(rosa.page)).toHaveText('Guardado en el servidor');

  await revokeAllSessions(ROSA.email, ROSA.password);
  const dialog = rosa.page.getByRole('dialog', {
    name: 'Su sesión expiró: vuelva a iniciar sesión',
  });
  await expect(dialog).toBeVisible();
  await dialog.press('Escape');
  await expect(rosa.page.getByRole('alert').filter({ hasText: 'Su sesión expiró' })).toBeVisible();

  await insertAtEnd(rosa.editor, 'Escrito con la sesión vencida.');
  await expect(rosa.editor).toContainText('Escrito con la sesión vencida.');
  await waitUntilStoredLocally(rosa.page, 'Escrito con la sesión vencida.');
  await expect(docStatus(rosa.page)).toHaveText(
    /^Sin conexión — \d+ cambios? guardados? en este equipo$/,
  );
  // After a reload the stored token is refused: the sign-in screen says why; the data stays.
  await rosa.page.reload();
  const signInScreen = rosa.page.getByRole('main', { name: 'Iniciar sesión en Minka' });
  await expect(signInScreen.getByRole('status')).toContainText(
    'Su sesión expiró: vuelva a iniciar sesión.',
  );
  await expect(signInScreen.getByRole('textbox', { name: 'Correo electrónico' })).toHaveValue(
    ROSA.email,
  );
  await signIn(rosa.page, ROSA);
  await openDocument(rosa.page, GOVERNANCE_DOC);
  await expect(editorOf(rosa.page)).toContainText('Escrito con la sesión vencida.');
  await expect(docStatus(rosa.page)).toHaveText('Guardado en el servidor', { timeout: 15_000 });
  await expect(ana.editor).toContainText('Escrito con la sesión vencida.');
});

test('signing in again in the expiry dialog resumes syncing without a reload', async ({
  browser,
}) => {
  const rosa = await openApp(browser, servers.appUrl(), ROSA);
  await openDocument(rosa.page, GOVERNANCE_DOC);
  await expect(docStatus(rosa.page)).toHaveText('Guardado en el servidor');
  await revokeAllSessions(ROSA.email, ROSA.password);
  const dialog = rosa.page.getByRole('dialog', {
    name: 'Su sesión expiró: vuelva a iniciar sesión',
  });
  await expect(dialog).toBeVisible();
  await dialog.press('Escape');
  await typeAtEnd(rosa.editor, 'Antes de volver a entrar.');
  await rosa.page.getByRole('button', { name: 'Iniciar sesión de nuevo' }).click();
  await dialog.getByLabel('Contraseña').fill(ROSA.password);
  await dialog.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(dialog).toBeHidden();
  await expect(rosa.page.getByRole('alert').filter({ hasText: 'Su sesión expiró' })).toHaveCount(0);
  await expect(docStatus(rosa.page)).toHaveText('Guardado en el servidor', { timeout: 15_000 });

  const ana = await openApp(browser, servers.appUrl(), ANA);
  await openDocument(ana.page, GOVERNANCE_DOC);
  await expect(ana.editor).toContainText('Antes de volver a entrar.');
});

test('signing out with changes only on this computer asks first and keeps them for the next sign-in', async ({
  browser,
}) => {
  const ana = await openApp(browser, servers.appUrl(), ANA);
  await openDocument(ana.page, GOVERNANCE_DOC);
  await expect(docStatus(ana.page)).toHaveText('Guardado en el servidor');
  await ana.context.setOffline(true);
  await typeAtEnd(ana.editor, 'Pendiente al cerrar sesión.');
  await expect(docStatus(ana.page)).toHaveText(
    /^Sin conexión — \d+ cambios? guardados? en este equipo$/,
  );

  await ana.page.getByRole('button', { name: `Cuenta de ${ANA.name}` }).click();
  await ana.page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
  const guard = ana.page.getByRole('alertdialog', {
    name: 'Hay cambios que aún no llegan al servidor',
  });
  await expect(guard).toContainText(/\d+ cambios? (está|están) guardados? solo en este equipo/);
  await guard
    .getByRole('button', { name: 'Cerrar sesión y conservar los cambios en este equipo' })
    .click();
  await expect(ana.page.getByRole('main', { name: 'Iniciar sesión en Minka' })).toBeVisible();

  await ana.context.setOffline(false);
  await signIn(ana.page, ANA);
  await openDocument(ana.page, GOVERNANCE_DOC);
  await expect(ana.editor).toContainText('Pendiente al cerrar sesión.');
  await expect(docStatus(ana.page)).toHaveText('Guardado en el servidor', { timeout: 15_000 });

  const rosa = await openApp(browser, servers.appUrl(), ROSA);
  await openDocument(rosa.page, GOVERNANCE_DOC);
  await expect(rosa.editor).toContainText('Pendiente al cerrar sesión.');
  await expect(sidebar(rosa.page)).toBeVisible();
});
