/**
 * Writes the demo workspace (first run only): for each working group its index doc and
 * documents, each stored as a single Yjs update as if it had been synced; then, in one
 * transaction, the workspace, its groups, organizations, people and memberships. The account
 * records are written last, so a run interrupted halfway seeds again next time.
 */
import * as Y from 'yjs';
import type { GroupRole, Organization, OrganizationKind } from '../../shared/model/accounts';
import { newDocId, newGroupId, type GroupId } from '../../shared/model/ids';
import { docRoom, indexRoom, roomName } from '../../shared/protocol/rooms';
import { appendBlocks, initDocument } from '../../shared/ydoc/documentDoc';
import { addEntry, migrateGroupIndex } from '../../shared/ydoc/groupIndexDoc';
import { Origin } from '../../shared/ydoc/origins';
import type { AccountStore } from '../accounts/accountStore';
import { hashPassword } from '../accounts/passwords';
import type { Storage } from '../storage/storage';
import {
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_PRIVATE_GROUPS,
} from './demoAccounts';
import { seedInnovationProgram } from './demoInnovation';
import { DEMO_AUTHOR, DEMO_GROUPS, DEMO_WORKSPACE_NAME, type DemoGroup } from './demoContent';
import { seedGovernanceDemo } from './governanceDemo';

export interface DemoAccount {
  email: string;
  name: string;
  organization: string;
  kind: OrganizationKind;
  admin: boolean;
  groups: Array<{ group: string; role: GroupRole }>;
}

export async function seedDemo(
  storage: Storage,
  store: AccountStore,
  now: number = Date.now(),
): Promise<DemoAccount[]> {
  const groupIds = new Map<string, GroupId>();
  for (const group of DEMO_GROUPS) {
    const id = newGroupId();
    await seedGroup(storage, id, group, now);
    groupIds.set(group.name, id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts = await store.transaction(async (tx) => {
    await tx.groups.createWorkspace(DEMO_WORKSPACE_NAME);
    for (const group of DEMO_GROUPS) {
      await tx.groups.create({
        id: groupIds.get(group.name)!,
        name: group.name,
        purpose: group.purpose,
        visibility: DEMO_PRIVATE_GROUPS.includes(group.name) ? 'private' : 'listed',
      });
    }
    return writeAccounts(tx, groupIds, passwordHash);
  });
  // Issue 15: the council's meetings and agreements, the regulatory base and the mission to Chile.
  await seedGovernanceDemo(storage, store, now);
  await seedInnovationProgram(storage, store, now);
  return accounts;
}

/**
 * The demo people for a demo workspace seeded before accounts existed (its groups are in the
 * database, nobody can sign in): they join the groups of the same names, and the private group
 * becomes private.
 */
export async function seedDemoAccounts(store: AccountStore): Promise<DemoAccount[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return store.transaction(async (tx) => {
    const groupIds = new Map((await tx.groups.all()).map((group) => [group.name, group.id]));
    for (const name of DEMO_PRIVATE_GROUPS) {
      const id = groupIds.get(name);
      if (id !== undefined) await tx.groups.update(id, { visibility: 'private' });
    }
    return writeAccounts(tx, groupIds, passwordHash);
  });
}

/**
 * `passwordHash` is one scrypt hash shared by every demo account: they share a password the README
 * prints anyway, and hashing it once per person made a first start wait seconds on a loaded machine.
 */
async function writeAccounts(
  tx: AccountStore,
  groupIds: ReadonlyMap<string, GroupId>,
  passwordHash: string,
): Promise<DemoAccount[]> {
  const organizations = new Map<string, Organization>();
  for (const organization of DEMO_ORGANIZATIONS) {
    organizations.set(
      organization.name,
      (await tx.organizations.byName(organization.name)) ??
        (await tx.organizations.create(organization.name, organization.kind)),
    );
  }
  const accounts: DemoAccount[] = [];
  for (const person of DEMO_PEOPLE) {
    const organization = organizations.get(person.organization)!;
    const user = await tx.users.create({
      email: person.email,
      name: person.name,
      organizationId: organization.id,
      workspaceRole: person.workspaceRole,
      passwordHash,
    });
    const groups: DemoAccount['groups'] = [];
    for (const [group, role] of Object.entries(person.groups)) {
      const groupId = groupIds.get(group);
      if (groupId === undefined) continue;
      await tx.groups.addMember(groupId, user.id, role);
      groups.push({ group, role });
    }
    accounts.push({
      email: person.email,
      name: person.name,
      organization: organization.name,
      kind: organization.kind,
      admin: person.workspaceRole === 'admin',
      groups,
    });
  }
  return accounts;
}

/** The accounts as printed at first seed: one line each, then the shared password. */
export function demoAccountsTable(accounts: readonly DemoAccount[]): string[] {
  const width = Math.max(...accounts.map((account) => account.email.length));
  return [
    ...accounts.map(
      (account) =>
        `  ${account.email.padEnd(width)}  ${account.organization} (${account.kind})${account.admin ? ' · admin' : ''} · ` +
        account.groups.map(({ group, role }) => `${group}: ${role}`).join('; '),
    ),
    `  Contraseña de todas las cuentas de demostración: ${DEMO_PASSWORD}`,
  ];
}

async function seedGroup(
  storage: Storage,
  groupId: GroupId,
  group: DemoGroup,
  now: number,
): Promise<void> {
  const index = new Y.Doc();
  migrateGroupIndex(index);
  for (const document of group.documents) {
    const docId = newDocId();
    const doc = new Y.Doc();
    initDocument(doc, now, Origin.seed);
    appendBlocks(doc, document.blocks, Origin.seed);
    await storage.appendUpdates(roomName(docRoom(groupId, docId)), [Y.encodeStateAsUpdate(doc)]);
    doc.destroy();
    addEntry(
      index,
      { id: docId, kind: 'doc', title: document.title, createdBy: DEMO_AUTHOR, createdAt: now },
      Origin.seed,
    );
  }
  await storage.appendUpdates(roomName(indexRoom(groupId)), [Y.encodeStateAsUpdate(index)]);
  index.destroy();
}
