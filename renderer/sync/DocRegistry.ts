/**
 * Opens each room once, however many views use it, and closes it when the last one lets go —
 * except that a room holding local changes the server has not saved stays open (and rooms
 * with such changes are reopened at start-up) until the server's `saved` vector covers them,
 * so nothing typed is stranded by closing its tab.
 */
import { roomsWithPendingChanges, type WorkspaceDexie } from '../storage/workspaceDb';
import { RoomConnection, type RoomStatus } from './RoomConnection';
import type { SocketCredential } from './ticketSocket';

export interface AppSyncStatus {
  connected: boolean;
  pending: number;
  /** Every open room received a `saved` vector on its current connection. */
  allSaved: boolean;
  rooms: number;
  /** Pending changes the server refused (read-only role); included in `pending`. */
  refused: number;
}

export interface DocRegistryOptions {
  db: WorkspaceDexie;
  wsBaseUrl: string;
  connect?: boolean;
  /** How long a room with no users and nothing pending stays open, so a quick reopen is free. */
  closeDelayMs?: number;
  /** A room socket's credential (a single-use sync ticket), asked for at every (re)connect. */
  credential?: SocketCredential;
  /** A room's socket was closed by the server or could not open (see RoomConnection). */
  onClose?: (room: string, code: number) => void;
}

interface Entry {
  connection: RoomConnection;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
  unsubscribe: () => void;
}

const EMPTY_STATUS: AppSyncStatus = {
  connected: false,
  pending: 0,
  allSaved: false,
  rooms: 0,
  refused: 0,
};

export class DocRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private status: AppSyncStatus = EMPTY_STATUS;
  private online: boolean;
  private readonly closeDelayMs: number;

  constructor(private readonly options: DocRegistryOptions) {
    this.online = typeof navigator === 'undefined' ? true : navigator.onLine;
    this.closeDelayMs = options.closeDelayMs ?? 2000;
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
  }

  /** The local database the rooms are stored in (also holds the outbox). */
  get db(): WorkspaceDexie {
    return this.options.db;
  }

  /** Reopens, in the background, every room with local changes the server has not saved. */
  async resumePending(): Promise<void> {
    for (const room of await roomsWithPendingChanges(this.options.db)) {
      if (!this.entries.has(room)) {
        this.acquire(room);
        this.release(room);
      }
    }
  }

  acquire(room: string): RoomConnection {
    let entry = this.entries.get(room);
    if (entry === undefined) {
      const connection = new RoomConnection(room, {
        db: this.options.db,
        wsBaseUrl: this.options.wsBaseUrl,
        online: this.online,
        connect: this.options.connect,
        credential: this.options.credential,
        onClose: (code) => this.options.onClose?.(room, code),
      });
      const created: Entry = {
        connection,
        refs: 0,
        closeTimer: null,
        unsubscribe: () => undefined,
      };
      created.unsubscribe = connection.subscribe(() => {
        this.maybeClose(room);
        this.recompute();
      });
      this.entries.set(room, created);
      entry = created;
      this.recompute();
    }
    if (entry.closeTimer !== null) clearTimeout(entry.closeTimer);
    entry.closeTimer = null;
    entry.refs += 1;
    return entry.connection;
  }

  release(room: string): void {
    const entry = this.entries.get(room);
    if (entry === undefined) return;
    entry.refs = Math.max(0, entry.refs - 1);
    this.maybeClose(room);
  }

  /** This person's local database (read-only uses: the sync panel lists pending changes). */
  database(): WorkspaceDexie {
    return this.options.db;
  }

  /** The open connection of a room, without holding it open. */
  peek(room: string): RoomConnection | null {
    return this.entries.get(room)?.connection ?? null;
  }

  /** Every room open now (in use, or waiting to close). */
  openRooms(): string[] {
    return [...this.entries.keys()];
  }

  isOpen(room: string): boolean {
    return this.entries.has(room);
  }

  refCount(room: string): number {
    return this.entries.get(room)?.refs ?? 0;
  }

  getStatus(): AppSyncStatus {
    return this.status;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reconnects every open room with fresh credentials (after signing in again). */
  reconnect(): void {
    for (const entry of this.entries.values()) entry.connection.reconnect();
  }

  async destroy(): Promise<void> {
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
    const closing = [...this.entries.values()].map((entry) => {
      if (entry.closeTimer !== null) clearTimeout(entry.closeTimer);
      entry.unsubscribe();
      return entry.connection.destroy();
    });
    this.entries.clear();
    this.listeners.clear();
    await Promise.all(closing);
  }

  private maybeClose(room: string): void {
    const entry = this.entries.get(room);
    if (entry === undefined || entry.refs > 0 || entry.closeTimer !== null) return;
    const status = entry.connection.getStatus();
    if (!status.loaded || status.pending > 0) return;
    entry.closeTimer = setTimeout(() => {
      entry.closeTimer = null;
      const current = entry.connection.getStatus();
      if (entry.refs > 0 || current.pending > 0 || this.entries.get(room) !== entry) return;
      this.entries.delete(room);
      entry.unsubscribe();
      void entry.connection.destroy();
      this.recompute();
    }, this.closeDelayMs);
  }

  private recompute(): void {
    const statuses: RoomStatus[] = [...this.entries.values()].map((e) => e.connection.getStatus());
    const next: AppSyncStatus = {
      connected: statuses.length > 0 ? statuses.some((s) => s.connected) : this.status.connected,
      pending: statuses.reduce((sum, s) => sum + s.pending, 0),
      allSaved: statuses.length > 0 && statuses.every((s) => s.savedReceived),
      rooms: statuses.length,
      refused: statuses.reduce((sum, s) => sum + s.refused, 0),
    };
    const prev = this.status;
    if (
      prev.connected === next.connected &&
      prev.pending === next.pending &&
      prev.allSaved === next.allSaved &&
      prev.rooms === next.rooms &&
      prev.refused === next.refused
    ) {
      return;
    }
    this.status = next;
    for (const listener of this.listeners) listener();
  }

  private readonly onOnline = (): void => {
    this.online = true;
    for (const entry of this.entries.values()) entry.connection.setOnline(true);
  };

  private readonly onOffline = (): void => {
    this.online = false;
    for (const entry of this.entries.values()) entry.connection.setOnline(false);
  };
}
