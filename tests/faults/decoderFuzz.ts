/**
 * The decoder fuzz, run as its own process by decoderFuzz.test.ts (so a hang can be killed and a
 * crash cannot take the test runner with it): valid frames of every kind the server reads, then
 * mutated (bytes flipped, cut, inserted, spliced) with a seeded generator, through the server's
 * parser and the checks that run before anything is applied. A frame may be refused
 * (FrameError); anything else thrown by the parser is a crash. Prints a line per 1,000 frames
 * (the parent's proof of progress) and a JSON summary at the end.
 *
 *   node --import tsx tests/faults/decoderFuzz.ts <seed> <frames>
 */
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { appendBlocks } from '../../shared/ydoc/documentDoc';
import { FrameError, parseFrame } from '../../sync-server/frames';
import { missingDependency } from '../../sync-server/updateScan';

const seed = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 20_000);
const gen = prng.create(seed);

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function seeds(): Uint8Array[] {
  const doc = new Y.Doc();
  const frames: Uint8Array[] = [];
  for (let i = 0; i < 20; i++) {
    const before = Y.encodeStateVector(doc);
    appendBlocks(doc, [
      { type: 'paragraph', runs: [{ text: prng.word(gen, 1, 30), marks: ['bold'] }] },
    ]);
    frames.push(syncFrame(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(doc, before)));
  }
  frames.push(syncFrame(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(doc)));
  frames.push(syncFrame(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(doc)));
  const state = encoding.createEncoder();
  encoding.writeVarUint(state, 1);
  encoding.writeVarUint(state, 7);
  encoding.writeVarUint(state, 3);
  encoding.writeVarString(state, '{"cursor":{"anchor":1,"head":2},"user":{"name":"Ana"}}');
  const awareness = encoding.createEncoder();
  encoding.writeVarUint(awareness, 1);
  encoding.writeVarUint8Array(awareness, encoding.toUint8Array(state));
  frames.push(encoding.toUint8Array(awareness));
  frames.push(Uint8Array.of(3));
  return frames;
}

function mutate(frame: Uint8Array): Uint8Array {
  const bytes = Array.from(frame);
  const edits = prng.int32(gen, 1, 6);
  for (let i = 0; i < edits; i++) {
    const at = prng.int32(gen, 0, Math.max(0, bytes.length - 1));
    switch (prng.int32(gen, 0, 4)) {
      case 0:
        bytes[at] = prng.uint32(gen, 0, 255);
        break;
      case 1:
        bytes.length = at;
        break;
      case 2:
        bytes.splice(
          at,
          0,
          ...Array.from({ length: prng.int32(gen, 1, 8) }, () => prng.uint32(gen, 0, 255)),
        );
        break;
      case 3:
        bytes.splice(at, prng.int32(gen, 1, 8));
        break;
      default:
        bytes[at] = 0xff;
    }
  }
  return Uint8Array.from(bytes);
}

const base = seeds();
const empty = new Y.Doc();
let crashes = 0;
let refused = 0;
let slowestMs = 0;
for (let i = 1; i <= count; i++) {
  const frame = mutate(prng.oneOf(gen, base));
  const started = performance.now();
  try {
    const parsed = parseFrame(frame);
    if (
      parsed.type === 'update' &&
      missingDependency(parsed.shape, (c) => Y.getState(empty.store, c)) === null
    ) {
      // What the room would do with it: apply to a copy; Yjs may still refuse it by throwing.
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, parsed.update);
      } catch {
        refused++;
      }
      doc.destroy();
    }
  } catch (error) {
    if (error instanceof FrameError) refused++;
    else {
      crashes++;
      console.error(`crash at frame ${i} (seed ${seed}): ${String(error)}`);
    }
  }
  slowestMs = Math.max(slowestMs, performance.now() - started);
  if (i % 1000 === 0) console.log(`progress ${i}`);
}
console.log(
  JSON.stringify({ seed, frames: count, crashes, refused, slowestMs: Math.round(slowestMs) }),
);
