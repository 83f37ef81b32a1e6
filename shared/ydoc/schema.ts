/**
 * Schema versions and migrations of every room kind, in one place for the two callers:
 *
 * - the client migrates a room each time it opens it, once the local copy is loaded (and, for a
 *   room that had nothing local, once the server's copy arrived) and before any view reads it,
 *   so an old document meets the current readers already upgraded;
 * - the server never rewrites content: it only refuses a client whose schema is newer than the
 *   one it was built with (it could not check or relay that schema for older clients safely).
 *
 * A room whose stored version is newer than this build knows is `tooNew`: the client shows it
 * read-only with "actualice Minka" and writes nothing, not even a migration.
 */
import type * as Y from 'yjs';
import type { RoomKind } from '../protocol/rooms';
import { BOARD_SCHEMA_VERSION, migrateBoard } from './boardDoc';
import { DOCUMENT_SCHEMA_VERSION, migrateDocument } from './documentDoc';
import { GROUP_INDEX_SCHEMA_VERSION, migrateGroupIndex } from './groupIndexDoc';
import { THREADS_SCHEMA_VERSION, migrateThreads } from './threadsDoc';

/** The newest schema this build reads and writes, per room kind. */
export const SCHEMA_VERSIONS: Readonly<Record<RoomKind, number>> = {
  index: GROUP_INDEX_SCHEMA_VERSION,
  doc: DOCUMENT_SCHEMA_VERSION,
  board: BOARD_SCHEMA_VERSION,
  threads: THREADS_SCHEMA_VERSION,
};

const MIGRATIONS: Readonly<Record<RoomKind, ((doc: Y.Doc) => void) | null>> = {
  index: migrateGroupIndex,
  doc: migrateDocument,
  board: migrateBoard,
  threads: migrateThreads,
};

/** The version a room's content says it was written with; 0 when it says none. */
export function storedSchemaVersion(doc: Y.Doc): number {
  // Every schema keeps its version in the `meta` map; reading it creates nothing.
  const version = doc.share.has('meta') ? doc.getMap<unknown>('meta').get('schemaVersion') : 0;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

export type SchemaCheck = 'current' | 'migrated' | 'empty' | 'tooNew';

/**
 * Brings a room's content up to this build's schema (idempotent). An empty room is left alone:
 * writing a version into it before the server's copy arrives could outvote a newer one.
 */
export function migrateRoom(kind: RoomKind, doc: Y.Doc): SchemaCheck {
  const stored = storedSchemaVersion(doc);
  if (stored > SCHEMA_VERSIONS[kind]) return 'tooNew';
  if (isEmpty(doc)) return 'empty';
  const migrate = MIGRATIONS[kind];
  if (migrate === null || stored === SCHEMA_VERSIONS[kind]) return 'current';
  migrate(doc);
  return 'migrated';
}

function isEmpty(doc: Y.Doc): boolean {
  return doc.store.clients.size === 0;
}
