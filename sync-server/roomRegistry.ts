/**
 * The rooms loaded in memory. Concurrent first connections to a room share one load; a room
 * with no connection and nothing left to commit is compacted and dropped after `idleUnloadMs`,
 * and a room whose document nothing used for `sleepAfterMs` (to 2 × that) lets its document go
 * while its connections stay (see room.ts).
 */
import type * as Y from 'yjs';
import { Room, type RoomOptions } from './room';

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Rooms whose load finished and that are not unloaded yet. */
  private readonly live = new Set<Room>();
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>();
  private readonly unloading = new Set<Promise<void>>();
  private readonly roomOptions: RoomOptions;
  private readonly sleepTimer: NodeJS.Timeout;
  private closed = false;

  constructor(
    options: Omit<RoomOptions, 'onIdle'>,
    private readonly idleUnloadMs: number,
    sleepAfterMs: number,
    /** Told of each room dropped from memory (caches kept per room let it go too). */
    private readonly onUnloaded: (name: string) => void = () => {},
  ) {
    this.roomOptions = { ...options, onIdle: (room) => this.scheduleUnload(room) };
    this.sleepTimer = setInterval(() => {
      for (const room of this.live) room.sleepIfUnused();
    }, sleepAfterMs);
    this.sleepTimer.unref();
  }

  /** The loaded room, reserved for a connection about to join it (or to be released). */
  async acquire(name: string): Promise<Room> {
    for (;;) {
      let loading = this.rooms.get(name);
      if (loading === undefined) {
        loading = Room.load(name, this.roomOptions);
        this.rooms.set(name, loading);
        const settled = loading;
        settled.then(
          (room) => this.live.add(room),
          () => {
            if (this.rooms.get(name) === settled) this.rooms.delete(name);
          },
        );
      }
      const room = await loading;
      if (room.unloaded) continue;
      this.cancelUnload(room);
      room.reserve();
      return room;
    }
  }

  /**
   * Writes to a room from the server itself (loading it if needed): the change reaches every
   * connected peer and is committed like a peer's update.
   */
  async write(name: string, change: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.acquire(name);
    try {
      change(await room.wake());
    } finally {
      room.release();
    }
  }

  /** Every room in memory, once those still loading have loaded (or failed to). */
  private async loaded(): Promise<Room[]> {
    const settled = await Promise.allSettled(this.rooms.values());
    return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  /** Rooms loaded now (metrics). */
  get loadedCount(): number {
    return this.live.size;
  }

  /** Loaded rooms that hold their document (metrics). */
  awakeCount(): number {
    let awake = 0;
    for (const room of this.live) if (room.awake) awake++;
    return awake;
  }

  /** Bytes received and not yet committed, over every loaded room (metrics). */
  unsavedBytes(): number {
    let total = 0;
    for (const room of this.live) total += room.unsavedBytes;
    return total;
  }

  /**
   * Commits everything pending in every room, with the rooms' connections still attached so they
   * receive their `saved` (a drain: the server stops after this).
   */
  async flushAll(): Promise<void> {
    const rooms = await this.loaded();
    await Promise.all(rooms.map((room) => room.flush()));
  }

  /** True while some room cannot commit to storage. */
  failing(): boolean {
    return [...this.live].some((room) => room.commitFailing);
  }

  private scheduleUnload(room: Room): void {
    if (this.closed) return;
    this.cancelUnload(room);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room);
      if (room.isIdle()) this.track(this.unload(room));
    }, this.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room, timer);
  }

  private cancelUnload(room: Room): void {
    const timer = this.idleTimers.get(room);
    if (timer !== undefined) clearTimeout(timer);
    this.idleTimers.delete(room);
  }

  private track(work: Promise<void>): void {
    this.unloading.add(work);
    void work.finally(() => this.unloading.delete(work));
  }

  /** Drops the room from memory first, so a new connection loads it afresh from storage. */
  private async unload(room: Room): Promise<void> {
    this.rooms.delete(room.name);
    this.live.delete(room);
    room.destroy();
    this.onUnloaded(room.name);
    await room.compact();
  }

  /** Commits and compacts every room, then drops them all (the server is stopping). */
  async closeAll(): Promise<void> {
    this.closed = true;
    clearInterval(this.sleepTimer);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = await this.loaded();
    await Promise.all(
      rooms.map(async (room) => {
        await room.flush();
        if (room.pendingCount > 0) {
          this.roomOptions.log(
            `ERROR: la sala ${room.name} se cierra con ${room.pendingCount} actualizaciones sin guardar; ` +
              'los clientes las conservan y las reenviarán al reconectarse.',
          );
        }
        this.rooms.delete(room.name);
        this.live.delete(room);
        room.destroy();
        if (room.pendingCount === 0) await room.compact();
      }),
    );
    await Promise.all(this.unloading);
  }
}
