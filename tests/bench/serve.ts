/**
 * One benchmark server in its own process (so it can be pinned to its own core with taskset and
 * the load it serves does not share its event loop): `tsx tests/bench/serve.ts minka <dataDir>`
 * or `… peer`. Prints one JSON line `{ "syncUrl": …, "room": … }` and serves until killed.
 */
import { startMinka, startPeer } from './run';

const [kind, dataDir] = process.argv.slice(2);
const endpoint = kind === 'minka' ? await startMinka(dataDir!) : await startPeer();
const template = endpoint.syncUrl('ROOM');
process.stdout.write(
  `${JSON.stringify({ template, rooms: Array.from({ length: 100 }, (_, i) => endpoint.room(i)) })}\n`,
);
