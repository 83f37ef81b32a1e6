/**
 * The offline search index (renderer/features/search) at the size issue 12 asks for: 500
 * documents of the B4 trace's final text (automerge-paper, 104,852 characters each) and 2,000
 * cards, built from real Y.Docs through the same extractors the app uses. Compared, in the same
 * run, with the same library used naively: one MiniSearch entry per document and card with
 * default options, rebuilt from scratch on every change.
 *
 *   indexing   time to index everything once (ours: per room, per block)
 *   size       serialized index (what is stored in IndexedDB)
 *   query      p50/p99 over words, prefixes and typos taken from the text
 *   change     one edited paragraph made searchable: ours re-reads that document and re-adds
 *              the blocks that differ; naive rebuilds the index
 *
 * SEARCH_BENCH_DOCS / SEARCH_BENCH_CARDS shrink the corpus for a quick run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import * as Y from 'yjs';
import type { BoardId, DocId, GroupId } from '../../shared/model/ids';
import { roomName } from '../../shared/protocol/rooms';
import {
  addCard,
  addChecklistItem,
  addColumn,
  type CardId,
  type ChecklistItemId,
  type ColumnId,
} from '../../shared/ydoc/boardDoc';
import { appendBlocks, getDocumentBody, readDocumentText } from '../../shared/ydoc/documentDoc';
import { addEntry } from '../../shared/ydoc/groupIndexDoc';
import { docVersion } from '../../shared/ydoc/version';
import { extractEntries } from '../../renderer/features/search/extract';
import { SearchIndex, type SearchEntry } from '../../renderer/features/search/SearchIndex';

const here = path.dirname(fileURLToPath(import.meta.url));

function b4FinalText(): string {
  const dirs = [
    process.env.MINKA_TRACES,
    path.resolve(here, '../../../shared/data/editing-traces'),
    path.resolve(here, '../../../../shared/data/editing-traces'),
  ].filter((dir): dir is string => dir !== undefined);
  const dir = dirs.find((candidate) => existsSync(path.join(candidate, 'automerge-paper.json.gz')));
  if (dir === undefined) throw new Error(`automerge-paper.json.gz not found in ${dirs.join(', ')}`);
  const raw = gunzipSync(readFileSync(path.join(dir, 'automerge-paper.json.gz'))).toString('utf8');
  return (JSON.parse(raw) as { endContent: string }).endContent;
}

/** A small seeded generator, so every run indexes and queries the same things. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const uuid = (kind: number, n: number) =>
  `00000000-0000-4000-8${kind}00-${String(n).padStart(12, '0')}`;

const CARD_WORDS = (
  'relaves agua energía drones monitoreo flotación chancado molienda seguridad fatiga ' +
  'sensores mantenimiento predictivo proveedores regionales universidad piloto taludes ' +
  'inspección térmica cierre de minas reúso huella hídrica comunidades capacitación logística'
).split(' ');

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};

export async function runSearchBench(): Promise<void> {
  const docCount = Number(process.env.SEARCH_BENCH_DOCS ?? 500);
  const cardCount = Number(process.env.SEARCH_BENCH_CARDS ?? 2000);
  const text = b4FinalText();
  const paragraphs = text.split('\n').filter((line) => line.trim() !== '');
  const groupId = uuid(1, 1) as GroupId;

  // One document body (the same text in every document: only its size matters here).
  const body = new Y.Doc();
  appendBlocks(
    body,
    paragraphs.map((line) => ({ type: 'paragraph' as const, runs: [{ text: line }] })),
  );
  const docRooms = Array.from({ length: docCount }, (_, i) =>
    roomName({ kind: 'doc', groupId, docId: uuid(2, i) as DocId }),
  );

  const groupIndex = new Y.Doc();
  for (let i = 0; i < docCount; i++) {
    addEntry(groupIndex, {
      id: uuid(2, i) as DocId,
      kind: 'doc',
      title: `Documento ${i}`,
      createdBy: 'bench',
    });
  }
  const next = random(12);
  const words = (n: number) =>
    Array.from({ length: n }, () => CARD_WORDS[Math.floor(next() * CARD_WORDS.length)]).join(' ');
  const boards: Array<{ room: string; doc: Y.Doc }> = [];
  const perBoard = 100;
  for (let b = 0; b * perBoard < cardCount; b++) {
    const boardId = uuid(3, b) as BoardId;
    addEntry(groupIndex, { id: boardId, kind: 'board', title: `Tablero ${b}`, createdBy: 'bench' });
    const doc = new Y.Doc();
    const column = 'col' as ColumnId;
    addColumn(doc, { id: column, title: 'Ideas' });
    for (let c = 0; c < perBoard && b * perBoard + c < cardCount; c++) {
      const cardId = `card-${c}` as CardId;
      addCard(doc, {
        id: cardId,
        columnId: column,
        title: words(4),
        createdBy: 'bench',
        description: words(30),
        fields: { company: words(2) },
      });
      for (let k = 0; k < 3; k++) {
        addChecklistItem(doc, cardId, { id: `item-${k}` as ChecklistItemId, text: words(5) });
      }
    }
    boards.push({ room: roomName({ kind: 'board', groupId, boardId }), doc });
  }
  const indexRoomName = roomName({ kind: 'index', groupId });

  // Ours: per room, per block, through the app's extractors.
  const ours = new SearchIndex();
  const [, oursIndexMs] = time(() => {
    ours.indexRoom(
      indexRoomName,
      extractEntries(indexRoomName, groupIndex)!,
      docVersion(groupIndex),
    );
    for (const room of docRooms)
      ours.indexRoom(room, extractEntries(room, body)!, docVersion(body));
    for (const board of boards) {
      ours.indexRoom(board.room, extractEntries(board.room, board.doc)!, docVersion(board.doc));
    }
  });
  const oursSize = Buffer.byteLength(ours.serialize());

  // Naive: one entry per document and card, default options, rebuilt on every change.
  const plainText = readDocumentText(body);
  const naiveDocs = () => [
    ...docRooms.map((room, i) => ({ id: room, title: `Documento ${i}`, text: plainText })),
    ...boards.flatMap((board) =>
      (extractEntries(board.room, board.doc) ?? []).map((entry: SearchEntry) => ({
        id: entry.id,
        title: entry.title,
        text: entry.text,
      })),
    ),
  ];
  const buildNaive = () => {
    const mini = new MiniSearch({ fields: ['title', 'text'] });
    mini.addAll(naiveDocs());
    return mini;
  };
  const [naive, naiveIndexMs] = time(buildNaive);
  const naiveSize = Buffer.byteLength(JSON.stringify(naive));

  // Queries: whole words, prefixes and one-letter typos taken from the text and the cards.
  const pick = random(34);
  const vocabulary = [...new Set(text.toLowerCase().match(/[a-z]{5,}/g) ?? [])];
  const queries: string[] = [];
  for (let i = 0; i < 300; i++) {
    const word = vocabulary[Math.floor(pick() * vocabulary.length)]!;
    const kind = i % 3;
    if (kind === 0) queries.push(word);
    else if (kind === 1) queries.push(word.slice(0, 4));
    else queries.push(word.slice(0, 2) + word.slice(3));
  }
  queries.push('relaves drones', 'energia', 'reuso hidrica');
  const groups = new Set<string>([groupId]);
  const measureQueries = (run: (q: string) => unknown) => {
    const times = queries.map((q) => time(() => run(q))[1]).sort((a, b) => a - b);
    return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
  };
  const oursQuery = measureQueries((q) => ours.search(q, { groups, limit: 80 }));
  const naiveQuery = measureQueries((q) => naive.search(q, { prefix: true, fuzzy: 0.2 }));

  // A change: one paragraph edited in one document, made searchable.
  const editRuns = 20;
  const edited = new Y.Doc();
  Y.applyUpdate(edited, Y.encodeStateAsUpdate(body));
  const oursChange: number[] = [];
  for (let i = 0; i < editRuns; i++) {
    const paragraph = getDocumentBody(edited).get(Math.floor(pick() * paragraphs.length));
    ((paragraph as Y.XmlElement).get(0) as Y.XmlText).insert(0, `sondeo${i} `);
    const room = docRooms[i % docRooms.length]!;
    oursChange.push(
      time(() => ours.indexRoom(room, extractEntries(room, edited)!, docVersion(edited)))[1],
    );
  }
  if (ours.search(`sondeo${editRuns - 1}`, { groups }).length === 0) {
    throw new Error('the edited paragraph is not searchable');
  }
  const naiveChange = [time(buildNaive)[1], time(buildNaive)[1]];
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  const rows: Array<[string, number, number, string]> = [
    ['indexing, all (ms)', oursIndexMs, naiveIndexMs, 'ms'],
    ['index size (MB)', oursSize / 1e6, naiveSize / 1e6, 'MB'],
    ['query p50 (ms)', oursQuery.p50, naiveQuery.p50, 'ms'],
    ['query p99 (ms)', oursQuery.p99, naiveQuery.p99, 'ms'],
    ['one edit made searchable (ms, median)', median(oursChange), median(naiveChange), 'ms'],
  ];
  console.log('');
  console.log(
    `search: ${docCount} documents × ${text.length} characters (${paragraphs.length} blocks each), ${cardCount} cards, ${queries.length} queries`,
  );
  console.log(
    '| measure | Minka (incremental per room, Spanish) | MiniSearch naive (full re-index) | Minka / naive |',
  );
  console.log('|---|---|---|---|');
  for (const [name, oursValue, naiveValue] of rows) {
    console.log(
      `| ${name} | ${oursValue.toFixed(2)} | ${naiveValue.toFixed(2)} | ${(oursValue / naiveValue).toFixed(3)} |`,
    );
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    path.join('bench-results', 'search.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        docs: docCount,
        cards: cardCount,
        characters: text.length,
        ours: { indexMs: oursIndexMs, bytes: oursSize, query: oursQuery, changeMs: oursChange },
        naive: {
          indexMs: naiveIndexMs,
          bytes: naiveSize,
          query: naiveQuery,
          changeMs: naiveChange,
        },
      },
      null,
      2,
    ),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runSearchBench().then(() => process.exit(0));
}
