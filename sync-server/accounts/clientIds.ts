/**
 * Who owns each Yjs client id of a room: the person (and session, standing for the device) whose
 * connection first wrote structs under it. Yjs trusts the client id written in an update, so
 * without this table any writer could add structs under a colleague's id while she is offline;
 * her own offline structs with the same clocks would then be discarded as duplicates, on the
 * server and in her copy. Kept in the database so a restart forgets nothing.
 *
 * An owner never changes once written, so owners are also kept in memory while their room is
 * loaded: a connection asks the database once per new client id (usually once per editing
 * session) and room load, never once per update.
 */
import type { Sql } from '../db/sql';

/** A client id of a room and the person who owns it, as the comparison names authors. */
export interface ClientAuthor {
  clientId: number;
  userId: string;
  name: string;
  organization: string;
}

/** Owners kept in memory; past this the oldest room's are forgotten (and asked again if written). */
const CACHED_OWNERS = 200_000;

export class ClientIds {
  /** Per room, each known client id's owner; a room's entry goes when the room is unloaded. */
  private readonly owners = new Map<string, Map<number, string>>();
  private cached = 0;

  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  /** Every client id written in `room`, with the name and organization of its owner. */
  authors(room: string): Promise<ClientAuthor[]> {
    return this.sql.all<ClientAuthor>(
      `SELECT c.client AS "clientId", c.user_id AS "userId", u.name AS name, o.name AS organization
         FROM client_ids c
         JOIN users u ON u.id = c.user_id
         JOIN organizations o ON o.id = u.organization_id
        WHERE c.room = ?
        ORDER BY c.client`,
      [room],
    );
  }

  /** The owner this process already knows, without asking the database; undefined if unknown. */
  knownOwner(room: string, client: number): string | undefined {
    return this.owners.get(room)?.get(client);
  }

  /** Forgets a room's owners (it left memory; the database still has them). */
  forgetRoom(room: string): void {
    this.cached -= this.owners.get(room)?.size ?? 0;
    this.owners.delete(room);
  }

  async owner(room: string, client: number): Promise<string | null> {
    const known = this.knownOwner(room, client);
    if (known !== undefined) return known;
    const row = await this.sql.get<{ user_id: string }>(
      'SELECT user_id FROM client_ids WHERE room = ? AND client = ?',
      [room, client],
    );
    if (row !== undefined) this.remember(room, client, row.user_id);
    return row?.user_id ?? null;
  }

  /**
   * Binds `client` to `userId` unless it is bound already, and returns its owner. The insert
   * does nothing when a row exists (the database's key decides between two writers, on one
   * server or several), and the owner is then read back.
   */
  async claim(room: string, client: number, userId: string, sessionId: string): Promise<string> {
    const known = this.knownOwner(room, client);
    if (known !== undefined) return known;
    await this.sql.run(
      `INSERT INTO client_ids (room, client, user_id, session_id, first_written_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (room, client) DO NOTHING`,
      [room, client, userId, sessionId, this.now()],
    );
    return (await this.owner(room, client)) ?? userId;
  }

  private remember(room: string, client: number, userId: string): void {
    if (this.cached >= CACHED_OWNERS) {
      const oldest = this.owners.keys().next().value;
      if (oldest !== undefined) this.forgetRoom(oldest);
    }
    let owners = this.owners.get(room);
    if (owners === undefined) {
      owners = new Map();
      this.owners.set(room, owners);
    }
    if (!owners.has(client)) this.cached++;
    owners.set(client, userId);
  }
}
