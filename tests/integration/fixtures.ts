/**
 * People, organizations and groups written straight into a test server's database through a
 * second AccountStore connection (as a second process would), so a test sets up its cast in
 * milliseconds without a round of HTTP calls. Sessions made here are real: the server accepts
 * their tokens exactly like those of a login.
 */
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type {
  GroupRole,
  GroupVisibility,
  OrganizationKind,
  User,
} from '../../shared/model/accounts';
import type { GroupId } from '../../shared/model/ids';
import { AccountStore } from '../../sync-server/accounts/accountStore';
import { PostgresSql } from '../../sync-server/db/postgresSql';
import { hashPassword } from '../../sync-server/accounts/passwords';
import { DATABASE_FILE } from '../../sync-server/server';
import { postgresOf } from './backend';

export const TEST_PASSWORD = 'contraseña-de-prueba';
let testHash: Promise<string> | null = null;

export function openAccounts(dataDir: string, now: () => number = () => Date.now()): AccountStore {
  const postgresUrl = postgresOf.get(dataDir);
  let store: AccountStore;
  if (postgresUrl !== undefined) {
    // Already migrated by the test's server; a second pool, as a second process would have.
    const sql = new PostgresSql(postgresUrl, { max: 2 });
    store = new AccountStore(sql, now, () => sql.close());
  } else store = AccountStore.openSqlite(join(dataDir, DATABASE_FILE), now);
  onTestFinished(() => store.close());
  return store;
}

export async function ensureGroup(
  store: AccountStore,
  id: string,
  visibility: GroupVisibility,
  name = `Grupo ${id.slice(0, 4)}`,
): Promise<void> {
  if ((await store.groups.workspace()) === null)
    await store.groups.createWorkspace('Clúster de prueba');
  if ((await store.groups.get(id)) === null) {
    await store.groups.create({
      id: id as GroupId,
      name,
      purpose: `Propósito de ${name}`,
      visibility,
    });
  }
}

export interface Person {
  user: User;
  token: string;
  email: string;
  password: string;
}

export async function addPerson(
  store: AccountStore,
  input: {
    name: string;
    email: string;
    groups?: Record<string, GroupRole>;
    admin?: boolean;
    organization?: { name: string; kind: OrganizationKind };
  },
): Promise<Person> {
  const organizationInput = input.organization ?? {
    name: 'Universidad de Prueba',
    kind: 'academia' as const,
  };
  const organization =
    (await store.organizations.byName(organizationInput.name)) ??
    (await store.organizations.create(organizationInput.name, organizationInput.kind));
  let user = (await store.users.withPassword(input.email))?.user ?? null;
  if (user === null) {
    user = await store.users.create({
      email: input.email,
      name: input.name,
      organizationId: organization.id,
      workspaceRole: input.admin === true ? 'admin' : 'member',
      passwordHash: await (testHash ??= hashPassword(TEST_PASSWORD)),
    });
    for (const [groupId, role] of Object.entries(input.groups ?? {}))
      await store.groups.addMember(groupId, user.id, role);
  }
  return {
    user,
    token: (await store.sessions.create(user.id)).token,
    email: input.email,
    password: TEST_PASSWORD,
  };
}
