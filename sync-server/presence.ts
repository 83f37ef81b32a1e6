/**
 * Awareness as the server relays it: a connection may only speak for the awareness client ids it
 * introduced (not for one another connection already owns), and the `user` of every state it
 * sends is replaced by the name, organization and colour of its session. A client can therefore
 * neither impersonate someone's caret nor remove it, nor pick its own name.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { PresenceUser } from '../shared/model/accounts';
import { UpdateLimitError } from './updateScan';

export interface AwarenessEntry {
  client: number;
  clock: number;
  /** The JSON state; null when the client removes itself. */
  state: unknown;
}

/** Bounds checked while decoding, before any state is parsed (sync-server/limits.ts). */
export interface AwarenessBounds {
  maxEntries: number;
  maxStateChars: number;
}

/** Throws UpdateLimitError past `bounds`, and lib0 or JSON errors when the bytes are invalid. */
export function decodeAwarenessUpdate(
  update: Uint8Array,
  bounds?: AwarenessBounds,
): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (bounds !== undefined && count > bounds.maxEntries) {
    throw new UpdateLimitError(`more than ${bounds.maxEntries} awareness entries`);
  }
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (bounds !== undefined && state.length > bounds.maxStateChars) {
      throw new UpdateLimitError(`an awareness state over ${bounds.maxStateChars} characters`);
    }
    entries.push({ client, clock, state: JSON.parse(state) as unknown });
  }
  return entries;
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.client);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The part of an awareness update a connection may send: entries for client ids `ownedElsewhere`
 * says belong to another connection are dropped, and each state's `user` is the session's.
 * Null when nothing is left to apply.
 */
export function sanitizeAwareness(
  update: Uint8Array,
  ownedElsewhere: (client: number) => boolean,
  user: PresenceUser,
): Uint8Array | null {
  const kept = decodeAwarenessUpdate(update).flatMap((entry): AwarenessEntry[] => {
    if (ownedElsewhere(entry.client)) return [];
    if (entry.state === null) return [entry];
    if (typeof entry.state !== 'object' || Array.isArray(entry.state)) return [];
    return [{ ...entry, state: { ...entry.state, user } }];
  });
  return kept.length === 0 ? null : encodeAwarenessUpdate(kept);
}
