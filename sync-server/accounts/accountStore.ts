/**
 * The server-authoritative records of ARCHITECTURE §2 (workspace, organizations, users, sessions,
 * invitations, groups, memberships, access requests, audit log) and notifications, in the same SQLite file as the
 * rooms but through their own connection, so the rooms' Storage interface stays small.
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
  /** The async, dialect-neutral access new stores are written against (see db/sql.ts). */
  readonly sql: Sql;
  private readonly db: Database.Database;

  constructor(file: string, now: () => number) {
    this.db = configure(new Database(file));
    this.sql = new SqliteSql(this.db);
    this.organizations = new Organizations(this.db, now);
    this.users = new Users(this.db, now);
    this.sessions = new Sessions(this.db, this.users, now);
    this.groups = new Groups(this.db, this.users, now);
    this.invitations = new Invitations(this.db, now);
    this.accessRequests = new AccessRequests(this.db, now);
    this.audit = new AuditLog(this.db, now);
    this.notifications = new Notifications(this.db, now);
    this.clientIds = new ClientIds(this.db, now);
    this.versions = new Versions(this.db, now);
  }

  /** Runs `work` in one transaction: all its writes land, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
