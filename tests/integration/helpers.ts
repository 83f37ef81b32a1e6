/**
 * Real servers and real clients for the integration tests. Every test gets its own server on
 * port 0 with its own data directory, and everything a helper opens is closed when that test
 * finishes (onTestFinished): tests never share state, never fight over a port, and a failing
 * test cannot leave a socket open that would hang the next one. Rooms need a session now, so
 * every test server comes with GROUP and one editor of it (`server.token`); fixtures.ts adds
 * more people with other roles.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType } from '../../shared/protocol/messages';
import { applySaved, readSaved, savedCovers, SyncStep2Keeper } from '../../shared/protocol/saved';
import { appendBlocks, readDocumentText } from '../../shared/ydoc/documentDoc';
import {
  createServer,
  DATABASE_FILE,
  type MinkaServer,
  type ServerOptions,
} from '../../sync-server/server';
import { SqliteStorage } from '../../sync-server/storage/sqliteStorage';
import { PostgresStorage } from '../../sync-server/storage/postgresStorage';
import { mergeUpdates, type Storage } from '../../sync-server/storage/storage';
import { createTestDatabase } from '../support/postgres';
import { backend, postgresOf } from './backend';
import { addPerson, ensureGroup, openAccounts, type Person } from './fixtures';

export function tempDir(prefix = 'minka-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestServer extends MinkaServer {
  dataDir: string;
  logs: string[];
  /** An editor of GROUP, signed in. */
  editor: Person;
  /** The editor's session token. */
  token: string;
}

/** Login limits off unless a test sets its own, so wrong passwords answer at once. */
const RELAXED_LOGIN = { perAccount: 1000, perAddress: 1000, failureDelayMs: 0 };

export async function startServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const logs: string[] = [];
  let postgresUrl = options.postgresUrl ?? postgresOf.get(dataDir);
  let drop: (() => Promise<void>) | undefined;
  if (backend.postgres && postgresUrl === undefined) {
    const database = await createTestDatabase();
    postgresUrl = database.url;
    drop = database.drop;
  }
  if (postgresUrl !== undefined) postgresOf.set(dataDir, postgresUrl);
  const server = await createServer({
    port: 0,
    log: (line) => logs.push(line),
    ...options,
    ...(postgresUrl !== undefined ? { postgresUrl } : {}),
    loginLimits: { ...RELAXED_LOGIN, ...options.loginLimits },
    dataDir,
  }).catch(async (error: unknown) => {
    await drop?.();
    throw error;
  });
  onTestFinished(async () => {
    await server.close();
    await drop?.();
  });
  const editor = await signedInEditor(dataDir, options.now);
  return { ...server, dataDir, logs, editor, token: editor.token };
}

/** GROUP (made if missing) and its editor Ana, with a fresh session. */
export async function signedInEditor(dataDir: string, now?: () => number): Promise<Person> {
  const accounts = openAccounts(dataDir, now);
  await ensureGroup(accounts, GROUP, 'listed');
  return addPerson(accounts, {
    name: 'Ana Editora',
    email: 'ana.editora@test.demo',
    groups: { [GROUP]: 'editor' },
  });
}

export const GROUP = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
export const room = (docId: string) => `g/${GROUP}/doc/${docId}`;
export const ROOM_A = room('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** What the server has said it committed (state vector + delete set), merged over messages. */
  saved: () => Y.Snapshot | null;
  onSaved: (listener: (saved: Y.Snapshot) => void) => void;
  closeCodes: number[];
  /** Reasons of the auth (permission denied) messages the server sent. */
  denials: string[];
}

/** Where a client connects, and as whom. */
export interface Target {
  url: string;
  token: string;
}

/** The /sync URL of a room with a token (none when null), for raw `ws` sockets. */
export function syncUrl(
  target: Target,
  roomName: string,
  token: string | null = target.token,
): string {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return `${target.url.replace(/^http/, 'ws')}/sync/${roomName}${query}`;
}

/** A stock y-websocket client in Node (token in `params`), reading Minka's `saved` message. */
export function connect(target: Target, roomName: string, doc: Y.Doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(
    `${target.url.replace(/^http/, 'ws')}/sync`,
    roomName,
    doc,
    {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      connect: true,
      params: target.token === '' ? {} : { token: target.token },
      // Two providers of one process would otherwise sync through BroadcastChannel, not the server.
      disableBc: true,
    },
  );
  let saved: Y.Snapshot | null = null;
  const listeners: Array<(saved: Y.Snapshot) => void> = [];
  const step2 = new SyncStep2Keeper();
  const sync = provider.messageHandlers[MessageType.sync]!;
  provider.messageHandlers[MessageType.sync] = (encoder, decoder, ...rest) => {
    step2.noteSync(decoder);
    sync(encoder, decoder, ...rest);
  };
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    const next = applySaved(saved, readSaved(decoder, step2));
    saved = next;
    for (const listener of listeners) listener(next);
  };
  const denials: string[] = [];
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => denials.push(reason));
  };
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event !== null) closeCodes.push(event.code);
  });
  onTestFinished(() => {
    provider.destroy();
    doc.destroy();
  });
  return {
    doc,
    provider,
    saved: () => saved,
    onSaved: (listener) => listeners.push(listener),
    closeCodes,
    denials,
  };
}

/** True when `saved` covers every change `doc` holds, insertions and deletions alike. */
export function covers(saved: Y.Snapshot | null, doc: Y.Doc): boolean {
  return savedCovers(saved, Y.encodeStateAsUpdate(doc));
}

/** Polls `check` (sync or async) until it returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The metrics token the tests that read /metrics start their servers with. */
export const METRICS_TOKEN = 'métricas-de-prueba';

/** How many rooms the server at `url` holds awake (with a live Y.Doc), from its metrics. */
export async function awakeRooms(server: { url: string }): Promise<number> {
  const response = await fetch(`${server.url}/metrics`, {
    headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const match = /^minka_rooms_awake\{[^}]*\} (\d+)$/m.exec(await response.text());
  if (match === null) throw new Error('minka_rooms_awake is not in /metrics');
  return Number(match[1]);
}

export const waitSynced = (client: TestClient) => waitFor('sync', () => client.provider.synced);
export const waitSaved = (client: TestClient) =>
  waitFor('saved', () => covers(client.saved(), client.doc));

/** The document body as plain text, one line per paragraph. */
export const text = (doc: Y.Doc): string => readDocumentText(doc);

/** Appends one paragraph, as a person typing it would. */
export function write(doc: Y.Doc, value: string): void {
  appendBlocks(doc, [{ type: 'paragraph', runs: [{ text: value }] }]);
}

/**
 * A second connection to a test server's rooms, as another process would open it: the data
 * directory's SQLite file, or the server's PostgreSQL database in the postgres/ suites.
 */
export async function openStoredRooms(dataDir: string): Promise<Storage> {
  const postgresUrl = postgresOf.get(dataDir);
  return postgresUrl !== undefined
    ? PostgresStorage.open(postgresUrl, { max: 1 })
    : new SqliteStorage(join(dataDir, DATABASE_FILE));
}

/** A room's stored rows, read from the test server's database (the server may be running). */
export async function storedRows(dataDir: string, room: string): Promise<Uint8Array[]> {
  const storage = await openStoredRooms(dataDir);
  try {
    return await storage.loadUpdates(room);
  } finally {
    await storage.close();
  }
}

/** A room's stored state as a document. */
export async function storedDoc(dataDir: string, room: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeUpdates(await storedRows(dataDir, room)));
  return doc;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `npm run admin -- …args` (sync-server/admin.ts) with `stdin`, and collects its output. */
export function runAdmin(
  args: readonly string[],
  stdin = '',
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/admin.ts', ...args], {
      cwd: repoRoot,
    });
    child.stdin.end(stdin);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** Resolves with the HTTP status of a refused upgrade, or 101 once the socket opens. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}
