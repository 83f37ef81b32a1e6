/**
 * What the renderer probes share: a real sync server (seeded demo content) and the renderer build
 * in Debian's Chromium, signed in as a demo editor with one seeded document open; peers that
 * join the same room from Node with the stock y-websocket provider (each with its own session,
 * so the server relays their awareness as it would another person's); and a CPU profile of a
 * window of work, mapped through the build's source maps so the time is told by source module.
 */
import type { Browser, Page } from '@playwright/test';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openApp, openDocument } from '../../e2e/support/app';
import { JORGE } from '../../e2e/support/demoAccounts';
import { removeDir, startSyncServer, type SyncServerProcess } from '../../e2e/support/servers';
import { buildDir } from './profile';
import { launchBenchChromium } from './typing';

export const SEEDED_DOC = 'Desafíos operacionales 2027';

export interface ProbeSession {
  browser: Browser;
  page: Page;
  sync: SyncServerProcess;
  room: string;
  close(): Promise<void>;
}

/**
 * Starts the sync server (serving the renderer build, `PROBE_BUILD` or out/renderer, so an older
 * build can be measured against this one) and a browser signed in as an editor, with the seeded
 * document open.
 */
export async function openProbeSession(): Promise<ProbeSession> {
  const sync = await startSyncServer({ staticDir: buildDir() });
  const browser = await launchBenchChromium();
  const appUrl = `${sync.url}/`;
  const { page } = await openApp(browser, appUrl, JORGE);
  await page.setViewportSize({ width: 1366, height: 900 });
  await openDocument(page, SEEDED_DOC);
  const hash = await page.evaluate(() => location.hash);
  const match = /g\/([^/]+)\/d\/([^/?]+)/.exec(hash);
  if (match === null) throw new Error(`unexpected document route ${hash}`);
  const room = `g/${match[1]}/doc/${match[2]}`;
  return {
    browser,
    page,
    sync,
    room,
    async close() {
      await browser.close();
      await sync.kill().catch(() => undefined);
      removeDir(sync.dataDir);
    },
  };
}

export async function login(serverUrl: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: JORGE.email, password: JORGE.password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** Another session of the editor, in the same room, through the stock provider. */
export async function joinPeer(serverUrl: string, room: string): Promise<Peer> {
  const token = await login(serverUrl);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
  // Minka's `saved` message (100) means nothing to a peer that only moves its caret.
  provider.messageHandlers[100] = () => undefined;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('peer did not sync')), 60_000);
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      resolve();
    });
  });
  return { doc, provider };
}

export function leave(peer: Peer): void {
  peer.provider.destroy();
  peer.doc.destroy();
}
