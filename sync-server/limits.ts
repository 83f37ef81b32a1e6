/**
 * Bounds on what a sync connection may make the server hold, measured on what a message decodes
 * to and not only on its bytes: a few MiB of tiny items, deletions over clocks nobody wrote, or
 * awareness entries for a million client ids each cost the server hundreds of MiB once decoded.
 * Every bound refuses with a close code that says why (shared/protocol/messages.ts) and only
 * the offending connection is closed. docs/architecture.md lists the defaults and why each is safe
 * for real editing.
 */
export interface SyncLimits {
  /** Structs (items, GCs) one update may carry; a whole real document is far below it. */
  maxStructsPerUpdate: number;
  /** Deleted ranges one update may carry. */
  maxDeleteRangesPerUpdate: number;
  /** Structs a room may hold in memory; past it writes are refused with CloseCode.roomFull. */
  maxRoomStructs: number;
  /** Awareness entries in one frame (a client sends one: its own state). */
  maxAwarenessEntriesPerFrame: number;
  /** Awareness client ids one writable connection may introduce (read-only: one, its own caret). */
  maxAwarenessClientsPerConnection: number;
  /** Characters of one awareness state (its JSON) (name, colour, caret, open card). */
  maxAwarenessStateChars: number;
  /** Bytes queued to a socket above which the server stops reading from it until it drains. */
  pauseReadingAboveBytes: number;
  /** Bytes queued to a socket above which it is dropped: its client reads nothing and resyncs later. */
  dropAboveBytes: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxStructsPerUpdate: 100_000,
  maxDeleteRangesPerUpdate: 100_000,
  maxRoomStructs: 1_000_000,
  maxAwarenessEntriesPerFrame: 8,
  maxAwarenessClientsPerConnection: 4,
  maxAwarenessStateChars: 16 * 1024,
  pauseReadingAboveBytes: 4 * 1024 * 1024,
  dropAboveBytes: 64 * 1024 * 1024,
};
