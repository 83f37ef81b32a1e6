/**
 * Randomized convergence of the board schema. Seeded replicas apply random concurrent
 * operations while a simulated network delivers their updates late, out of order and across
 * partitions; after a final full exchange every replica must show the same board, and every
 * card must appear exactly once. A failure names its seed: `BOARD_SEED=<seed> npx vitest run
 * tests/unit/shared/boardDoc.convergence.test.ts` replays it; `BOARD_SEEDS=<n>` runs seeds 1..n.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCard,
  addChecklistItem,
  addColumn,
  archiveCard,
  archiveColumn,
  assignCard,
  moveCard,
  moveColumn,
  readBoard,
  readCard,
  renameColumn,
  restoreCard,
  restoreColumn,
  setCardDescription,
  updateCard,
  type CardId,
  type ChecklistItemId,
  type ColumnId,
} from '../../../shared/ydoc/boardDoc';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Message {
  to: number;
  update: Uint8Array;
}

function runScenario(seed: number, operations: number) {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const replicaCount = 3 + Math.floor(random() * 3);
  const replicas = Array.from({ length: replicaCount }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = seed * 10 + i + 1;
    return doc;
  });
  let inFlight: Message[] = [];
  const remote = Symbol('remote');
  replicas.forEach((doc, from) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === remote) return;
      replicas.forEach((_, to) => to !== from && inFlight.push({ to, update }));
    }),
  );
  const deliver = (message: Message) =>
    Y.applyUpdate(replicas[message.to]!, message.update, remote);

  let nextId = 0;
  const id = <T extends string>(prefix: string) => `${prefix}-${seed}-${nextId++}` as T;
  // A partition isolates one replica: nothing reaches it until it heals.
  let isolated: number | null = null;

  const columnsOf = (doc: Y.Doc) => readBoard(doc).columns;
  const cardsOf = (doc: Y.Doc) => {
    const board = readBoard(doc);
    return [...board.columns.flatMap((c) => c.cards), ...board.archivedCards];
  };

  const ops: Array<(doc: Y.Doc) => void> = [
    (doc) =>
      addColumn(
        doc,
        { id: id<ColumnId>('col'), title: `Columna ${nextId}` },
        Math.floor(random() * 4),
      ),
    (doc) => {
      const columns = columnsOf(doc);
      if (columns.length > 0) renameColumn(doc, pick(columns).id, `Renombrada ${nextId++}`);
    },
    (doc) => {
      const columns = columnsOf(doc);
      if (columns.length > 1)
        moveColumn(doc, pick(columns).id, Math.floor(random() * columns.length));
    },
    (doc) => {
      const columns = columnsOf(doc);
      if (columns.length > 2 && random() < 0.3) archiveColumn(doc, pick(columns).id);
    },
    (doc) => {
      const archived = readBoard(doc).archivedColumns;
      if (archived.length > 0) restoreColumn(doc, pick(archived).id);
    },
    (doc) => {
      const columns = columnsOf(doc);
      if (columns.length === 0) return;
      const column = pick(columns);
      addCard(
        doc,
        {
          id: id<CardId>('card'),
          columnId: column.id,
          title: `Tarjeta ${nextId}`,
          createdBy: `r${doc.clientID}`,
        },
        Math.floor(random() * (column.cards.length + 1)),
      );
    },
    (doc) => {
      const columns = columnsOf(doc);
      const cards = columns.flatMap((c) => c.cards);
      if (cards.length === 0) return;
      const target = pick(columns);
      moveCard(doc, pick(cards).id, target.id, Math.floor(random() * (target.cards.length + 1)));
    },
    (doc) => {
      const cards = columnsOf(doc).flatMap((c) => c.cards);
      if (cards.length > 0) updateCard(doc, pick(cards).id, { title: `Editada ${nextId++}` });
    },
    (doc) => {
      const cards = columnsOf(doc).flatMap((c) => c.cards);
      if (cards.length > 0) archiveCard(doc, pick(cards).id);
    },
    (doc) => {
      const archived = readBoard(doc).archivedCards;
      if (archived.length > 0 && columnsOf(doc).length > 0) restoreCard(doc, pick(archived).id);
    },
    (doc) => {
      const cards = cardsOf(doc);
      if (cards.length === 0) return;
      const card = pick(cards);
      const text = readCard(doc, card.id)!.description;
      const at = Math.floor(random() * (text.length + 1));
      setCardDescription(doc, card.id, `${text.slice(0, at)}x${nextId++}${text.slice(at)}`);
    },
    (doc) => {
      const cards = cardsOf(doc);
      if (cards.length > 0)
        assignCard(
          doc,
          pick(cards).id,
          pick(['ana', 'beto', 'carla']),
          pick(['UNSA', 'MINEM', '']),
        );
    },
    (doc) => {
      const cards = cardsOf(doc);
      if (cards.length > 0)
        addChecklistItem(doc, pick(cards).id, { id: id<ChecklistItemId>('item'), text: 'Paso' });
    },
  ];

  addColumn(replicas[0]!, { id: id<ColumnId>('col'), title: 'Por hacer' });
  for (let step = 0; step < operations; step++) {
    const roll = random();
    if (roll < 0.05) {
      isolated = isolated === null ? Math.floor(random() * replicaCount) : null;
    } else if (roll < 0.45 && inFlight.length > 0) {
      const deliverable = inFlight.filter((m) => m.to !== isolated);
      if (deliverable.length > 0) {
        const message = pick(deliverable);
        inFlight = inFlight.filter((m) => m !== message);
        deliver(message);
      }
    } else {
      pick(ops)(pick(replicas));
    }
  }
  // Heal everything and deliver the rest, in a shuffled order.
  const rest = inFlight;
  inFlight = [];
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  rest.forEach(deliver);
  return replicas;
}

const seeds = process.env.BOARD_SEED
  ? [Number(process.env.BOARD_SEED)]
  : Array.from({ length: Number(process.env.BOARD_SEEDS ?? 60) }, (_, i) => i + 1);
const OPERATIONS = 400;
// Seeds run in groups, each its own test with its own time budget, so a loaded CI machine
// does not turn a slow group into a timeout of the whole run.
const GROUP_SIZE = 10;
const groups = Array.from({ length: Math.ceil(seeds.length / GROUP_SIZE) }, (_, i) =>
  seeds.slice(i * GROUP_SIZE, (i + 1) * GROUP_SIZE),
);
let cardsChecked = 0;

describe('board convergence', () => {
  afterAll(() => {
    console.log(
      `board convergence: ${seeds.length} seeds × ${OPERATIONS} operations, ${cardsChecked} cards checked`,
    );
  });

  it.each(groups)(
    `converges for seeds %s… × ${OPERATIONS} operations`,
    (...group: number[]) => {
      let cards = 0;
      for (const seed of group) {
        const replicas = runScenario(seed, OPERATIONS);
        const views = replicas.map((doc) => readBoard(doc));
        for (const view of views.slice(1)) expect(view, `seed ${seed}`).toEqual(views[0]);

        const ids = [...views[0]!.columns.flatMap((c) => c.cards), ...views[0]!.archivedCards].map(
          (c) => c.id,
        );
        expect(new Set(ids).size, `seed ${seed}: a card appears twice`).toBe(ids.length);
        cards += ids.length;
      }
      cardsChecked += cards;
      expect(cards).toBeGreaterThan(group.length * 5);
    },
    120_000,
  );
});
