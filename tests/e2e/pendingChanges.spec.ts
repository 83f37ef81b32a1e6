/**
 * The sync panel ("Cambios pendientes", issue 9): opened from the header's sync indicator, it
 * lists every document with changes not yet on the server across groups, by group and title;
 * exports them as a file whose Yjs updates hold the typed text; and marks as "Pendiente —
 * requiere acceso" the ones the server refused after the person lost her write role, while the
 * others reach the server and leave the list.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { fromBase64 } from 'lib0/buffer';
import { API_PATHS } from '../../shared/protocol/api';
import type { UserId } from '../../shared/model/accounts';
import type { GroupId } from '../../shared/model/ids';
import { insertAtEnd, openApp, openDocument, waitUntilStoredLocally } from './support/app';
import { DEMO_GROUPS, PATRICIA, ROSA } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const GOVERNANCE_DOC = 'Lineamientos estratégicos del clúster — borrador';
const KNOWLEDGE_DOC = 'Matriz normativa: relaves y agua';

const servers = serversPerTest({ assets: false });

function openPanel(page: Page) {
  return page
    .getByRole('banner')
    .getByRole('button', { name: 'Cambios pendientes' })
    .click()
    .then(() => page.getByRole('dialog', { name: 'Cambios pendientes' }));
}

/** The text of every string item in a Yjs update. */
function textsIn(update: Uint8Array): string {
  return Y.decodeUpdate(update)
    .structs.map((struct) =>
      struct instanceof Y.Item && struct.content instanceof Y.ContentString
        ? struct.content.str
        : '',
    )
    .join('');
}

test('the panel lists pending changes across groups, exports them, and marks refused ones', async ({
  browser,
}) => {
  const rosa = await openApp(browser, servers.appUrl(), ROSA);
  // The indicator, and its button, appear once a room is open.
  await openDocument(rosa.page, GOVERNANCE_DOC);
  let panel = await openPanel(rosa.page);
  await expect(panel).toContainText('Todo está guardado en el servidor.');
  await expect(panel.getByRole('button', { name: 'Exportar cambios' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Cerrar' }).click();

  await rosa.context.setOffline(true);
  await insertAtEnd(rosa.editor, 'Acuerdo de gobernanza sin conexión.');
  await waitUntilStoredLocally(rosa.page, 'Acuerdo de gobernanza sin conexión.');
  await openDocument(rosa.page, KNOWLEDGE_DOC);
  await insertAtEnd(rosa.editor, 'Nota normativa sin conexión.');
  await waitUntilStoredLocally(rosa.page, 'Nota normativa sin conexión.');

  panel = await openPanel(rosa.page);
  const governance = panel.getByRole('region', { name: DEMO_GROUPS.governance });
  const knowledge = panel.getByRole('region', { name: DEMO_GROUPS.knowledge });
  await expect(governance.getByRole('link', { name: GOVERNANCE_DOC })).toBeVisible();
  await expect(knowledge.getByRole('link', { name: KNOWLEDGE_DOC })).toBeVisible();
  await expect(governance.getByRole('listitem')).toContainText(/\d+ cambios?Pendiente$/);
  await expect(knowledge.getByRole('listitem')).toContainText(/\d+ cambios?Pendiente$/);
  await rosa.page.screenshot({ path: '.scratch/pending-panel-offline.png' });

  const download = rosa.page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Exportar cambios' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Cambios pendientes de Minka \d{4}-\d\d-\d\d\.json$/);
  await expect(panel.getByRole('status')).toContainText('Se guardó «Cambios pendientes de Minka');
  const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as {
    format: string;
    rooms: { group: string; title: string; kind: string; refused: boolean; update: string }[];
  };
  expect(exported.format).toBe('minka-pending-changes');
  const byTitle = new Map(exported.rooms.map((room) => [room.title, room]));
  expect(byTitle.get(GOVERNANCE_DOC)).toMatchObject({
    group: DEMO_GROUPS.governance,
    kind: 'doc',
    refused: false,
  });
  expect(textsIn(fromBase64(byTitle.get(GOVERNANCE_DOC)!.update))).toContain(
    'Acuerdo de gobernanza sin conexión.',
  );
  expect(textsIn(fromBase64(byTitle.get(KNOWLEDGE_DOC)!.update))).toContain(
    'Nota normativa sin conexión.',
  );
  await panel.getByRole('button', { name: 'Cerrar' }).click();

  // Rosa loses her write role in the governance group before she reconnects.
  const lead = await servers.api<{ token: string }>(API_PATHS.login, {
    method: 'POST',
    body: JSON.stringify({ email: PATRICIA.email, password: PATRICIA.password }),
  });
  const { user } = await servers.api<{ user: { id: UserId } }>(API_PATHS.login, {
    method: 'POST',
    body: JSON.stringify({ email: ROSA.email, password: ROSA.password }),
  });
  const workspace = await servers.api<{ groups: { id: GroupId; name: string }[] }>(
    API_PATHS.workspace,
    {
      token: lead.token,
    },
  );
  const group = workspace.groups.find((g) => g.name === DEMO_GROUPS.governance)!;
  await servers.api(API_PATHS.member(group.id, user.id), {
    method: 'PATCH',
    token: lead.token,
    body: JSON.stringify({ role: 'viewer' }),
  });
  await rosa.context.setOffline(false);

  panel = await openPanel(rosa.page);
  await expect(governance.getByRole('listitem')).toContainText('Pendiente — requiere acceso', {
    timeout: 15_000,
  });
  // The other group's note reached the server and left the list.
  await expect(knowledge).toHaveCount(0, { timeout: 15_000 });
  await rosa.page.screenshot({ path: '.scratch/pending-panel-refused.png' });
});
