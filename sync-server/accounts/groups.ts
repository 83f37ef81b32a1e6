/**
 * The workspace, its working groups and who belongs to each with which role. Which groups a
 * person may even see is decided here (`visibleTo`), so no route can list a private group to a
 * non-member by forgetting a filter.
 */
import { randomUUID } from 'node:crypto';
import type {
  GroupRole,
  GroupVisibility,
  Organization,
  WorkingGroupSummary,
} from '../../shared/model/accounts';
import type { GroupId } from '../../shared/model/ids';
import type { GroupDirectoryEntry, Member, Membership } from '../../shared/protocol/api';
import { placeholders, type Sql } from '../db/sql';
import { toSummary, toUser, type UserRow } from './users';

interface GroupRow {
  id: string;
  name: string;
  purpose: string;
  visibility: GroupVisibility;
}

const toGroup = (row: GroupRow): WorkingGroupSummary => ({
  id: row.id as GroupId,
  name: row.name,
  purpose: row.purpose,
  visibility: row.visibility,
});

export class Groups {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  async workspace(): Promise<{ id: string; name: string } | null> {
    return (
      (await this.sql.get<{ id: string; name: string }>(
        'SELECT id, name FROM workspace LIMIT 1',
      )) ?? null
    );
  }

  async createWorkspace(name: string): Promise<{ id: string; name: string }> {
    const workspace = { id: randomUUID(), name };
    await this.sql.run('INSERT INTO workspace (id, name) VALUES (?, ?)', [workspace.id, name]);
    return workspace;
  }

  async get(id: string): Promise<WorkingGroupSummary | null> {
    const row = await this.sql.get<GroupRow>(
      'SELECT id, name, purpose, visibility FROM working_groups WHERE id = ?',
      [id],
    );
    return row === undefined ? null : toGroup(row);
  }

  /** Every group, in workspace order (for the seed and admin tools, never for an API answer). */
  async all(): Promise<WorkingGroupSummary[]> {
    return (
      await this.sql.all<GroupRow>(
        'SELECT id, name, purpose, visibility FROM working_groups ORDER BY position',
      )
    ).map(toGroup);
  }

  /** The group when `userId` may know it exists: listed, or private with them as a member. */
  async visibleTo(id: string, userId: string): Promise<WorkingGroupSummary | null> {
    const group = await this.get(id);
    if (group === null) return null;
    return group.visibility === 'listed' || (await this.roleOf(userId, id)) !== null ? group : null;
  }

  async create(input: {
    id?: GroupId;
    name: string;
    purpose: string;
    visibility: GroupVisibility;
  }): Promise<WorkingGroupSummary> {
    const workspace = await this.workspace();
    if (workspace === null) throw new Error('No workspace to create a group in.');
    const id = input.id ?? randomUUID();
    const position = (await this.sql.get<{ n: number }>(
      'SELECT coalesce(max(position) + 1, 0) AS n FROM working_groups',
    ))!.n;
    await this.sql.run(
      'INSERT INTO working_groups (id, workspace_id, position, name, purpose, visibility) VALUES (?, ?, ?, ?, ?, ?)',
      [id, workspace.id, position, input.name, input.purpose, input.visibility],
    );
    return (await this.get(id))!;
  }

  async update(
    id: string,
    changes: { name?: string; purpose?: string; visibility?: GroupVisibility },
  ): Promise<void> {
    const group = await this.get(id);
    if (group === null) return;
    const next = { ...group, ...changes };
    await this.sql.run(
      'UPDATE working_groups SET name = ?, purpose = ?, visibility = ? WHERE id = ?',
      [next.name, next.purpose, next.visibility, id],
    );
  }

  /** Every group `userId` may see, in workspace order, as the directory shows it. */
  async directory(userId: string): Promise<GroupDirectoryEntry[]> {
    const rows = await this.sql.all<GroupRow>(
      `SELECT g.id, g.name, g.purpose, g.visibility FROM working_groups g
       WHERE g.visibility = 'listed'
          OR EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id AND m.user_id = ?)
       ORDER BY g.position`,
      [userId],
    );
    const entries: GroupDirectoryEntry[] = [];
    for (const row of rows) entries.push(await this.entry(toGroup(row), userId));
    return entries;
  }

  async entry(group: WorkingGroupSummary, userId: string): Promise<GroupDirectoryEntry> {
    const memberCount = (await this.sql.get<{ n: number }>(
      'SELECT count(*) AS n FROM memberships WHERE group_id = ?',
      [group.id],
    ))!.n;
    const accessRequested =
      (await this.sql.get<{ n: number }>(
        "SELECT count(*) AS n FROM access_requests WHERE group_id = ? AND user_id = ? AND status = 'pending'",
        [group.id, userId],
      ))!.n > 0;
    return {
      ...group,
      organizations: await this.organizationsOf(group.id),
      memberCount,
      myRole: await this.roleOf(userId, group.id),
      accessRequested,
    };
  }

  organizationsOf(groupId: string): Promise<Organization[]> {
    return this.sql
      .all<Organization>(
        `SELECT DISTINCT o.id, o.name, o.kind, lower(o.name) AS sort_name FROM memberships m
       JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = u.organization_id
       WHERE m.group_id = ? ORDER BY sort_name, o.name`,
        [groupId],
      )
      .then((rows) => rows.map(({ id, name, kind }) => ({ id, name, kind })));
  }

  async roleOf(userId: string, groupId: string): Promise<GroupRole | null> {
    return (
      (
        await this.sql.get<{ role: GroupRole }>(
          'SELECT role FROM memberships WHERE user_id = ? AND group_id = ?',
          [userId, groupId],
        )
      )?.role ?? null
    );
  }

  /** roleOf for several groups in one query: the groups where the person has a role. */
  async rolesIn(userId: string, groupIds: readonly string[]): Promise<Map<string, GroupRole>> {
    const ids = [...new Set(groupIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.sql.all<{ group_id: string; role: GroupRole }>(
      `SELECT group_id, role FROM memberships WHERE user_id = ? AND group_id IN (${placeholders(ids)})`,
      [userId, ...ids],
    );
    return new Map(rows.map((row) => [row.group_id, row.role]));
  }

  async membershipsOf(userId: string): Promise<Membership[]> {
    return (
      await this.sql.all<GroupRow & { role: GroupRole }>(
        `SELECT g.id, g.name, g.purpose, g.visibility, m.role FROM memberships m
         JOIN working_groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY g.position`,
        [userId],
      )
    ).map((row) => ({ group: toGroup(row), role: row.role }));
  }

  async members(groupId: string): Promise<Member[]> {
    const rows = await this.sql.all<UserRow & { role: GroupRole; member_since: number }>(
      `SELECT u.*, o.name AS organization_name, o.kind AS organization_kind, m.role,
         m.created_at AS member_since
       FROM memberships m JOIN users u ON u.id = m.user_id
       JOIN organizations o ON o.id = u.organization_id WHERE m.group_id = ?`,
      [groupId],
    );
    return rows
      .map((row) => ({
        user: toSummary(toUser(row)),
        role: row.role,
        since: new Date(row.member_since).toISOString(),
      }))
      .sort((a, b) => a.user.name.localeCompare(b.user.name, 'es'));
  }

  async member(groupId: string, userId: string): Promise<Member | null> {
    return (await this.members(groupId)).find((member) => member.user.id === userId) ?? null;
  }

  async leadCount(groupId: string): Promise<number> {
    return (await this.sql.get<{ n: number }>(
      "SELECT count(*) AS n FROM memberships WHERE group_id = ? AND role = 'lead'",
      [groupId],
    ))!.n;
  }

  async addMember(groupId: string, userId: string, role: GroupRole): Promise<void> {
    await this.sql.run(
      'INSERT INTO memberships (group_id, user_id, role, created_at) VALUES (?, ?, ?, ?)',
      [groupId, userId, role, this.now()],
    );
  }

  async setRole(groupId: string, userId: string, role: GroupRole): Promise<void> {
    await this.sql.run('UPDATE memberships SET role = ? WHERE group_id = ? AND user_id = ?', [
      role,
      groupId,
      userId,
    ]);
  }

  async removeMember(groupId: string, userId: string): Promise<void> {
    await this.sql.run('DELETE FROM memberships WHERE group_id = ? AND user_id = ?', [
      groupId,
      userId,
    ]);
  }
}
