/**
 * One open room: its Y.Doc, the IndexedDB persistence that fills it first, and the WebSocket
 * provider started only after the local state is applied. Publishes a plain status snapshot
 * for the sync indicators.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DexiePersistence } from '../storage/DexiePersistence';
import type { WorkspaceDexie } from '../storage/workspaceDb';
import { onSavedMessage, onWriteRefused } from './savedMessage';

export interface RoomStatus {
  loaded: boolean;
  connected: boolean;
  pending: number;
  /** A `saved` message arrived on the current connection. */
  savedReceived: boolean;
  /** Pending changes the server refused on this connection (the person's role is read-only). */
  refused: number;
}

export interface RoomConnectionOptions {
  db: WorkspaceDexie;
  wsBaseUrl: string;
  online: boolean;
  /** Lets tests run without a network. */
  connect?: boolean;
  /** Query parameters of the socket URL (the session token), read at start and on reconnect(). */
  params?: () => Record<string, string>;
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
  };
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
    this.persistence = new DexiePersistence(options.db, room, this.doc, {
      isRemoteOrigin: (origin) => origin instanceof WebsocketProvider,
    });
    this.persistence.subscribe(this.refresh);
    void this.persistence.whenLoaded.then(() => {
      if (this.destroyed) return;
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

  /** Connects again with fresh params, e.g. a new token after the person signed in again. */
  reconnect(): void {
    if (this.provider === null) return;
    this.provider.params = this.options.params?.() ?? {};
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
      params: this.options.params?.() ?? {},
    });
    provider.on('connection-close', (event) => {
      if (event !== null) this.options.onClose?.(event.code);
    });
    onSavedMessage(provider, (message) => {
      void this.persistence.markSaved(message).then(() => {
        this.savedReceived = true;
        this.refresh();
      });
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

  private readonly refresh = (): void => {
    const persisted = this.persistence.getStatus();
    const next: RoomStatus = {
      loaded: persisted.loaded && this.started,
      connected: this.provider?.wsconnected ?? false,
      pending: persisted.pending,
      savedReceived: this.savedReceived,
      refused: this.writeRefused ? persisted.pending : 0,
    };
    const prev = this.status;
    if (
      prev.loaded === next.loaded &&
      prev.connected === next.connected &&
      prev.pending === next.pending &&
      prev.savedReceived === next.savedReceived &&
      prev.refused === next.refused
    ) {
      return;
    }
    this.status = next;
    for (const listener of this.listeners) listener();
  };
}
