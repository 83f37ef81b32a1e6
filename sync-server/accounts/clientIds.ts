/**
 * Who owns each Yjs client id of a room: the person (and session, standing for the device) whose
 * connection first wrote structs under it. Yjs trusts the client id written in an update, so
 * without this table any writer could add structs under a colleague's id while she is offline;
 * her own offline structs with the same clocks would then be discarded as duplicates, on the
 * server and in her copy. Kept in SQLite so a restart forgets nothing.
 */
import type Database from 'better-sqlite3';

/** A client id of a room and the person who owns it, as the comparison names authors. */
export interface ClientAuthor {
  clientId: number;
  userId: string;
  name: string;
  organization: string;
}

export class ClientIds {
  private readonly ownerOf: Database.Statement<[string, number], { user_id: string }>;
  private readonly insert: Database.Statement<[string, number, string, string, number]>;
  private readonly authorsOf: Database.Statement<[string], ClientAuthor>;

  constructor(
    db: Database.Database,
    private readonly now: () => number,
  ) {
    this.ownerOf = db.prepare('SELECT user_id FROM client_ids WHERE room = ? AND client = ?');
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO client_ids (room, client, user_id, session_id, first_written_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.authorsOf = db.prepare(
      `SELECT c.client AS clientId, c.user_id AS userId, u.name AS name, o.name AS organization
         FROM client_ids c
         JOIN users u ON u.id = c.user_id
         JOIN organizations o ON o.id = u.organization_id
        WHERE c.room = ?
        ORDER BY c.client`,
    );
  }

  /** Every client id written in `room`, with the name and organization of its owner. */
  authors(room: string): ClientAuthor[] {
    return this.authorsOf.all(room);
  }

  owner(room: string, client: number): string | null {
    return this.ownerOf.get(room, client)?.user_id ?? null;
  }

  /**
   * Binds `client` to `userId` unless it is bound already, and returns its owner. The insert and
   * the read run on one connection with no await between them, so two writers cannot both win.
   */
  claim(room: string, client: number, userId: string, sessionId: string): string {
    this.insert.run(room, client, userId, sessionId, this.now());
    return this.owner(room, client) ?? userId;
  }
}
