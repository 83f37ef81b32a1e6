/**
 * The server-authoritative records of ARCHITECTURE §2 (workspace, organizations, users, sessions,
 * invitations, groups, memberships, access requests, audit log), notifications and versions,
 * reached through `Sql` (db/sql.ts): on SQLite, the same file as the rooms through their own
 * connection; on PostgreSQL, the cluster's database.
 *
 * Every sub-store is a thin class over one `Sql`. `transaction(async (tx) => …)` hands the work
 * a copy of the store whose sub-stores all run on the transaction, so
 * `await tx.groups.setRole(…); await tx.audit.record(…)` land together or not at all.
 */
import Database from 'better-sqlite3';
import type { Sql } from '../db/sql';
import { SqliteSql } from '../db/sqliteSql';
import { configure } from '../storage/migrations';
import { AccessRequests } from './accessRequests';
import { AuditLog } from './audit';
import { ClientIds } from './clientIds';
import { Groups } from './groups';
import { Invitations } from './invitations';
import { Notifications } from './notifications';
import { Organizations } from './organizations';
import { Sessions } from './sessions';
import { Users } from './users';
import { Versions } from './versions';

export class AccountStore {
  readonly organizations: Organizations;
  readonly users: Users;
  readonly sessions: Sessions;
  readonly groups: Groups;
  readonly invitations: Invitations;
  readonly accessRequests: AccessRequests;
  readonly audit: AuditLog;
  readonly notifications: Notifications;
  readonly clientIds: ClientIds;
  readonly versions: Versions;

  /**
   * @param sql where the records live (already migrated)
   * @param release closes what `sql` holds (a connection or a pool); a transaction's view has none
   */
  constructor(
    readonly sql: Sql,
    private readonly now: () => number,
    private readonly release: () => Promise<void> = async () => {},
    clientIds?: ClientIds,
  ) {
    this.organizations = new Organizations(sql, now);
    this.users = new Users(sql, now);
    this.sessions = new Sessions(sql, this.users, now);
    this.groups = new Groups(sql, now);
    this.invitations = new Invitations(sql, now);
    this.accessRequests = new AccessRequests(sql, now);
    this.audit = new AuditLog(sql, now);
    this.notifications = new Notifications(sql, now);
    // Shared with transaction views: its memory of owners belongs to the server, not the view.
    this.clientIds = clientIds ?? new ClientIds(sql, now);
    this.versions = new Versions(sql, now);
  }

  /** The store in the SQLite file `file` (the rooms' file), migrated forward. */
  static openSqlite(file: string, now: () => number): AccountStore {
    const db = configure(new Database(file));
    return new AccountStore(new SqliteSql(db), now, async () => {
      if (db.open) db.close();
    });
  }

  /** Runs `work` in one transaction on a view of this store: all its writes land, or none. */
  transaction<T>(work: (tx: AccountStore) => Promise<T>): Promise<T> {
    return this.sql.transaction((tx) =>
      work(new AccountStore(tx, this.now, async () => {}, this.clientIds)),
    );
  }

  close(): Promise<void> {
    return this.release();
  }
}
