/**
 * The schema of minka.sqlite, migrated forward by `PRAGMA user_version`. Rooms (SqliteStorage) and
 * accounts (AccountStore) open their own connection to the same file and both run this list, so
 * whichever opens first brings the file up to date and the other finds nothing left to do.
 * Step N brings the schema from user_version N to N + 1; steps are never edited once shipped.
 */
import type Database from 'better-sqlite3';

const ORGANIZATION_KINDS =
  "'mining_company', 'mets_supplier', 'academia', 'government_national', 'government_regional', " +
  "'government_local', 'association', 'other'";
const GROUP_ROLES = "'lead', 'editor', 'commenter', 'viewer'";

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE updates (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     room TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX updates_by_room ON updates (room, id);
   CREATE TABLE workspace (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL
   );
   CREATE TABLE working_groups (
     id TEXT PRIMARY KEY,
     workspace_id TEXT NOT NULL REFERENCES workspace (id),
     position INTEGER NOT NULL,
     name TEXT NOT NULL,
     purpose TEXT NOT NULL
   );`,
  // Accounts (issue 3). Secrets (passwords, session tokens, invitation codes) are stored only as
  // hashes; times are epoch milliseconds.
  `ALTER TABLE working_groups ADD COLUMN visibility TEXT NOT NULL DEFAULT 'listed'
     CHECK (visibility IN ('listed', 'private'));
   CREATE TABLE organizations (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL UNIQUE COLLATE NOCASE,
     kind TEXT NOT NULL CHECK (kind IN (${ORGANIZATION_KINDS})),
     created_at INTEGER NOT NULL
   );
   CREATE TABLE users (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE COLLATE NOCASE,
     name TEXT NOT NULL,
     organization_id TEXT NOT NULL REFERENCES organizations (id),
     workspace_role TEXT NOT NULL CHECK (workspace_role IN ('admin', 'member')),
     disabled INTEGER NOT NULL DEFAULT 0,
     password_hash TEXT NOT NULL,
     colour TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE memberships (
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     user_id TEXT NOT NULL REFERENCES users (id),
     role TEXT NOT NULL CHECK (role IN (${GROUP_ROLES})),
     created_at INTEGER NOT NULL,
     PRIMARY KEY (group_id, user_id)
   );
   CREATE INDEX memberships_by_user ON memberships (user_id);
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     token_hash BLOB NOT NULL UNIQUE,
     user_id TEXT NOT NULL REFERENCES users (id),
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     revoked_at INTEGER
   );
   CREATE INDEX sessions_by_user ON sessions (user_id);
   CREATE TABLE invitations (
     id TEXT PRIMARY KEY,
     code_hash BLOB NOT NULL UNIQUE,
     email TEXT NOT NULL,
     organization_id TEXT NOT NULL REFERENCES organizations (id),
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     role TEXT NOT NULL CHECK (role IN (${GROUP_ROLES})),
     invited_by TEXT NOT NULL REFERENCES users (id),
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     accepted_at INTEGER,
     accepted_by TEXT REFERENCES users (id),
     revoked_at INTEGER
   );
   CREATE INDEX invitations_by_group ON invitations (group_id);
   CREATE TABLE access_requests (
     id TEXT PRIMARY KEY,
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     user_id TEXT NOT NULL REFERENCES users (id),
     message TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined')),
     created_at INTEGER NOT NULL,
     decided_at INTEGER,
     decided_by TEXT REFERENCES users (id)
   );
   CREATE UNIQUE INDEX one_pending_request ON access_requests (group_id, user_id) WHERE status = 'pending';
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     action TEXT NOT NULL,
     actor_id TEXT,
     email TEXT,
     target_user_id TEXT,
     group_id TEXT,
     detail TEXT NOT NULL DEFAULT ''
   );`,
  // Client-id integrity (issue 9): the person (and session, i.e. device) that first wrote each
  // Yjs client id of a room; structs of that client id from anyone else are refused.
  `CREATE TABLE client_ids (
     room TEXT NOT NULL,
     client INTEGER NOT NULL,
     user_id TEXT NOT NULL,
     session_id TEXT NOT NULL,
     first_written_at INTEGER NOT NULL,
     PRIMARY KEY (room, client)
   ) WITHOUT ROWID;`,
];

export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(
        `La base de datos tiene el esquema ${version}, más nuevo que el de este servidor (${MIGRATIONS.length}): actualice Minka.`,
      );
    }
    for (let step = version; step < MIGRATIONS.length; step++) {
      db.exec(MIGRATIONS[step]!);
      db.pragma(`user_version = ${step + 1}`);
    }
  }).immediate();
}

/** Opens the database file with the settings every connection to it uses, migrated. */
export function configure(db: Database.Database): Database.Database {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // better-sqlite3 waits for a lock synchronously, on the event loop: a short wait keeps a lock
  // held by another process (a backup, npm run admin) from freezing the server; past it the
  // commit is retried with backoff and API calls answer 503 storage_unavailable.
  db.pragma('busy_timeout = 250');
  migrate(db);
  return db;
}
