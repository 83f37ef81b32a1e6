/**
 * One open room: its Y.Doc, the IndexedDB persistence that fills it first, and the WebSocket
 * provider started only after the local state is applied. Publishes a plain status snapshot
 * for the sync indicators.
 *
 * The room is migrated to this build's schema (shared/ydoc/schema.ts) once the local copy is
 * loaded and before `loaded` turns true, so no view ever reads an old schema; a room that had
 * nothing local is migrated when the server's copy arrives. A room written by a newer Minka is
 * `schema: 'tooNew'` (views go read-only and ask to update Minka); a server older than this
 * build closes with CloseCode.schemaTooNew and the room is `serverTooOld` (changes stay here).
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/messages';
import { parseRoom, type RoomKind } from '../../shared/protocol/rooms';
import { migrateRoom, SCHEMA_VERSIONS, storedSchemaVersion } from '../../shared/ydoc/schema';
import { DexiePersistence } from '../storage/DexiePersistence';
import type { WorkspaceDexie } from '../storage/workspaceDb';
import { onSavedMessage, onWriteRefused } from './savedMessage';
import { ticketSocket, type SocketCredential } from './ticketSocket';

export interface RoomStatus {
  loaded: boolean;
  connected: boolean;
  pending: number;
  /** A `saved` message arrived on the current connection. */
  savedReceived: boolean;
  /** Pending changes the server refused on this connection (the person's role is read-only). */
  refused: number;
  /** `tooNew`: written by a newer Minka (read-only here); `serverTooOld`: the server refused us. */
  schema: RoomSchema;
}

export type RoomSchema = 'current' | 'tooNew' | 'serverTooOld';

export interface RoomConnectionOptions {
  db: WorkspaceDexie;
  wsBaseUrl: string;
  online: boolean;
  /** Lets tests run without a network. */
  connect?: boolean;
  /**
   * The socket's credential (a single-use sync ticket), asked for before every connection
   * attempt; without it the socket carries no credential.
   */
  credential?: SocketCredential;
  /** The WebSocket class under the ticket socket (Node tests pass `ws`). */
  WebSocket?: typeof WebSocket;
  /** The server closed the socket; 1006 also when the upgrade was refused (401/403) or unreachable. */
  onClose?: (code: number) => void;
}

export class RoomConnection {
  readonly doc = new Y.Doc();
  readonly persistence: DexiePersistence;
  provider: WebsocketProvider | null = null;
  private status: RoomStatus = {
    loaded: false,
    connected: false,
    pending: 0,
    savedReceived: false,
    refused: 0,
    schema: 'current',
  };
  private schema: RoomSchema = 'current';
  /** Nothing was stored locally: migrate once the server's copy has arrived. */
  private migrateOnSync = false;
  private readonly kind: RoomKind | null;
  private readonly listeners = new Set<() => void>();
  private savedReceived = false;
  private writeRefused = false;
  private started = false;
  private wantOnline: boolean;
  private destroyed = false;

  constructor(
    readonly room: string,
    private readonly options: RoomConnectionOptions,
  ) {
    this.wantOnline = options.online;
    this.kind = parseRoom(room)?.kind ?? null;
    this.persistence = new DexiePersistence(options.db, room, this.doc, {
      isRemoteOrigin: (origin) => origin instanceof WebsocketProvider,
    });
    this.persistence.subscribe(this.refresh);
    void this.persistence.whenLoaded.then(() => {
      if (this.destroyed) return;
      this.migrate();
      if (options.connect !== false) this.startProvider();
      this.started = true;
      this.refresh();
    });
  }

  getStatus(): RoomStatus {
    return this.status;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setOnline(online: boolean): void {
    this.wantOnline = online;
    if (this.provider === null) return;
    if (online) this.provider.connect();
    else this.provider.disconnect();
  }

  /** Connects again with a fresh credential, e.g. after the person signed in again. */
  reconnect(): void {
    if (this.provider === null) return;
    this.provider.disconnect();
    if (this.wantOnline) this.provider.connect();
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    this.listeners.clear();
    this.provider?.destroy();
    await this.persistence.destroy();
    this.doc.destroy();
  }

  private startProvider(): void {
    const provider = new WebsocketProvider(`${this.options.wsBaseUrl}/sync`, this.room, this.doc, {
      connect: this.wantOnline,
      params: this.params(),
      // No BroadcastChannel between tabs: the desktop app has one window, and two browser tabs
      // of one profile converge through the server like any two clients (offline, at the next
      // connection; a reload reads the other tab's edits from IndexedDB). Posting every update
      // to the channel was a third of y-websocket's work per keystroke.
      disableBc: true,
      WebSocketPolyfill: ticketSocket(
        this.options.credential ?? (() => Promise.resolve({})),
        this.options.WebSocket,
      ),
    });
    provider.on('connection-close', (event) => {
      if (event === null) return;
      if (event.code === CloseCode.serviceRestart) {
        // The instance is draining after committing everything (a deploy): reconnect now, to
        // another instance, not after y-websocket's backoff. A short random spread keeps a
        // thousand clients from arriving in the same millisecond.
        setTimeout(() => {
          if (this.destroyed || !this.wantOnline || this.provider !== provider) return;
          provider.wsUnsuccessfulReconnects = 0;
          provider.connect();
        }, Math.random() * 250);
      }
      if (event.code === CloseCode.schemaTooNew) {
        this.schema = 'serverTooOld';
        this.refresh();
      }
      this.options.onClose?.(event.code);
    });
    provider.on('sync', (synced) => {
      if (synced && this.migrateOnSync) this.migrate();
    });
    // A newer Minka may write the room while it is open: stop writing as soon as that arrives.
    this.doc.on('update', (_update, origin) => {
      if (origin !== provider || this.schema === 'tooNew' || this.kind === null) return;
      if (storedSchemaVersion(this.doc) > SCHEMA_VERSIONS[this.kind]) {
        this.schema = 'tooNew';
        this.refresh();
      }
    });
    onSavedMessage(provider, (message) => {
      this.savedReceived = true;
      void this.persistence.markSaved(message);
      this.refresh();
    });
    onWriteRefused(provider, () => {
      this.writeRefused = true;
      this.refresh();
    });
    provider.on('status', ({ status }) => {
      if (status !== 'connected') {
        this.savedReceived = false;
        this.writeRefused = false;
      }
      this.refresh();
    });
    this.provider = provider;
  }

  /** The socket's query besides its credential: the schema version this build writes. */
  private params(): Record<string, string> {
    return this.kind === null ? {} : { schema: String(SCHEMA_VERSIONS[this.kind]) };
  }

  private migrate(): void {
    if (this.kind === null) return;
    const check = migrateRoom(this.kind, this.doc);
    this.migrateOnSync = check === 'empty';
    if (check === 'tooNew') this.schema = 'tooNew';
    this.refresh();
  }

  private readonly refresh = (): void => {
    const persisted = this.persistence.getStatus();
    const next: RoomStatus = {
      loaded: persisted.loaded && this.started,
      connected: this.provider?.wsconnected ?? false,
      pending: persisted.pending,
      savedReceived: this.savedReceived,
      refused: this.writeRefused ? persisted.pending : 0,
      schema: this.schema,
    };
    const prev = this.status;
    if (
      prev.loaded === next.loaded &&
      prev.connected === next.connected &&
      prev.pending === next.pending &&
      prev.savedReceived === next.savedReceived &&
      prev.refused === next.refused &&
      prev.schema === next.schema
    ) {
      return;
    }
    this.status = next;
    for (const listener of this.listeners) listener();
  };
}
