import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { enqueue, flushOutbox } from '../../../../renderer/storage/outbox';
import {
  openWorkspaceDb,
  type OutboxRow,
  type WorkspaceDexie,
} from '../../../../renderer/storage/workspaceDb';
import { appendBlocks, readDocumentText } from '../../../../shared/ydoc/documentDoc';
import { captureVersionState, openVersion } from '../../../../shared/ydoc/versions';

const opened: WorkspaceDexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function database(): WorkspaceDexie {
  const db = openWorkspaceDb(`outbox-test-${Math.random()}`);
  opened.push(db);
  return db;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function row(name: string, state: { update: Uint8Array; stateVector: Uint8Array }) {
  return {
    kind: 'createVersion' as const,
    groupId: 'g',
    docId: 'd',
    at: Date.now(),
    body: { name, update: b64(state.update), stateVector: b64(state.stateVector) },
  };
}

describe('outbox', () => {
  it('keeps versions made offline at the state seen, and sends them in order once the server answers', async () => {
    const db = database();
    const doc = new Y.Doc();
    appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: 'Borrador del 12/03' }] }]);
    await enqueue(db, row('Primera', captureVersionState(doc)));
    appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: 'Agregado después' }] }]);
    await enqueue(db, row('Segunda', captureVersionState(doc)));

    const offline = Object.assign(new Error('network'), { status: 0, code: 'network' });
    const tried: string[] = [];
    await flushOutbox(db, (sent) => {
      tried.push(sent.body.name);
      return Promise.reject(offline);
    });
    expect(tried).toEqual(['Primera']);
    expect(await db.outbox.count()).toBe(2);

    const sent: OutboxRow[] = [];
    await flushOutbox(db, (next) => {
      sent.push(next);
      return Promise.resolve();
    });
    expect(sent.map((next) => next.body.name)).toEqual(['Primera', 'Segunda']);
    expect(await db.outbox.count()).toBe(0);
    const first = openVersion(Buffer.from(sent[0]!.body.update, 'base64'));
    expect(readDocumentText(first)).toBe('Borrador del 12/03');
  });

  it('marks a refused row failed with its code and goes on with the next', async () => {
    const db = database();
    const doc = new Y.Doc();
    await enqueue(db, row('Rechazada', captureVersionState(doc)));
    await enqueue(db, row('Aceptada', captureVersionState(doc)));
    const refused = Object.assign(new Error('forbidden'), { status: 403, code: 'forbidden' });
    const sent: string[] = [];
    await flushOutbox(db, (next) => {
      if (next.body.name === 'Rechazada') return Promise.reject(refused);
      sent.push(next.body.name);
      return Promise.resolve();
    });
    expect(sent).toEqual(['Aceptada']);
    const left = await db.outbox.toArray();
    expect(left.map((next) => [next.body.name, next.failed])).toEqual([['Rechazada', 'forbidden']]);
  });
});
