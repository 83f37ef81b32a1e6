/**
 * A week offline (issue 9): 10,000 edits on a document and a board made with no connection, then
 * one reconnect through the stock client. What goes over the wire is compared with the smallest
 * possible answer, the state-vector diff of each room against what the server held; all of it
 * must be saved and read back by someone else. The ratio goes to docs/reliability.md.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../../../shared/protocol/messages';
import {
  applySaved,
  readSaved,
  savedCovers,
  SyncStep2Keeper,
} from '../../../shared/protocol/saved';
import {
  addCard,
  addColumn,
  moveCard,
  readBoard,
  updateCard,
  type CardId,
  type ColumnId,
} from '../../../shared/ydoc/boardDoc';
import { GROUP, ROOM_A, startServer, text, waitFor, write, type TestServer } from '../helpers';

const BOARD = `g/${GROUP}/board/5b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4`;
/** 10,000 in `npm run test:faults`; fewer in `npm test`, which runs on every change. */
const EDITS = Number(process.env.OFFLINE_EDITS ?? 2000);

/** A stock provider whose socket counts the bytes it sends. */
function countingClient(server: TestServer, room: string, doc: Y.Doc) {
  const counter = { sent: 0 };
  class CountingWebSocket extends WebSocket {
    override send(data: Uint8Array, ...rest: unknown[]): void {
      counter.sent += data.byteLength;
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  }
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, room, doc, {
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: server.token },
    disableBc: true,
  });
  let saved: Y.Snapshot | null = null;
  const step2 = new SyncStep2Keeper();
  const sync = provider.messageHandlers[MessageType.sync]!;
  provider.messageHandlers[MessageType.sync] = (encoder, decoder, ...rest) => {
    step2.noteSync(decoder);
    sync(encoder, decoder, ...rest);
  };
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    saved = applySaved(saved, readSaved(decoder, step2));
  };
  onTestFinished(() => provider.destroy());
  return {
    provider,
    counter,
    isSaved: () => savedCovers(saved, Y.encodeStateAsUpdate(doc)),
  };
}

describe('a week offline', { timeout: 120_000 }, () => {
  it(`${EDITS} offline edits reach the server on reconnect, with bytes close to the minimal diff`, async () => {
    const server = await startServer();
    const docs = { document: new Y.Doc(), board: new Y.Doc() };
    const clients = {
      document: countingClient(server, ROOM_A, docs.document),
      board: countingClient(server, BOARD, docs.board),
    };
    const columns = ['Por hacer', 'En curso', 'Hecho'].map((title, i) => {
      const id = `col-${i}` as ColumnId;
      addColumn(docs.board, { id, title });
      return id;
    });
    write(docs.document, 'Plan anual del clúster');
    await waitFor('both rooms saved', () => clients.document.isSaved() && clients.board.isSaved());

    for (const client of Object.values(clients)) client.provider.disconnect();
    const held = {
      document: Y.encodeStateVector(docs.document),
      board: Y.encodeStateVector(docs.board),
    };
    // The week: half the edits typed paragraphs, 1 in 50 a new card, the rest card edits and moves.
    const paragraphs = EDITS / 2;
    const cardCount = EDITS / 50;
    for (let i = 0; i < paragraphs; i++) {
      write(docs.document, `Día ${Math.floor((i * 7) / paragraphs) + 1}, nota ${i}`);
    }
    const cards: CardId[] = [];
    for (let i = 0; i < cardCount; i++) {
      const id = `card-${i}` as CardId;
      addCard(docs.board, { id, columnId: columns[0]!, title: `Tarea ${i}`, createdBy: 'Ana' });
      cards.push(id);
    }
    for (let i = 0; i < EDITS - paragraphs - cardCount; i++) {
      const card = cards[i % cards.length]!;
      if (i % 3 === 0) moveCard(docs.board, card, columns[(i / 3) % 3]!, 0);
      else updateCard(docs.board, card, { title: `Tarea ${i % cardCount} (rev. ${i})` });
    }
    const minimal =
      Y.encodeStateAsUpdate(docs.document, held.document).byteLength +
      Y.encodeStateAsUpdate(docs.board, held.board).byteLength;

    for (const client of Object.values(clients)) {
      client.counter.sent = 0;
      client.provider.connect();
    }
    await waitFor(
      'the week saved on the server',
      () => clients.document.isSaved() && clients.board.isSaved(),
      60_000,
    );
    const sent = clients.document.counter.sent + clients.board.counter.sent;
    const ratio = sent / minimal;
    console.info(
      `week offline: ${EDITS} edits, minimal diff ${minimal} bytes, sent ${sent} bytes, ratio ${ratio.toFixed(3)}`,
    );
    expect(ratio).toBeLessThan(1.1);

    const reader = { document: new Y.Doc(), board: new Y.Doc() };
    const readers = [
      countingClient(server, ROOM_A, reader.document),
      countingClient(server, BOARD, reader.board),
    ];
    await waitFor('a colleague reads the week', () => readers.every((r) => r.provider.synced));
    expect(text(reader.document)).toBe(text(docs.document));
    expect(readBoard(reader.board)).toEqual(readBoard(docs.board));
  });
});
