/**
 * Invitations: a single-use code, valid INVITATION_TTL_MS, that brings an email into an
 * organization and a working group with a role. Only the code's hash is stored; the code itself
 * is shown once, to whoever created it.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { GroupRole } from '../../shared/model/accounts';
import { INVITATION_TTL_MS } from '../../shared/protocol/api';
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
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  create(input: {
    email: string;
    organizationId: string;
    groupId: string;
    role: GroupRole;
    invitedBy: string;
  }): { code: string; invitation: InvitationRecord } {
    const code = newSecret(24);
    const id = randomUUID();
    const now = this.now();
    this.db
      .prepare(
        `INSERT INTO invitations (id, code_hash, email, organization_id, group_id, role, invited_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        hashSecret(code),
        input.email,
        input.organizationId,
        input.groupId,
        input.role,
        input.invitedBy,
        now,
        now + INVITATION_TTL_MS,
      );
    return { code, invitation: this.get(id)! };
  }

  get(id: string): InvitationRecord | null {
    const row = this.db
      .prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE id = ?')
      .get(id);
    return row === undefined ? null : toRecord(row);
  }

  byCode(code: string): InvitationRecord | null {
    const row = this.db
      .prepare<[Buffer], InvitationRow>('SELECT * FROM invitations WHERE code_hash = ?')
      .get(hashSecret(code));
    return row === undefined ? null : toRecord(row);
  }

  /** Pending ones of a group: neither accepted, revoked nor expired. */
  pendingFor(groupId: string): InvitationRecord[] {
    return this.db
      .prepare<[string, number], InvitationRow>(
        `SELECT * FROM invitations WHERE group_id = ? AND accepted_at IS NULL AND revoked_at IS NULL
         AND expires_at > ? ORDER BY created_at DESC`,
      )
      .all(groupId, this.now())
      .map(toRecord);
  }

  /** Marks it used; false when someone else used or revoked it first. */
  accept(id: string): boolean {
    return (
      this.db
        .prepare(
          'UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL',
        )
        .run(this.now(), id).changes === 1
    );
  }

  markAcceptedBy(id: string, userId: string): void {
    this.db.prepare('UPDATE invitations SET accepted_by = ? WHERE id = ?').run(userId, id);
  }

  revoke(id: string): void {
    this.db
      .prepare('UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(this.now(), id);
  }
}
