/**
 * The faulty network of the chaos tests (issue 9): a TCP proxy on loopback that delays every
 * chunk by 0–60 ms (keeping byte order), and on demand drops or resets one open connection;
 * seeded, so a failing run replays from its seed.
 */
import {
  createConnection,
  createServer,
  type AddressInfo,
  type Server,
  type Socket,
} from 'node:net';

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ChaosProxy {
  port: number;
  /** Points new connections at the server's current port (it changes on every restart). */
  setUpstream(port: number): void;
  /** Ends or resets one open connection at random; returns what it did. */
  strike(): 'drop' | 'reset' | null;
  /** Stops delaying; connections opened from now on pass straight through. */
  calm(): void;
  counts: { connections: number; drops: number; resets: number };
  close(): Promise<void>;
}

/**
 * Forwards each client connection to the server, delaying every chunk by 0–60 ms while keeping
 * the order of the bytes (a delayed TCP link, not a corrupting one).
 */
export async function startChaosProxy(random: () => number): Promise<ChaosProxy> {
  let upstreamPort = 0;
  let delaying = true;
  const pairs = new Set<{ client: Socket; server: Socket }>();
  const counts = { connections: 0, drops: 0, resets: 0 };

  const pipeDelayed = (from: Socket, to: Socket) => {
    let due = 0;
    from.on('data', (chunk: Buffer) => {
      if (!delaying) {
        if (!to.destroyed) to.write(chunk);
        return;
      }
      due = Math.max(due, Date.now() + Math.floor(random() * 60));
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, due - Date.now());
    });
  };

  const server: Server = createServer((client) => {
    counts.connections++;
    const upstream = createConnection({ host: '127.0.0.1', port: upstreamPort });
    const pair = { client, server: upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
    pipeDelayed(client, upstream);
    pipeDelayed(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    setUpstream: (port) => (upstreamPort = port),
    strike() {
      const open = [...pairs];
      if (open.length === 0) return null;
      const pair = open[Math.floor(random() * open.length)]!;
      pairs.delete(pair);
      if (random() < 0.5) {
        counts.drops++;
        pair.client.destroy();
        pair.server.destroy();
        return 'drop';
      }
      counts.resets++;
      pair.client.resetAndDestroy();
      pair.server.resetAndDestroy();
      return 'reset';
    },
    calm: () => (delaying = false),
    counts,
    close: () =>
      new Promise((resolve) => {
        for (const pair of pairs) {
          pair.client.destroy();
          pair.server.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
