/**
 * Reads a Yjs update (format v1) once, struct by struct, without building any of its structs,
 * and returns its shape: how many structs and delete ranges it holds, which clocks of which
 * clients it writes, which clocks it depends on and which it deletes. `Y.decodeUpdate` would
 * build every item first (a 13 MiB frame of 2 M tiny items costs 1.7 GB before anything can be
 * counted); this reader stops as soon as a bound is crossed, with memory that does not grow with
 * the number of structs. The layout it walks is yjs's own (`lazyStructReaderGenerator`,
 * `readItemContent`, `readDeleteSet` in yjs/src/utils).
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

export interface ScanLimits {
  /** Structs (items, GCs, skips) one update may hold. */
  maxStructs: number;
  /** Delete-set ranges one update may hold. */
  maxDeleteRanges: number;
}

export interface ClientRange {
  /** First clock of this client the update writes. */
  from: number;
  /** One past its last clock. */
  to: number;
  /** Clocks the update skips (a merged update with gaps): the room must already hold them. */
  skippedTo: number;
}

export interface UpdateShape {
  structs: number;
  deleteRanges: number;
  /** The clocks written, per client. */
  writes: Map<number, ClientRange>;
  /** Per client, one past the highest clock an item of the update points at (origin, parent). */
  needs: Map<number, number>;
  /** Per client, one past the highest clock the delete set covers. */
  deletesTo: Map<number, number>;
}

export class UpdateLimitError extends Error {}

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;

const CONTENT_GC = 0;
const CONTENT_DELETED = 1;
const CONTENT_JSON = 2;
const CONTENT_BINARY = 3;
const CONTENT_STRING = 4;
const CONTENT_EMBED = 5;
const CONTENT_FORMAT = 6;
const CONTENT_TYPE = 7;
const CONTENT_ANY = 8;
const CONTENT_DOC = 9;
const SKIP = 10;

const TYPE_XML_ELEMENT = 3;
const TYPE_XML_HOOK = 5;
const TYPE_LAST = 6;

/** Throws UpdateLimitError past a limit, and lib0/yjs errors when the bytes are not an update. */
export function scanUpdate(update: Uint8Array, limits: ScanLimits): UpdateShape {
  const decoder = new Y.UpdateDecoderV1(decoding.createDecoder(update));
  const rest = decoder.restDecoder;
  const shape: UpdateShape = {
    structs: 0,
    deleteRanges: 0,
    writes: new Map(),
    needs: new Map(),
    deletesTo: new Map(),
  };
  const clientCount = decoding.readVarUint(rest);
  for (let c = 0; c < clientCount; c++) {
    const count = decoding.readVarUint(rest);
    const client = decoder.readClient();
    let clock = decoding.readVarUint(rest);
    shape.structs += count;
    if (shape.structs > limits.maxStructs) {
      throw new UpdateLimitError(`more than ${limits.maxStructs} structs in one update`);
    }
    const range = shape.writes.get(client) ?? { from: clock, to: clock, skippedTo: 0 };
    range.from = Math.min(range.from, clock);
    for (let i = 0; i < count; i++) {
      const info = decoder.readInfo();
      const contentRef = info & BITS5;
      if (info === SKIP) {
        clock += decoding.readVarUint(rest);
        range.skippedTo = Math.max(range.skippedTo, clock);
        continue;
      }
      if (contentRef === CONTENT_GC) {
        clock += decoder.readLen();
        continue;
      }
      if ((info & BIT8) !== 0) need(shape, client, clock, decoder.readLeftID());
      if ((info & BIT7) !== 0) need(shape, client, clock, decoder.readRightID());
      if ((info & (BIT7 | BIT8)) === 0) {
        if (decoder.readParentInfo()) decoder.readString();
        else need(shape, client, clock, decoder.readLeftID());
        if ((info & BIT6) !== 0) decoder.readString();
      }
      clock += skipContent(decoder, contentRef);
    }
    range.to = Math.max(range.to, clock);
    shape.writes.set(client, range);
  }
  const deleteClients = decoding.readVarUint(rest);
  for (let c = 0; c < deleteClients; c++) {
    decoder.resetDsCurVal();
    const client = decoding.readVarUint(rest);
    const count = decoding.readVarUint(rest);
    shape.deleteRanges += count;
    if (shape.deleteRanges > limits.maxDeleteRanges) {
      throw new UpdateLimitError(
        `more than ${limits.maxDeleteRanges} deleted ranges in one update`,
      );
    }
    for (let i = 0; i < count; i++) {
      const end = decoder.readDsClock() + decoder.readDsLen();
      if (end > (shape.deletesTo.get(client) ?? 0)) shape.deletesTo.set(client, end);
    }
  }
  return shape;
}

/**
 * Notes that the item at `clock` of `client` points at `id`. An item can only point at what
 * existed when it was made, so a reference to its own client's clock at or after its own is not
 * an update any Yjs client writes; Yjs would throw on it halfway through integrating, with the
 * structs before it already in the room.
 */
function need(shape: UpdateShape, client: number, clock: number, id: Y.ID): void {
  if (id.client === client && id.clock >= clock) {
    throw new Error(`client ${client} clock ${clock} refers to its own later clock ${id.clock}`);
  }
  if (id.clock + 1 > (shape.needs.get(id.client) ?? 0)) shape.needs.set(id.client, id.clock + 1);
}

/** Reads past an item's content and returns its length in clocks. */
function skipContent(decoder: Y.UpdateDecoderV1, contentRef: number): number {
  switch (contentRef) {
    case CONTENT_DELETED:
      return decoder.readLen();
    case CONTENT_JSON: {
      const length = decoder.readLen();
      for (let i = 0; i < length; i++) {
        const value = decoder.readString();
        if (value !== 'undefined') JSON.parse(value);
      }
      return length;
    }
    case CONTENT_BINARY:
      decoder.readBuf();
      return 1;
    case CONTENT_STRING:
      // Yjs counts a string's length in UTF-16 code units, as JavaScript does.
      return decoder.readString().length;
    case CONTENT_EMBED:
      decoder.readJSON();
      return 1;
    case CONTENT_FORMAT:
      decoder.readKey();
      decoder.readJSON();
      return 1;
    case CONTENT_TYPE: {
      const typeRef = decoder.readTypeRef();
      if (typeRef > TYPE_LAST) throw new Error(`unknown type ${typeRef}`);
      if (typeRef === TYPE_XML_ELEMENT || typeRef === TYPE_XML_HOOK) decoder.readKey();
      return 1;
    }
    case CONTENT_ANY: {
      const length = decoder.readLen();
      for (let i = 0; i < length; i++) decoder.readAny();
      return length;
    }
    case CONTENT_DOC:
      decoder.readString();
      decoder.readAny();
      return 1;
    default:
      throw new Error(`unknown content ${contentRef}`);
  }
}

/**
 * What applying `shape` to a document whose state vector is `state` would leave pending: the
 * first gap found, or null when every struct, dependency and deletion is satisfied by the
 * document plus the update itself. A pending struct or deletion would stay in the room's memory
 * (and slow every later write) until the missing part arrives, which it may never do.
 */
export function missingDependency(
  shape: UpdateShape,
  state: (client: number) => number,
): string | null {
  const holds = (client: number) => Math.max(state(client), shape.writes.get(client)?.to ?? 0);
  for (const [client, range] of shape.writes) {
    if (range.from > state(client)) {
      return `client ${client} starts at clock ${range.from}, the room holds ${state(client)}`;
    }
    if (range.skippedTo > state(client)) return `client ${client} has a gap the room lacks`;
  }
  for (const [client, to] of shape.needs) {
    if (to > holds(client)) return `an item depends on client ${client} clock ${to - 1}`;
  }
  for (const [client, to] of shape.deletesTo) {
    if (to > holds(client)) return `a deletion covers client ${client} clocks the room lacks`;
  }
  return null;
}
