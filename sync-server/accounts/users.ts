/** People with an account. The password hash never leaves this module except to be verified. */
import { randomUUID } from 'node:crypto';
import { CARET_COLOURS } from '../../shared/model/profile';
import type {
  OrganizationKind,
  User,
  UserSummary,
  WorkspaceRole,
} from '../../shared/model/accounts';
import type { Sql } from '../db/sql';

export interface UserRow {
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
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  async count(): Promise<number> {
    return (await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM users'))!.n;
  }

  async get(id: string): Promise<User | null> {
    const row = await this.sql.get<UserRow>(`${SELECT} WHERE u.id = ?`, [id]);
    return row === undefined ? null : toUser(row);
  }

  /** The user and their password hash, for a login. Emails match regardless of case. */
  async withPassword(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const row = await this.sql.get<UserRow>(`${SELECT} WHERE lower(u.email) = lower(?)`, [email]);
    return row === undefined ? null : { user: toUser(row), passwordHash: row.password_hash };
  }

  async list(): Promise<User[]> {
    return (await this.sql.all<UserRow>(`${SELECT} ORDER BY lower(u.name), u.name`)).map(toUser);
  }

  async create(user: NewUser): Promise<User> {
    const id = randomUUID();
    const colour = CARET_COLOURS[(await this.count()) % CARET_COLOURS.length]!;
    await this.sql.run(
      `INSERT INTO users (id, email, name, organization_id, workspace_role, disabled, password_hash, colour, created_at)
       VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
      [
        id,
        user.email,
        user.name,
        user.organizationId,
        user.workspaceRole,
        user.passwordHash,
        colour,
        this.now(),
      ],
    );
    return (await this.get(id))!;
  }

  async setDisabled(id: string, disabled: boolean): Promise<void> {
    await this.sql.run('UPDATE users SET disabled = ? WHERE id = ?', [disabled ? 1 : 0, id]);
  }

  async setWorkspaceRole(id: string, role: WorkspaceRole): Promise<void> {
    await this.sql.run('UPDATE users SET workspace_role = ? WHERE id = ?', [role, id]);
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.sql.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, id]);
  }
}
