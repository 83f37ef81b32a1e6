/**
 * The workspace, its working groups and who belongs to each with which role. Which groups a
 * person may even see is decided here (`visibleTo`), so no route can list a private group to a
 * non-member by forgetting a filter.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  GroupRole,
  GroupVisibility,
  Organization,
  WorkingGroupSummary,
} from '../../shared/model/accounts';
import type { GroupId } from '../../shared/model/ids';
import type { GroupDirectoryEntry, Member, Membership } from '../../shared/protocol/api';
import { toSummary, type Users } from './users';

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
    private readonly db: Database.Database,
    private readonly users: Users,
    private readonly now: () => number,
  ) {}

  workspace(): { id: string; name: string } | null {
    return (
      this.db
        .prepare<[], { id: string; name: string }>('SELECT id, name FROM workspace LIMIT 1')
        .get() ?? null
    );
  }

  createWorkspace(name: string): { id: string; name: string } {
    const workspace = { id: randomUUID(), name };
    this.db.prepare('INSERT INTO workspace (id, name) VALUES (?, ?)').run(workspace.id, name);
    return workspace;
  }

  get(id: string): WorkingGroupSummary | null {
    const row = this.db
      .prepare<[string], GroupRow>(
        'SELECT id, name, purpose, visibility FROM working_groups WHERE id = ?',
      )
      .get(id);
    return row === undefined ? null : toGroup(row);
  }

  /** Every group, in workspace order (for the seed and admin tools, never for an API answer). */
  all(): WorkingGroupSummary[] {
    return this.db
      .prepare<[], GroupRow>(
        'SELECT id, name, purpose, visibility FROM working_groups ORDER BY position',
      )
      .all()
      .map(toGroup);
  }

  /** The group when `userId` may know it exists: listed, or private with them as a member. */
  visibleTo(id: string, userId: string): WorkingGroupSummary | null {
    const group = this.get(id);
    if (group === null) return null;
    return group.visibility === 'listed' || this.roleOf(userId, id) !== null ? group : null;
  }

  create(input: {
    id?: GroupId;
    name: string;
    purpose: string;
    visibility: GroupVisibility;
  }): WorkingGroupSummary {
    const workspace = this.workspace();
    if (workspace === null) throw new Error('No workspace to create a group in.');
    const id = input.id ?? randomUUID();
    const position = this.db
      .prepare<[], { n: number }>('SELECT coalesce(max(position) + 1, 0) AS n FROM working_groups')
      .get()!.n;
    this.db
      .prepare(
        'INSERT INTO working_groups (id, workspace_id, position, name, purpose, visibility) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(id, workspace.id, position, input.name, input.purpose, input.visibility);
    return this.get(id)!;
  }

  update(
    id: string,
    changes: { name?: string; purpose?: string; visibility?: GroupVisibility },
  ): void {
    const group = this.get(id);
    if (group === null) return;
    const next = { ...group, ...changes };
    this.db
      .prepare('UPDATE working_groups SET name = ?, purpose = ?, visibility = ? WHERE id = ?')
      .run(next.name, next.purpose, next.visibility, id);
  }

  /** Every group `userId` may see, in workspace order, as the directory shows it. */
  directory(userId: string): GroupDirectoryEntry[] {
    return this.db
      .prepare<[string], GroupRow>(
        `SELECT g.id, g.name, g.purpose, g.visibility FROM working_groups g
         WHERE g.visibility = 'listed'
            OR EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id AND m.user_id = ?)
         ORDER BY g.position`,
      )
      .all(userId)
      .map((row) => this.entry(toGroup(row), userId));
  }

  entry(group: WorkingGroupSummary, userId: string): GroupDirectoryEntry {
    const memberCount = this.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM memberships WHERE group_id = ?')
      .get(group.id)!.n;
    const accessRequested =
      this.db
        .prepare<[string, string], { n: number }>(
          "SELECT count(*) AS n FROM access_requests WHERE group_id = ? AND user_id = ? AND status = 'pending'",
        )
        .get(group.id, userId)!.n > 0;
    return {
      ...group,
      organizations: this.organizationsOf(group.id),
      memberCount,
      myRole: this.roleOf(userId, group.id),
      accessRequested,
    };
  }

  organizationsOf(groupId: string): Organization[] {
    return this.db
      .prepare<[string], Organization>(
        `SELECT DISTINCT o.id, o.name, o.kind FROM memberships m
         JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = u.organization_id
         WHERE m.group_id = ? ORDER BY o.name COLLATE NOCASE`,
      )
      .all(groupId);
  }

  roleOf(userId: string, groupId: string): GroupRole | null {
    return (
      this.db
        .prepare<[string, string], { role: GroupRole }>(
          'SELECT role FROM memberships WHERE user_id = ? AND group_id = ?',
        )
        .get(userId, groupId)?.role ?? null
    );
  }

  membershipsOf(userId: string): Membership[] {
    return this.db
      .prepare<[string], GroupRow & { role: GroupRole }>(
        `SELECT g.id, g.name, g.purpose, g.visibility, m.role FROM memberships m
         JOIN working_groups g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY g.position`,
      )
      .all(userId)
      .map((row) => ({ group: toGroup(row), role: row.role }));
  }

  members(groupId: string): Member[] {
    return this.db
      .prepare<[string], { user_id: string; role: GroupRole; created_at: number }>(
        'SELECT user_id, role, created_at FROM memberships WHERE group_id = ?',
      )
      .all(groupId)
      .flatMap((row) => {
        const user = this.users.get(row.user_id);
        return user === null
          ? []
          : [
              {
                user: toSummary(user),
                role: row.role,
                since: new Date(row.created_at).toISOString(),
              },
            ];
      })
      .sort((a, b) => a.user.name.localeCompare(b.user.name, 'es'));
  }

  member(groupId: string, userId: string): Member | null {
    return this.members(groupId).find((member) => member.user.id === userId) ?? null;
  }

  leadCount(groupId: string): number {
    return this.db
      .prepare<[string], { n: number }>(
        "SELECT count(*) AS n FROM memberships WHERE group_id = ? AND role = 'lead'",
      )
      .get(groupId)!.n;
  }

  addMember(groupId: string, userId: string, role: GroupRole): void {
    this.db
      .prepare('INSERT INTO memberships (group_id, user_id, role, created_at) VALUES (?, ?, ?, ?)')
      .run(groupId, userId, role, this.now());
  }

  setRole(groupId: string, userId: string, role: GroupRole): void {
    this.db
      .prepare('UPDATE memberships SET role = ? WHERE group_id = ? AND user_id = ?')
      .run(role, groupId, userId);
  }

  removeMember(groupId: string, userId: string): void {
    this.db
      .prepare('DELETE FROM memberships WHERE group_id = ? AND user_id = ?')
      .run(groupId, userId);
  }
}
