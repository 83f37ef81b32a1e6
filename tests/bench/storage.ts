/**
 * `npm run bench:storage`: commit latency of the rooms' Storage on SQLite (the default: WAL,
 * synchronous=FULL, appends on a worker thread) and on PostgreSQL (pg pool, default
 * synchronous_commit), in the same run on the same machine, with the same updates (the first
 * keystrokes of the B4 editing trace, one Yjs update each).
 *
 *   sequential   one room, each append awaited before the next: what one person typing alone
 *                waits for `saved` (p50 / p99 of appendUpdates)
 *   concurrent   50 rooms appending at once, each awaiting its own commit: what a busy server
 *                sees (p50 / p99 per append, and committed appends per second; both backends
 *                group-commit appends that arrive together)
 *
 * PostgreSQL from MINKA_BENCH_POSTGRES_URL or the local test server (postgres://…/test); the
 * bench creates a database of its own and drops it. Results in bench/storage.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PostgresStorage } from '../../sync-server/storage/postgresStorage';
import { SqliteStorage } from '../../sync-server/storage/sqliteStorage';
import type { Storage } from '../../sync-server/storage/storage';
import { loadSequentialTrace } from './traces';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEQUENTIAL = Number(process.env.STORAGE_BENCH_SEQUENTIAL ?? 400);
const ROOMS = Number(process.env.STORAGE_BENCH_ROOMS ?? 50);
const PER_ROOM = Number(process.env.STORAGE_BENCH_PER_ROOM ?? 20);
const POSTGRES_URL =
  process.env.MINKA_BENCH_POSTGRES_URL ??
  process.env.MINKA_TEST_POSTGRES_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

interface Figures {
  sequentialP50: number;
  sequentialP99: number;
  concurrentP50: number;
  concurrentP99: number;
  commitsPerSecond: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(storage: Storage, updates: readonly Uint8Array[]): Promise<Figures> {
  // Warm up: connections opened, statements prepared, pages cached.
  for (let i = 0; i < 20; i++) await storage.appendUpdates('warm-up', [updates[i]!]);
  const sequential: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) {
    const started = performance.now();
    await storage.appendUpdates('sequential', [updates[i % updates.length]!]);
    sequential.push(performance.now() - started);
  }
  const concurrent: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: ROOMS }, async (_, room) => {
      for (let i = 0; i < PER_ROOM; i++) {
        const at = performance.now();
        await storage.appendUpdates(`room-${room}`, [
          updates[(room * PER_ROOM + i) % updates.length]!,
        ]);
        concurrent.push(performance.now() - at);
      }
    }),
  );
  const elapsed = performance.now() - started;
  sequential.sort((a, b) => a - b);
  concurrent.sort((a, b) => a - b);
  return {
    sequentialP50: percentile(sequential, 50),
    sequentialP99: percentile(sequential, 99),
    concurrentP50: percentile(concurrent, 50),
    concurrentP99: percentile(concurrent, 99),
    commitsPerSecond: (ROOMS * PER_ROOM * 1000) / elapsed,
  };
}

async function main(): Promise<void> {
  const updates = loadSequentialTrace('automerge-paper', 2000).updates;
  const dir = mkdtempSync(path.join(tmpdir(), 'minka-bench-storage-'));
  const sqlite = new SqliteStorage(path.join(dir, 'minka.sqlite'));
  let sqliteFigures: Figures;
  try {
    sqliteFigures = await measure(sqlite, updates);
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const name = `minka_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  let postgresFigures: Figures;
  try {
    const postgres = await PostgresStorage.open(url.toString());
    try {
      postgresFigures = await measure(postgres, updates);
    } finally {
      await postgres.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }

  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const rows: Array<[string, keyof Figures, (value: number) => string]> = [
    ['sequential append p50', 'sequentialP50', ms],
    ['sequential append p99', 'sequentialP99', ms],
    [`${ROOMS} rooms at once, append p50`, 'concurrentP50', ms],
    [`${ROOMS} rooms at once, append p99`, 'concurrentP99', ms],
    ['committed appends per second', 'commitsPerSecond', (value) => value.toFixed(0)],
  ];
  console.log('| | SQLite | PostgreSQL | PostgreSQL / SQLite |');
  console.log('| --- | --- | --- | --- |');
  for (const [label, key, show] of rows) {
    console.log(
      `| ${label} | ${show(sqliteFigures[key])} | ${show(postgresFigures[key])} | ${(postgresFigures[key] / sqliteFigures[key]).toFixed(2)}x |`,
    );
  }
  const out = path.join(here, '../../bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, 'storage.json'),
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        updates: { sequential: SEQUENTIAL, rooms: ROOMS, perRoom: PER_ROOM },
        sqlite: sqliteFigures,
        postgres: postgresFigures,
      },
      null,
      2,
    )}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
