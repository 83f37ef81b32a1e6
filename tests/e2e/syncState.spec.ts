/**
 * A sync state people can trust (issue 9): an editor who types offline and is made a viewer
 * before she reconnects sees her changes as "Pendiente — requiere acceso", in the document and in
 * the header alike, instead of "Sincronizando…" forever; they stay on her computer and reach the
 * server as soon as her role allows writing again.
 */
import { expect, test } from '@playwright/test';
import { API_PATHS } from '../../shared/protocol/api';
import type { UserId } from '../../shared/model/accounts';
import type { GroupId } from '../../shared/model/ids';
import { insertAtEnd, openApp, openDocument, waitUntilStoredLocally } from './support/app';
import { DEMO_GROUPS, PATRICIA, ROSA } from './support/demoAccounts';
import { serversPerTest } from './support/servers';

const GOVERNANCE_DOC = 'Lineamientos estratégicos del clúster — borrador';

const servers = serversPerTest({ assets: false });

async function loginAs(email: string, password: string) {
  return servers.api<{ token: string; user: { id: UserId } }>(API_PATHS.login, {
    method: 'POST',
    body: JSON.stringify({ email, password }),
  });
}

test('changes refused for a lost write role wait as "requiere acceso", then sync when it returns', async ({
  browser,
}) => {
  const rosa = await openApp(browser, servers.appUrl(), ROSA);
  await openDocument(rosa.page, GOVERNANCE_DOC);
  const main = rosa.page.getByRole('main');
  await expect(
    main.getByRole('status').filter({ hasText: 'Guardado en el servidor' }),
  ).toBeVisible();

  await rosa.context.setOffline(true);
  await insertAtEnd(rosa.editor, 'Propuesta escrita sin conexión.');
  await waitUntilStoredLocally(rosa.page, 'Propuesta escrita sin conexión.');

  const lead = await loginAs(PATRICIA.email, PATRICIA.password);
  const { user } = await loginAs(ROSA.email, ROSA.password);
  const workspace = await servers.api<{ groups: { id: GroupId; name: string }[] }>(
    API_PATHS.workspace,
    {
      token: lead.token,
    },
  );
  const group = workspace.groups.find((g) => g.name === DEMO_GROUPS.governance)!;
  const setRole = (role: string) =>
    servers.api(API_PATHS.member(group.id, user.id), {
      method: 'PATCH',
      token: lead.token,
      body: JSON.stringify({ role }),
    });
  await setRole('viewer');

  await rosa.context.setOffline(false);
  const refused = /^Pendiente — requiere acceso: \d+ cambios? solo en este equipo$/;
  await expect(main.getByRole('status').filter({ hasText: refused })).toBeVisible({
    timeout: 15_000,
  });
  await expect(
    rosa.page.getByRole('status').filter({ hasText: refused }),
    'the header says the same as the document',
  ).toHaveCount(2);
  await rosa.page.screenshot({ path: '.scratch/sync-refused.png' });

  await setRole('editor');
  await expect(main.getByRole('status').filter({ hasText: 'Guardado en el servidor' })).toBeVisible(
    { timeout: 15_000 },
  );
  await rosa.page.screenshot({ path: '.scratch/sync-restored.png' });
});
