/**
 * Typing in a B4-size document (the automerge-paper trace, 105k characters) while three other
 * people move their carets in it: the JS time Chromium spends over 30 paced keystrokes, and where
 * it goes by source module (issue 16: each awareness change made the caret plugin dispatch a
 * transaction that re-walked the whole document).
 *
 *   npx electron-vite build && npx tsx tests/bench/browser/carets.ts
 *
 * Env: PROBE_ROUNDS (3), PROBE_KEYS (30), PROBE_CARET_MS (each peer moves every 100 ms),
 * PROBE_PEERS (3), PROBE_COPIES (1; 20 is a 2 MB document), PROBE_BUILD (another renderer build),
 * PROBE_OUT (a directory for the .cpuprofile files and carets.json; default /tmp/minka-probes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { getDocumentBody } from '../../../shared/ydoc/documentDoc';
import { loadSequentialTrace } from '../traces';
import { formatSummary, Profiler, type ProfileSummary } from './profile';
import { joinPeer, leave, openProbeSession, type Peer } from './session';

const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 3);
const KEYS = Number(process.env.PROBE_KEYS ?? 30);
const CARET_MS = Number(process.env.PROBE_CARET_MS ?? 100);
const PEERS = Number(process.env.PROBE_PEERS ?? 3);
/** The trace's text repeated: 20 copies make the 2 MB document of issue 16. */
const COPIES = Number(process.env.PROBE_COPIES ?? 1);
const OUT = process.env.PROBE_OUT ?? '/tmp/minka-probes';

/** Appends the trace's final text to the document body, one paragraph per line. */
function fill(peer: Peer, content: string): void {
  const body = getDocumentBody(peer.doc);
  peer.doc.transact(() => {
    const paragraphs = content
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(line)]);
        return paragraph;
      });
    body.insert(body.length, paragraphs);
  });
}

/** Moves a peer's caret to a random place in one of the body's paragraphs, now and then. */
function wander(peer: Peer, seed: number): () => void {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const body = getDocumentBody(peer.doc);
  const move = () => {
    const blocks = body.toArray();
    const block = blocks[Math.floor(random() * blocks.length)];
    if (!(block instanceof Y.XmlElement)) return;
    const text = block.get(0);
    if (!(text instanceof Y.XmlText)) return;
    const at = Math.floor(random() * (text.length + 1));
    const position = Y.createRelativePositionFromTypeIndex(text, at);
    peer.provider.awareness.setLocalStateField('cursor', { anchor: position, head: position });
  };
  const timer = setInterval(move, CARET_MS);
  return () => clearInterval(timer);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const { endContent } = loadSequentialTrace('automerge-paper');
  const session = await openProbeSession();
  const results: ProfileSummary[] = [];
  try {
    const { page, sync, room } = session;
    const writer = await joinPeer(sync.url, room);
    const peers = [writer];
    for (let i = 1; i < PEERS; i++) peers.push(await joinPeer(sync.url, room));
    for (let copy = 0; copy < COPIES; copy++) fill(writer, endContent);
    const editor = page.getByRole('textbox', { name: 'Contenido del documento' });
    await page.waitForFunction(
      (chars) => (document.querySelector('.ProseMirror')?.textContent?.length ?? 0) > chars,
      endContent.length * COPIES * 0.9,
      { timeout: 120_000 },
    );
    const stops = peers.slice(0, PEERS).map((peer, i) => wander(peer, i + 1));
    for (let round = 0; round < ROUNDS; round++) {
      // A paragraph in the middle of the document, as a person editing the paper would.
      const paragraphs = editor.locator(':scope > p');
      const middle = paragraphs.nth(Math.floor((await paragraphs.count()) * (0.4 + round * 0.05)));
      await middle.scrollIntoViewIfNeeded();
      await middle.click();
      await page.waitForTimeout(1000);
      const profiler = await Profiler.start(page);
      await page.keyboard.type('abcdefghijklmnopqrstuvwxyz0123456789'.slice(0, KEYS), {
        delay: 100,
      });
      await page.waitForTimeout(300);
      const summary = await profiler.stop(path.join(OUT, `carets-${round}.cpuprofile`));
      results.push(summary);
      console.log(formatSummary(`round ${round + 1}`, summary));
    }
    for (const stop of stops) stop();
    for (const peer of peers) leave(peer);
  } finally {
    await session.close();
  }
  const js = results.map((r) => r.jsMs).sort((a, b) => a - b);
  const median = js[Math.floor(js.length / 2)]!;
  console.log(
    `\nJS time for ${KEYS} keystrokes, ${COPIES} × B4, ${PEERS} peers moving carets: median ${median} ms`,
  );
  writeFileSync(
    path.join(OUT, 'carets.json'),
    JSON.stringify(
      {
        keys: KEYS,
        caretMs: CARET_MS,
        peers: PEERS,
        copies: COPIES,
        medianJsMs: median,
        rounds: results,
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
