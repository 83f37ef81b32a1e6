/**
 * Invitations: a single-use code, valid INVITATION_TTL_MS, that brings an email into an
 * organization and a working group with a role. Only the code's hash is stored; the code itself
 * is shown once, to whoever created it.
 */
import { randomUUID } from 'node:crypto';
import type { GroupRole } from '../../shared/model/accounts';
import { INVITATION_TTL_MS } from '../../shared/protocol/api';
import type { Sql } from '../db/sql';
import { hashSecret, newSecret } from './secrets';

export interface InvitationRecord {
  id: string;
  email: string;
  organizationId: string;
  groupId: string;
  role: GroupRole;
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
}

interface InvitationRow {
  id: string;
  email: string;
  organization_id: string;
  group_id: string;
  role: GroupRole;
  invited_by: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  revoked_at: number | null;
}

const COLUMNS = `id, email, organization_id, group_id, role, invited_by, created_at, expires_at,
  accepted_at, revoked_at`;

const toRecord = (row: InvitationRow): InvitationRecord => ({
  id: row.id,
  email: row.email,
  organizationId: row.organization_id,
  groupId: row.group_id,
  role: row.role,
  invitedBy: row.invited_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
  revokedAt: row.revoked_at,
});

export class Invitations {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  async create(input: {
    email: string;
    organizationId: string;
    groupId: string;
    role: GroupRole;
    invitedBy: string;
  }): Promise<{ code: string; invitation: InvitationRecord }> {
    const code = newSecret(24);
    const id = randomUUID();
    const now = this.now();
    await this.sql.run(
      `INSERT INTO invitations (id, code_hash, email, organization_id, group_id, role, invited_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        hashSecret(code),
        input.email,
        input.organizationId,
        input.groupId,
        input.role,
        input.invitedBy,
        now,
        now + INVITATION_TTL_MS,
      ],
    );
    return { code, invitation: (await this.get(id))! };
  }

  async get(id: string): Promise<InvitationRecord | null> {
    const row = await this.sql.get<InvitationRow>(
      `SELECT ${COLUMNS} FROM invitations WHERE id = ?`,
      [id],
    );
    return row === undefined ? null : toRecord(row);
  }

  async byCode(code: string): Promise<InvitationRecord | null> {
    const row = await this.sql.get<InvitationRow>(
      `SELECT ${COLUMNS} FROM invitations WHERE code_hash = ?`,
      [hashSecret(code)],
    );
    return row === undefined ? null : toRecord(row);
  }

  /** Pending ones of a group: neither accepted, revoked nor expired. */
  async pendingFor(groupId: string): Promise<InvitationRecord[]> {
    return (
      await this.sql.all<InvitationRow>(
        `SELECT ${COLUMNS} FROM invitations WHERE group_id = ? AND accepted_at IS NULL
         AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC`,
        [groupId, this.now()],
      )
    ).map(toRecord);
  }

  /** Marks it used; false when someone else used or revoked it first. */
  async accept(id: string): Promise<boolean> {
    const { changes } = await this.sql.run(
      'UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL',
      [this.now(), id],
    );
    return changes === 1;
  }

  async markAcceptedBy(id: string, userId: string): Promise<void> {
    await this.sql.run('UPDATE invitations SET accepted_by = ? WHERE id = ?', [userId, id]);
  }

  async revoke(id: string): Promise<void> {
    await this.sql.run(
      'UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
      [this.now(), id],
    );
  }
}
