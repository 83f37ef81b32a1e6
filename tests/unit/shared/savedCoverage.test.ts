/**
 * An update's coverage, read once, answers "does this `saved` snapshot cover it?" exactly as
 * decoding the whole update for every message does (`savedCovers`), for single updates and for
 * bursts of them merged into one change. Seeded: a failure prints the seed to replay.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  coverageOf,
  mergeCoverage,
  savedCovers,
  savedCoversCoverage,
} from '../../../shared/protocol/saved';
import { getDocumentBody } from '../../../shared/ydoc/documentDoc';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('saved coverage', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`agrees with savedCovers on random edits and snapshots (seed ${seed})`, () => {
      const next = random(seed);
      const doc = new Y.Doc();
      const server = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      const snapshots: Y.Snapshot[] = [Y.snapshot(server)];
      for (let step = 0; step < 60; step++) {
        const body = getDocumentBody(doc);
        if (body.length > 0 && next() < 0.35) {
          body.delete(Math.floor(next() * body.length), 1);
        } else {
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(`línea ${step}`)]);
          body.insert(Math.floor(next() * (body.length + 1)), [paragraph]);
        }
        // The server saves a prefix of what was written, now and then.
        if (next() < 0.3) {
          for (const update of updates.slice(0, Math.floor(next() * updates.length) + 1))
            Y.applyUpdate(server, update);
          snapshots.push(Y.snapshot(server));
        }
      }
      snapshots.push(Y.snapshot(doc));
      const bursts = [updates.slice(0, 5), updates.slice(10, 30), updates.slice(40)];
      for (const snapshot of snapshots) {
        for (const update of updates) {
          expect(savedCoversCoverage(snapshot, coverageOf(update)), `seed ${seed}`).toBe(
            savedCovers(snapshot, update),
          );
        }
        for (const burst of bursts) {
          const merged = burst.map(coverageOf).reduce(mergeCoverage);
          expect(savedCoversCoverage(snapshot, merged), `seed ${seed}`).toBe(
            savedCovers(snapshot, Y.mergeUpdates(burst)),
          );
        }
      }
      expect(savedCoversCoverage(null, coverageOf(updates[0]!))).toBe(false);
      expect(savedCoversCoverage(Y.snapshot(doc), coverageOf(updates[0]!))).toBe(true);
    });
  }
});
