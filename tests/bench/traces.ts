/**
 * Real editing traces (../shared/data/editing-traces, from josephg/editing-traces, CC BY 4.0:
 * automerge-paper by Martin Kleppmann, the others by Joseph Gentle) turned into the Yjs
 * updates a person's editor would have produced, one per keystroke transaction.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';

/** The traces sit beside the checkout (../shared/data); a git worktree is one level deeper. */
function findTraceDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    const candidate = path.join(dir, 'shared/data/editing-traces');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../shared/data/editing-traces',
  );
}

const traceDir = findTraceDir();

interface SequentialTrace {
  startContent: string;
  endContent: string;
  txns: Array<{ patches: Array<[number, number, string]> }>;
}

export interface ReplayedTrace {
  name: string;
  endContent: string;
  /** One update per transaction of the trace, in order. */
  updates: Uint8Array[];
  patches: number;
}

export function loadSequentialTrace(name: string, limit = Infinity): ReplayedTrace {
  const raw = gunzipSync(readFileSync(path.join(traceDir, `${name}.json.gz`))).toString('utf8');
  const trace = JSON.parse(raw) as SequentialTrace;
  const doc = new Y.Doc();
  // Benchmarks replay plain text, the simplest shared type; the rooms do not care what it holds.
  // eslint-disable-next-line no-restricted-syntax
  const text = doc.getText('body');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  let patches = 0;
  for (const txn of trace.txns.slice(0, limit)) {
    doc.transact(() => {
      for (const [pos, del, ins] of txn.patches) {
        if (del > 0) text.delete(pos, del);
        if (ins.length > 0) text.insert(pos, ins);
        patches++;
      }
    });
  }
  const endContent = text.toString();
  if (limit === Infinity && endContent !== trace.endContent) {
    throw new Error(`Replaying ${name} did not reproduce its endContent`);
  }
  return { name, endContent, updates, patches };
}
