/** People with an account. The password hash never leaves this module except to be verified. */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CARET_COLOURS } from '../../shared/model/profile';
import type {
  OrganizationKind,
  User,
  UserSummary,
  WorkspaceRole,
} from '../../shared/model/accounts';

interface UserRow {
  id: string;
  email: string;
  name: string;
  workspace_role: WorkspaceRole;
  disabled: number;
  password_hash: string;
  colour: string;
  organization_id: string;
  organization_name: string;
  organization_kind: OrganizationKind;
}

export interface NewUser {
  email: string;
  name: string;
  organizationId: string;
  workspaceRole: WorkspaceRole;
  passwordHash: string;
}

const SELECT = `SELECT u.*, o.name AS organization_name, o.kind AS organization_kind
  FROM users u JOIN organizations o ON o.id = u.organization_id`;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    organization: {
      id: row.organization_id,
      name: row.organization_name,
      kind: row.organization_kind,
    },
    colour: row.colour,
    workspaceRole: row.workspace_role,
    disabled: row.disabled === 1,
  };
}

export function toSummary(user: User): UserSummary {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    organization: user.organization,
    colour: user.colour,
  };
}

export class Users {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users').get()!.n;
  }

  get(id: string): User | null {
    const row = this.db.prepare<[string], UserRow>(`${SELECT} WHERE u.id = ?`).get(id);
    return row === undefined ? null : toUser(row);
  }

  /** The user and their password hash, for a login. */
  withPassword(email: string): { user: User; passwordHash: string } | null {
    const row = this.db
      .prepare<[string], UserRow>(`${SELECT} WHERE u.email = ? COLLATE NOCASE`)
      .get(email);
    return row === undefined ? null : { user: toUser(row), passwordHash: row.password_hash };
  }

  list(): User[] {
    return this.db
      .prepare<[], UserRow>(`${SELECT} ORDER BY u.name COLLATE NOCASE`)
      .all()
      .map(toUser);
  }

  create(user: NewUser): User {
    const id = randomUUID();
    const colour = CARET_COLOURS[this.count() % CARET_COLOURS.length]!;
    this.db
      .prepare(
        `INSERT INTO users (id, email, name, organization_id, workspace_role, disabled, password_hash, colour, created_at)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
      )
      .run(
        id,
        user.email,
        user.name,
        user.organizationId,
        user.workspaceRole,
        user.passwordHash,
        colour,
        this.now(),
      );
    return this.get(id)!;
  }

  setDisabled(id: string, disabled: boolean): void {
    this.db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
  }

  setWorkspaceRole(id: string, role: WorkspaceRole): void {
    this.db.prepare('UPDATE users SET workspace_role = ? WHERE id = ?').run(role, id);
  }

  setPassword(id: string, passwordHash: string): void {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
  }
}
