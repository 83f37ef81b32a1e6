/**
 * A Storage that forwards to a real SqliteStorage and lets a test see and steer commits: hold
 * them behind a gate, make them fail like a full disk, and read the order in which things happen.
 */
import { join } from 'node:path';
import { DATABASE_FILE } from '../../sync-server/server';
import { SqliteStorage } from '../../sync-server/storage/sqliteStorage';
import type { RoomSize, Storage } from '../../sync-server/storage/storage';

export class InstrumentedStorage implements Storage {
  readonly inner: SqliteStorage;
  readonly events: string[] = [];
  appendCalls = 0;
  failedAppends = 0;
  /** While true, appends throw SQLITE_FULL as a full disk would. */
  diskFull = false;
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;

  constructor(dataDir: string) {
    this.inner = new SqliteStorage(join(dataDir, DATABASE_FILE));
  }

  /** Holds every append until release() is called. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
    this.gate = null;
  }

  async loadUpdates(room: string): Promise<Uint8Array[]> {
    this.events.push(`load ${room}`);
    return this.inner.loadUpdates(room);
  }

  async appendUpdates(room: string, updates: readonly Uint8Array[]): Promise<void> {
    this.appendCalls++;
    this.events.push('append started');
    if (this.gate !== null) await this.gate;
    if (this.diskFull) {
      this.failedAppends++;
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    }
    await this.inner.appendUpdates(room, updates);
    this.events.push('append committed');
  }

  async compact(room: string): Promise<void> {
    await this.inner.compact(room);
    this.events.push(`compact ${room}`);
  }

  roomSizes(prefix: string): Promise<RoomSize[]> {
    return this.inner.roomSizes(prefix);
  }

  check(): Promise<void> {
    return this.inner.check();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
