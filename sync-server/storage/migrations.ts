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
  // Notifications (issue 10): one row per person and event. `dedupe_key` names the event (a
  // comment's mention, a card's assignment ...), so an update delivered twice notifies once.
  `CREATE TABLE notifications (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id),
     dedupe_key TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('mention', 'reply', 'suggestion_accepted',
       'suggestion_rejected', 'card_assigned', 'access_request', 'invitation')),
     group_id TEXT NOT NULL,
     target_kind TEXT NOT NULL CHECK (target_kind IN ('doc', 'board', 'group')),
     target_id TEXT NOT NULL,
     thread_id TEXT,
     card_id TEXT,
     actor_id TEXT,
     actor_name TEXT NOT NULL DEFAULT '',
     excerpt TEXT NOT NULL DEFAULT '',
     created_at INTEGER NOT NULL,
     read_at INTEGER,
     UNIQUE (user_id, dedupe_key)
   );
   CREATE INDEX notifications_by_user ON notifications (user_id, created_at);`,
  // Versions and institutional sign-off (issue 11). A version is an encoded Yjs state, keyed by
  // the SHA-256 of those bytes; a sign-off and its answers are bound to that hash and, like the
  // versions themselves, can only be added to, never changed (the triggers refuse it).
  `CREATE TABLE versions (
     id TEXT PRIMARY KEY,
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     doc_id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('named', 'auto')),
     name TEXT NOT NULL,
     note TEXT NOT NULL DEFAULT '',
     author_id TEXT REFERENCES users (id),
     created_at INTEGER NOT NULL,
     state_vector BLOB NOT NULL,
     state BLOB NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE INDEX versions_by_doc ON versions (group_id, doc_id, created_at);
   CREATE TABLE signoffs (
     version_id TEXT PRIMARY KEY REFERENCES versions (id),
     hash TEXT NOT NULL,
     rule TEXT NOT NULL CHECK (rule IN ('all', 'two_thirds', 'majority')),
     deadline INTEGER NOT NULL,
     requested_by TEXT NOT NULL REFERENCES users (id),
     requested_at INTEGER NOT NULL,
     outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'approved', 'rejected')),
     decided_at INTEGER
   );
   CREATE TABLE signoff_organizations (
     version_id TEXT NOT NULL REFERENCES signoffs (version_id),
     organization_id TEXT NOT NULL REFERENCES organizations (id),
     PRIMARY KEY (version_id, organization_id)
   );
   CREATE TABLE signoff_answers (
     version_id TEXT NOT NULL,
     organization_id TEXT NOT NULL,
     answer TEXT NOT NULL CHECK (answer IN ('approve', 'approve_with_observations', 'object')),
     text TEXT NOT NULL DEFAULT '',
     user_id TEXT NOT NULL REFERENCES users (id),
     answered_at INTEGER NOT NULL,
     PRIMARY KEY (version_id, organization_id),
     FOREIGN KEY (version_id, organization_id)
       REFERENCES signoff_organizations (version_id, organization_id)
   );
   CREATE TRIGGER versions_are_frozen BEFORE UPDATE ON versions
     BEGIN SELECT RAISE(ABORT, 'versions cannot be changed'); END;
   CREATE TRIGGER signoff_answers_are_final BEFORE UPDATE ON signoff_answers
     BEGIN SELECT RAISE(ABORT, 'sign-off answers cannot be changed'); END;
   CREATE TRIGGER signoff_answers_are_kept BEFORE DELETE ON signoff_answers
     BEGIN SELECT RAISE(ABORT, 'sign-off answers cannot be deleted'); END;
   CREATE TRIGGER signoff_decided_once BEFORE UPDATE ON signoffs
     WHEN OLD.outcome <> 'pending' OR NEW.hash <> OLD.hash OR NEW.rule <> OLD.rule
       OR NEW.deadline <> OLD.deadline
     BEGIN SELECT RAISE(ABORT, 'a decided sign-off cannot be changed'); END;`,
  // Governance register, regulatory base and missions (issue 15). Portable SQL (see db/sql.ts);
  // the triggers are SQLite's guard that approved minutes' agreements and votes never change
  // (the store refuses first, with 409 agreement_locked).
  `CREATE TABLE gov_bodies (
     group_id TEXT PRIMARY KEY REFERENCES working_groups (id),
     rule TEXT NOT NULL DEFAULT 'majority' CHECK (rule IN ('all', 'two_thirds', 'majority')),
     quorum TEXT NOT NULL DEFAULT 'majority' CHECK (quorum IN ('all', 'two_thirds', 'majority')),
     board_id TEXT
   );
   CREATE TABLE gov_meetings (
     id TEXT PRIMARY KEY,
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     title TEXT NOT NULL,
     starts_at BIGINT NOT NULL,
     place TEXT NOT NULL DEFAULT '',
     link TEXT NOT NULL DEFAULT '',
     agenda TEXT NOT NULL DEFAULT '[]',
     minutes_doc_id TEXT,
     approved_at BIGINT,
     approved_by TEXT REFERENCES users (id),
     created_by TEXT NOT NULL REFERENCES users (id),
     created_at BIGINT NOT NULL
   );
   CREATE INDEX gov_meetings_by_group ON gov_meetings (group_id, starts_at);
   CREATE TABLE gov_meeting_organizations (
     meeting_id TEXT NOT NULL REFERENCES gov_meetings (id),
     organization_id TEXT NOT NULL REFERENCES organizations (id),
     PRIMARY KEY (meeting_id, organization_id)
   );
   CREATE TABLE gov_agreements (
     id TEXT PRIMARY KEY,
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     number BIGINT NOT NULL,
     meeting_id TEXT REFERENCES gov_meetings (id),
     mission_id TEXT,
     title TEXT NOT NULL,
     text TEXT NOT NULL DEFAULT '',
     responsible_org_id TEXT REFERENCES organizations (id),
     due_date TEXT,
     corrects_id TEXT REFERENCES gov_agreements (id),
     correction_reason TEXT NOT NULL DEFAULT '',
     created_by TEXT NOT NULL REFERENCES users (id),
     created_at BIGINT NOT NULL,
     UNIQUE (group_id, number)
   );
   CREATE INDEX gov_agreements_by_meeting ON gov_agreements (meeting_id);
   CREATE TABLE gov_votes (
     agreement_id TEXT NOT NULL REFERENCES gov_agreements (id),
     organization_id TEXT NOT NULL REFERENCES organizations (id),
     vote TEXT NOT NULL CHECK (vote IN ('for', 'against', 'abstain', 'absent')),
     recorded_by TEXT NOT NULL REFERENCES users (id),
     recorded_at BIGINT NOT NULL,
     PRIMARY KEY (agreement_id, organization_id)
   );
   CREATE TABLE gov_action_items (
     agreement_id TEXT NOT NULL REFERENCES gov_agreements (id),
     card_id TEXT NOT NULL,
     board_id TEXT NOT NULL,
     title TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     PRIMARY KEY (agreement_id, card_id)
   );
   CREATE TRIGGER gov_agreements_locked BEFORE UPDATE ON gov_agreements
     WHEN (SELECT approved_at FROM gov_meetings WHERE id = OLD.meeting_id) IS NOT NULL
     BEGIN SELECT RAISE(ABORT, 'agreements of approved minutes cannot be changed'); END;
   CREATE TRIGGER gov_votes_locked_update BEFORE UPDATE ON gov_votes
     WHEN (SELECT m.approved_at FROM gov_agreements a JOIN gov_meetings m ON m.id = a.meeting_id
           WHERE a.id = OLD.agreement_id) IS NOT NULL
     BEGIN SELECT RAISE(ABORT, 'votes of approved minutes cannot be changed'); END;
   CREATE TRIGGER gov_votes_locked_delete BEFORE DELETE ON gov_votes
     WHEN (SELECT m.approved_at FROM gov_agreements a JOIN gov_meetings m ON m.id = a.meeting_id
           WHERE a.id = OLD.agreement_id) IS NOT NULL
     BEGIN SELECT RAISE(ABORT, 'votes of approved minutes cannot be changed'); END;
   CREATE TABLE reg_regulations (
     id TEXT PRIMARY KEY,
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     kind TEXT NOT NULL,
     number TEXT NOT NULL,
     title TEXT NOT NULL,
     issuer TEXT NOT NULL,
     in_force INTEGER NOT NULL DEFAULT 1,
     valid_from TEXT,
     url TEXT NOT NULL DEFAULT '',
     created_by TEXT NOT NULL REFERENCES users (id),
     created_at BIGINT NOT NULL
   );
   CREATE TABLE reg_articles (
     id TEXT PRIMARY KEY,
     regulation_id TEXT NOT NULL REFERENCES reg_regulations (id),
     number TEXT NOT NULL,
     heading TEXT NOT NULL DEFAULT '',
     position BIGINT NOT NULL
   );
   CREATE INDEX reg_articles_by_regulation ON reg_articles (regulation_id, position);
   CREATE TABLE reg_cases (
     id TEXT PRIMARY KEY,
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     organization_id TEXT NOT NULL REFERENCES organizations (id),
     reported_by TEXT NOT NULL REFERENCES users (id),
     title TEXT NOT NULL,
     procedure_name TEXT NOT NULL DEFAULT '',
     description TEXT NOT NULL DEFAULT '',
     days_lost BIGINT NOT NULL DEFAULT 0,
     cost BIGINT NOT NULL DEFAULT 0,
     evidence TEXT NOT NULL DEFAULT '[]',
     confidential INTEGER NOT NULL DEFAULT 0,
     created_at BIGINT NOT NULL
   );
   CREATE INDEX reg_cases_by_group ON reg_cases (group_id, created_at);
   CREATE TABLE reg_case_articles (
     case_id TEXT NOT NULL REFERENCES reg_cases (id),
     article_id TEXT NOT NULL REFERENCES reg_articles (id),
     PRIMARY KEY (case_id, article_id)
   );
   CREATE INDEX reg_case_articles_by_article ON reg_case_articles (article_id);
   CREATE TABLE reg_proposals (
     doc_id TEXT PRIMARY KEY,
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     title TEXT NOT NULL,
     addressee TEXT NOT NULL DEFAULT '',
     sent_at BIGINT,
     sent_by TEXT REFERENCES users (id),
     created_by TEXT NOT NULL REFERENCES users (id),
     created_at BIGINT NOT NULL
   );
   CREATE TABLE reg_proposal_citations (
     doc_id TEXT NOT NULL REFERENCES reg_proposals (doc_id),
     target_kind TEXT NOT NULL CHECK (target_kind IN ('article', 'case')),
     target_id TEXT NOT NULL,
     PRIMARY KEY (doc_id, target_kind, target_id)
   );
   CREATE TABLE mis_missions (
     id TEXT PRIMARY KEY,
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     title TEXT NOT NULL,
     destination TEXT NOT NULL,
     starts_on TEXT NOT NULL,
     ends_on TEXT NOT NULL,
     objectives TEXT NOT NULL DEFAULT '',
     budget BIGINT NOT NULL DEFAULT 0,
     currency TEXT NOT NULL DEFAULT 'USD',
     lessons TEXT NOT NULL DEFAULT '',
     created_by TEXT NOT NULL REFERENCES users (id),
     created_at BIGINT NOT NULL
   );
   CREATE TABLE mis_participants (
     mission_id TEXT NOT NULL REFERENCES mis_missions (id),
     organization_id TEXT NOT NULL REFERENCES organizations (id),
     status TEXT NOT NULL CHECK (status IN ('applied', 'selected', 'confirmed', 'declined')),
     motivation TEXT NOT NULL DEFAULT '',
     applied_by TEXT NOT NULL REFERENCES users (id),
     updated_at BIGINT NOT NULL,
     PRIMARY KEY (mission_id, organization_id)
   );
   CREATE TABLE mis_agenda (
     id TEXT PRIMARY KEY,
     mission_id TEXT NOT NULL REFERENCES mis_missions (id),
     day_on TEXT NOT NULL,
     at_time TEXT NOT NULL DEFAULT '',
     kind TEXT NOT NULL CHECK (kind IN ('visit', 'workshop', 'meeting', 'contact')),
     title TEXT NOT NULL,
     place TEXT NOT NULL DEFAULT '',
     contact TEXT NOT NULL DEFAULT ''
   );
   CREATE INDEX mis_agenda_by_mission ON mis_agenda (mission_id, day_on, at_time);`,
  // The open-innovation program (issue 14): server-authoritative records written through `Sql`
  // (portable SQL: TEXT ids, BIGINT epoch ms, INTEGER 0/1). Co-written text lives in documents.
  `CREATE TABLE innovation_programs (
     id TEXT PRIMARY KEY,
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     name TEXT NOT NULL,
     board_id TEXT,
     created_by TEXT NOT NULL REFERENCES users (id),
     created_at BIGINT NOT NULL
   );
   CREATE TABLE innovation_challenges (
     id TEXT PRIMARY KEY,
     program_id TEXT NOT NULL REFERENCES innovation_programs (id),
     title TEXT NOT NULL,
     company_id TEXT NOT NULL REFERENCES organizations (id),
     operation TEXT NOT NULL,
     area TEXT NOT NULL,
     problem TEXT NOT NULL,
     current_practice TEXT NOT NULL,
     constraints_text TEXT NOT NULL,
     expected_impact TEXT NOT NULL,
     indicators TEXT NOT NULL,
     data_access TEXT NOT NULL,
     confidentiality TEXT NOT NULL CHECK (confidentiality IN ('workspace', 'program')),
     status TEXT NOT NULL CHECK (status IN ('filed', 'published', 'merged')),
     merged_into TEXT,
     doc_id TEXT NOT NULL,
     card_id TEXT,
     filed_by TEXT NOT NULL REFERENCES users (id),
     filed_at BIGINT NOT NULL,
     published_at BIGINT
   );
   CREATE INDEX innovation_challenges_by_program ON innovation_challenges (program_id);
   CREATE TABLE innovation_calls (
     id TEXT PRIMARY KEY,
     program_id TEXT NOT NULL REFERENCES innovation_programs (id),
     title TEXT NOT NULL,
     description TEXT NOT NULL,
     eligible_kinds TEXT NOT NULL,
     consortium_required INTEGER NOT NULL,
     exclude_company_evaluators INTEGER NOT NULL,
     questions_until BIGINT NOT NULL,
     submissions_until BIGINT NOT NULL,
     evaluation_until BIGINT NOT NULL,
     closed_at BIGINT,
     opened_by TEXT NOT NULL REFERENCES users (id),
     opened_at BIGINT NOT NULL
   );
   CREATE TABLE innovation_call_challenges (
     call_id TEXT NOT NULL REFERENCES innovation_calls (id),
     challenge_id TEXT NOT NULL REFERENCES innovation_challenges (id),
     position INTEGER NOT NULL,
     PRIMARY KEY (call_id, challenge_id)
   );
   CREATE TABLE innovation_criteria (
     id TEXT PRIMARY KEY,
     call_id TEXT NOT NULL REFERENCES innovation_calls (id),
     position INTEGER NOT NULL,
     name TEXT NOT NULL,
     weight INTEGER NOT NULL
   );
   CREATE TABLE innovation_questions (
     id TEXT PRIMARY KEY,
     call_id TEXT NOT NULL REFERENCES innovation_calls (id),
     text TEXT NOT NULL,
     asked_by TEXT NOT NULL REFERENCES users (id),
     asked_at BIGINT NOT NULL,
     answer TEXT,
     answered_by TEXT REFERENCES users (id),
     answered_at BIGINT
   );
   CREATE TABLE innovation_proposals (
     id TEXT PRIMARY KEY,
     call_id TEXT NOT NULL REFERENCES innovation_calls (id),
     challenge_id TEXT NOT NULL REFERENCES innovation_challenges (id),
     title TEXT NOT NULL,
     group_id TEXT NOT NULL REFERENCES working_groups (id),
     doc_id TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'late', 'selected')),
     created_by TEXT NOT NULL REFERENCES users (id),
     created_at BIGINT NOT NULL,
     submitted_at BIGINT,
     prepared_at BIGINT,
     version_id TEXT,
     hash TEXT,
     consortium_orgs TEXT
   );
   CREATE INDEX innovation_proposals_by_call ON innovation_proposals (call_id);
   CREATE TABLE innovation_evaluators (
     call_id TEXT NOT NULL REFERENCES innovation_calls (id),
     user_id TEXT NOT NULL REFERENCES users (id),
     assigned_by TEXT NOT NULL REFERENCES users (id),
     assigned_at BIGINT NOT NULL,
     PRIMARY KEY (call_id, user_id)
   );
   CREATE TABLE innovation_conflicts (
     proposal_id TEXT NOT NULL REFERENCES innovation_proposals (id),
     user_id TEXT NOT NULL REFERENCES users (id),
     reason TEXT NOT NULL CHECK (reason IN ('consortium', 'company', 'declared')),
     note TEXT NOT NULL,
     declared_at BIGINT NOT NULL,
     PRIMARY KEY (proposal_id, user_id)
   );
   CREATE TABLE innovation_scores (
     proposal_id TEXT NOT NULL REFERENCES innovation_proposals (id),
     evaluator_id TEXT NOT NULL REFERENCES users (id),
     criterion_id TEXT NOT NULL REFERENCES innovation_criteria (id),
     score INTEGER NOT NULL,
     justification TEXT NOT NULL,
     scored_at BIGINT NOT NULL,
     PRIMARY KEY (proposal_id, evaluator_id, criterion_id)
   );
   CREATE TABLE innovation_projects (
     id TEXT PRIMARY KEY,
     program_id TEXT NOT NULL REFERENCES innovation_programs (id),
     proposal_id TEXT NOT NULL UNIQUE REFERENCES innovation_proposals (id),
     title TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('piloto', 'escalamiento', 'cerrado')),
     region TEXT NOT NULL,
     budget BIGINT NOT NULL,
     score_hundredths BIGINT,
     board_id TEXT,
     created_by TEXT NOT NULL REFERENCES users (id),
     created_at BIGINT NOT NULL
   );
   CREATE TABLE innovation_cofinancing (
     project_id TEXT NOT NULL REFERENCES innovation_projects (id),
     organization_id TEXT NOT NULL REFERENCES organizations (id),
     amount BIGINT NOT NULL,
     PRIMARY KEY (project_id, organization_id)
   );
   CREATE TABLE innovation_indicators (
     id TEXT PRIMARY KEY,
     project_id TEXT NOT NULL REFERENCES innovation_projects (id),
     position INTEGER NOT NULL,
     name TEXT NOT NULL,
     unit TEXT NOT NULL,
     target DOUBLE PRECISION NOT NULL,
     reported DOUBLE PRECISION
   );`,
];

/** The schema version this server writes; PostgreSQL's list (db/postgresMigrations.ts) matches it. */
export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

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
