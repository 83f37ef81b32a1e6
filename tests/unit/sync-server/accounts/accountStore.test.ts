/**
 * The account store's statements on both databases: every sub-store's reads and writes, the
 * transaction view, and what each backend must refuse (duplicate emails in any case, a second
 * answer, a change to a frozen version). The same tests run on SQLite and, when it answers, on
 * PostgreSQL, so a statement that only one dialect accepts fails here first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountStore } from '../../../../sync-server/accounts/accountStore';
import { openPostgres } from '../../../../sync-server/db/open';
import type { GroupId } from '../../../../shared/model/ids';
import { createTestDatabase, describeWithPostgres } from '../../../support/postgres';

const GROUP = '3f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' as GroupId;
const PRIVATE = '4a1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b' as GroupId;

function accountStoreContract(open: () => { store: AccountStore; clock: { now: number } }): void {
  let store: AccountStore;
  let clock: { now: number };
  beforeAll(() => {
    ({ store, clock } = open());
  });

  it('creates the workspace, organizations and groups, finding names in any case', async () => {
    expect(await store.groups.workspace()).toBeNull();
    const workspace = await store.groups.createWorkspace('Clúster Minero del Sur');
    expect(await store.groups.workspace()).toEqual(workspace);
    const mine = await store.organizations.create('Minera Andina', 'mining_company');
    await store.organizations.create('universidad Nacional', 'academia');
    expect(await store.organizations.byName('MINERA ANDINA')).toEqual(mine);
    expect(await store.organizations.get(mine.id)).toEqual(mine);
    expect((await store.organizations.list()).map((o) => o.name)).toEqual([
      'Minera Andina',
      'universidad Nacional',
    ]);
    await expect(store.organizations.create('minera andina', 'other')).rejects.toThrow();
    const listed = await store.groups.create({
      id: GROUP,
      name: 'Agua y relaves',
      purpose: 'Monitoreo',
      visibility: 'listed',
    });
    const hidden = await store.groups.create({
      id: PRIVATE,
      name: 'Gobernanza',
      purpose: 'Actas',
      visibility: 'private',
    });
    expect(listed).toEqual({
      id: GROUP,
      name: 'Agua y relaves',
      purpose: 'Monitoreo',
      visibility: 'listed',
    });
    expect((await store.groups.all()).map((g) => g.id)).toEqual([GROUP, PRIVATE]);
    await store.groups.update(PRIVATE, { purpose: 'Actas y acuerdos' });
    expect((await store.groups.get(PRIVATE))?.purpose).toBe('Actas y acuerdos');
    expect(hidden.visibility).toBe('private');
  });

  it('creates users with unique emails in any case, memberships and a directory per person', async () => {
    const mine = (await store.organizations.byName('Minera Andina'))!;
    const ana = await store.users.create({
      email: 'Ana@Example.org',
      name: 'Ana',
      organizationId: mine.id,
      workspaceRole: 'admin',
      passwordHash: 'hash-a',
    });
    const beto = await store.users.create({
      email: 'beto@example.org',
      name: 'beto',
      organizationId: mine.id,
      workspaceRole: 'member',
      passwordHash: 'hash-b',
    });
    await expect(
      store.users.create({
        email: 'ANA@example.org',
        name: 'Otra Ana',
        organizationId: mine.id,
        workspaceRole: 'member',
        passwordHash: 'x',
      }),
    ).rejects.toThrow();
    expect(await store.users.count()).toBe(2);
    expect((await store.users.withPassword('ana@example.org'))?.passwordHash).toBe('hash-a');
    expect((await store.users.list()).map((u) => u.name)).toEqual(['Ana', 'beto']);
    expect(ana.organization).toEqual(mine);
    expect(ana.disabled).toBe(false);
    await store.users.setDisabled(beto.id, true);
    expect((await store.users.get(beto.id))?.disabled).toBe(true);
    await store.users.setDisabled(beto.id, false);
    await store.users.setWorkspaceRole(beto.id, 'admin');
    await store.users.setWorkspaceRole(beto.id, 'member');
    await store.users.setPassword(beto.id, 'hash-b2');
    expect((await store.users.withPassword('BETO@example.org'))?.passwordHash).toBe('hash-b2');

    await store.groups.addMember(GROUP, ana.id, 'lead');
    await store.groups.addMember(PRIVATE, ana.id, 'lead');
    await store.groups.addMember(GROUP, beto.id, 'editor');
    expect(await store.groups.roleOf(beto.id, GROUP)).toBe('editor');
    expect(await store.groups.roleOf(beto.id, PRIVATE)).toBeNull();
    expect(await store.groups.visibleTo(PRIVATE, beto.id)).toBeNull();
    expect((await store.groups.visibleTo(PRIVATE, ana.id))?.id).toBe(PRIVATE);
    expect((await store.groups.directory(beto.id)).map((g) => g.id)).toEqual([GROUP]);
    const entry = (await store.groups.directory(ana.id)).find((g) => g.id === GROUP)!;
    expect(entry).toMatchObject({ memberCount: 2, myRole: 'lead', accessRequested: false });
    expect(entry.organizations).toEqual([mine]);
    expect((await store.groups.membershipsOf(ana.id)).map((m) => m.role)).toEqual(['lead', 'lead']);
    expect((await store.groups.members(GROUP)).map((m) => m.user.name)).toEqual(['Ana', 'beto']);
    expect((await store.groups.member(GROUP, beto.id))?.role).toBe('editor');
    expect(await store.groups.leadCount(GROUP)).toBe(1);
    await store.groups.setRole(GROUP, beto.id, 'viewer');
    expect(await store.groups.roleOf(beto.id, GROUP)).toBe('viewer');
  });

  it('keeps sessions: authenticate slides, byId does not, revocation and expiry refuse', async () => {
    const ana = (await store.users.withPassword('ana@example.org'))!.user;
    const made = await store.sessions.create(ana.id);
    const check = await store.sessions.authenticate(made.token);
    expect(check.ok && check.session.user.id).toBe(ana.id);
    expect(await store.sessions.isActive(made.id)).toBe(true);
    clock.now += 10 * 60_000;
    const slid = await store.sessions.authenticate(made.token);
    expect(slid.ok && slid.session.expiresAt).toBeGreaterThan(made.expiresAt);
    expect((await store.sessions.authenticate('unknown')).ok).toBe(false);
    await store.sessions.revoke(made.id);
    expect(await store.sessions.byId(made.id)).toEqual({ ok: false, reason: 'session_invalid' });
    const other = await store.sessions.create(ana.id);
    await store.sessions.revokeAllOf(ana.id);
    expect(await store.sessions.isActive(other.id)).toBe(false);
  });

  it('runs transactions on a view of the store: all writes land, or none', async () => {
    const before = await store.organizations.list();
    await expect(
      store.transaction(async (tx) => {
        await tx.organizations.create('Gobierno Regional', 'government_regional');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.organizations.list()).toEqual(before);
    const made = await store.transaction(async (tx) => {
      const organization = await tx.organizations.create(
        'Gobierno Regional',
        'government_regional',
      );
      await tx.audit.record({ action: 'organization_created', detail: organization.name });
      return organization;
    });
    expect(await store.organizations.get(made.id)).toEqual(made);
  });

  it('keeps a check made inside a transaction true against a concurrent one (last lead)', async () => {
    const mine = (await store.organizations.byName('Minera Andina'))!;
    const [first, second] = await Promise.all(
      ['lider.uno@example.org', 'lider.dos@example.org'].map((email) =>
        store.users.create({
          email,
          name: email,
          organizationId: mine.id,
          workspaceRole: 'member',
          passwordHash: 'x',
        }),
      ),
    );
    const group = await store.groups.create({
      name: 'Dos líderes',
      purpose: 'Carrera',
      visibility: 'listed',
    });
    await store.groups.addMember(group.id, first!.id, 'lead');
    await store.groups.addMember(group.id, second!.id, 'lead');
    // Each steps down if another lead remains; run at once, only one may succeed.
    const stepDown = (userId: string) =>
      store.transaction(async (tx) => {
        if ((await tx.groups.leadCount(group.id)) <= 1) return false;
        await tx.groups.setRole(group.id, userId, 'editor');
        return true;
      });
    const results = await Promise.all([stepDown(first!.id), stepDown(second!.id)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.groups.leadCount(group.id)).toBe(1);
  });

  it('records invitations, access requests, audit rows and notifications', async () => {
    const ana = (await store.users.withPassword('ana@example.org'))!.user;
    const beto = (await store.users.withPassword('beto@example.org'))!.user;
    const { code, invitation } = await store.invitations.create({
      email: 'carla@example.org',
      organizationId: ana.organization.id,
      groupId: GROUP,
      role: 'editor',
      invitedBy: ana.id,
    });
    expect((await store.invitations.byCode(code))?.id).toBe(invitation.id);
    expect((await store.invitations.pendingFor(GROUP)).map((i) => i.id)).toEqual([invitation.id]);
    expect(await store.invitations.accept(invitation.id)).toBe(true);
    expect(await store.invitations.accept(invitation.id)).toBe(false);
    await store.invitations.markAcceptedBy(invitation.id, beto.id);
    await store.invitations.revoke(invitation.id);
    expect(await store.invitations.pendingFor(GROUP)).toEqual([]);

    const request = await store.accessRequests.create(PRIVATE, beto.id, 'Quisiera participar');
    await expect(store.accessRequests.create(PRIVATE, beto.id, 'otra vez')).rejects.toThrow();
    expect((await store.accessRequests.pending(PRIVATE, beto.id)).map((r) => r.id)).toEqual([
      request.id,
    ]);
    expect(await store.accessRequests.pendingForLead(ana.id)).toBe(1);
    await store.accessRequests.decide(request.id, 'declined', ana.id);
    expect((await store.accessRequests.get(request.id))?.status).toBe('declined');

    await store.audit.record({ action: 'login', actorId: ana.id, detail: '127.0.0.1' });
    const entries = await store.audit.list(2);
    expect(entries[0]).toMatchObject({ action: 'login', actor: { id: ana.id, name: 'Ana' } });
    expect(typeof entries[0]!.id).toBe('number');

    const event = {
      userId: beto.id,
      dedupeKey: 'mention:t1:c1',
      kind: 'mention' as const,
      groupId: GROUP,
      targetKind: 'doc' as const,
      targetId: 'doc-1',
      excerpt: 'x'.repeat(400),
    };
    expect(await store.notifications.record(event)).toBe(true);
    expect(await store.notifications.record(event)).toBe(false);
    const [notification] = await store.notifications.list(beto.id, 10);
    expect(notification!.excerpt).toHaveLength(280);
    expect(await store.notifications.unreadCount(beto.id)).toBe(1);
    expect(await store.notifications.markRead(ana.id, notification!.id)).toBe(false);
    expect(await store.notifications.markRead(beto.id, notification!.id)).toBe(true);
    expect(await store.notifications.list(beto.id, 10, true)).toEqual([]);
    await store.notifications.markAllRead(beto.id);
  });

  it('binds client ids to their first writer, once, and names the authors', async () => {
    const ana = (await store.users.withPassword('ana@example.org'))!.user;
    const beto = (await store.users.withPassword('beto@example.org'))!.user;
    expect(await store.clientIds.claim('room-1', 4_000_000_000, ana.id, 's1')).toBe(ana.id);
    expect(await store.clientIds.claim('room-1', 4_000_000_000, beto.id, 's2')).toBe(ana.id);
    expect(store.clientIds.knownOwner('room-1', 4_000_000_000)).toBe(ana.id);
    expect(await store.clientIds.owner('room-1', 7)).toBeNull();
    expect(await store.clientIds.authors('room-1')).toEqual([
      { clientId: 4_000_000_000, userId: ana.id, name: 'Ana', organization: 'Minera Andina' },
    ]);
  });

  it('keeps versions frozen and a sign-off decided once', async () => {
    const ana = (await store.users.withPassword('ana@example.org'))!.user;
    const base = {
      groupId: GROUP,
      docId: 'doc-1',
      note: '',
      authorId: ana.id,
      stateVector: new Uint8Array([0]),
      state: new Uint8Array([0, 0]),
      hash: 'h1',
    };
    await store.versions.create({
      ...base,
      id: 'v1',
      kind: 'named',
      name: 'Primera',
      createdAt: 1000,
    });
    await store.versions.create({ ...base, id: 'v2', kind: 'auto', name: '', createdAt: 1000 });
    expect((await store.versions.list(GROUP, 'doc-1')).map((v) => v.id)).toEqual(['v2', 'v1']);
    expect(await store.versions.lastAutoAt(GROUP, 'doc-1')).toBe(1000);
    const stored = (await store.versions.get(GROUP, 'doc-1', 'v1'))!;
    expect(stored.state).toEqual(new Uint8Array([0, 0]));
    expect(await store.versions.exists('v1')).toEqual({
      groupId: GROUP,
      docId: 'doc-1',
      hash: 'h1',
    });
    await expect(store.sql.run("UPDATE versions SET name = 'x' WHERE id = 'v1'")).rejects.toThrow(
      /versions cannot be changed/,
    );

    await store.versions.createSignoff({
      versionId: 'v1',
      hash: 'h1',
      rule: 'all',
      deadline: clock.now + 60_000,
      requestedBy: ana.id,
      organizations: [ana.organization.id],
    });
    expect(await store.versions.asked('v1', ana.organization.id)).toBe(true);
    expect(await store.versions.answered('v1', ana.organization.id)).toBe(false);
    const decided = await store.versions.answer({
      versionId: 'v1',
      organizationId: ana.organization.id,
      answer: 'approve',
      text: '',
      userId: ana.id,
    });
    expect(decided).toBe('approved');
    expect((await store.versions.status('v1'))?.outcome).toBe('approved');
    expect((await store.versions.signoff(stored))?.organizations).toHaveLength(1);
    expect(await store.versions.latestSignoffs(GROUP)).toMatchObject([
      { docId: 'doc-1', versionId: 'v1', status: 'approved', approvals: 1, total: 1 },
    ]);
    await expect(
      store.sql.run("UPDATE signoffs SET rule = 'majority' WHERE version_id = 'v1'"),
    ).rejects.toThrow(/decided sign-off/);
  });
}

describe('AccountStore on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minka-accounts-'));
  const clock = { now: 1_800_000_000_000 };
  const store = AccountStore.openSqlite(join(dir, 'minka.sqlite'), () => clock.now);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  accountStoreContract(() => ({ store, clock }));
});

describeWithPostgres('AccountStore on PostgreSQL', () => {
  const clock = { now: 1_800_000_000_000 };
  let store: AccountStore;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const opened = await openPostgres(database.url, () => clock.now, { max: 3 });
    await opened.storage.close();
    store = opened.store;
  });
  afterAll(async () => {
    await store.close();
    await drop();
  });
  accountStoreContract(() => ({ store, clock }));
});
