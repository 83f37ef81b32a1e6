/**
 * The Minka sync server as a value: `createServer(options)` listens and returns `{ url, port,
 * close }`, and every piece of state lives in that call, so tests run many servers side by side
 * on port 0. HTTP (API and the built renderer) and WebSocket sync share one port; a WebSocket is
 * upgraded only after its Origin, its room name, its session and the person's membership of the
 * room's group were checked and its room is loaded, so every refusal is plain HTTP.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ApiErrorCode } from '../shared/protocol/api';
import { CloseCode, DEFAULT_MAX_FRAME_BYTES } from '../shared/protocol/messages';
import { parseRoom, roomName, type Room } from '../shared/protocol/rooms';
import { SCHEMA_VERSIONS } from '../shared/ydoc/schema';
import { AccountStore } from './accounts/accountStore';
import { ensureFirstAdmin, type AdminInput } from './accounts/bootstrap';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimits } from './accounts/loginLimiter';
import { Cluster } from './cluster/cluster';
import { SharedLoginLimiter } from './cluster/sharedLoginLimiter';
import { ServerMetrics, serveMetrics } from './ops/metrics';
import { readiness } from './ops/readiness';
import { Connection, type ConnectionContext } from './connection';
import { handleApi, isApiPath, type ApiContext } from './http/api';
import { DEFAULT_ALLOWED_ORIGINS, originAllowed, type OriginPolicy } from './http/origin';
import { sendError } from './http/respond';
import { serveStatic } from './http/static';
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from './limits';
import type { RateLimit } from './rateLimit';
import { describeError } from './describeError';
import { Notifier } from './notifier';
import { checkDataDir, DATABASE_FILE, lockDataDir } from './dataDir';
import { RoomRegistry } from './roomRegistry';
import { createAutoVersioner } from './versions/autoVersions';
import { demoAccountsTable, seedDemo, seedDemoAccounts } from './seed/demo';
import { authorizeUpgrade, reevaluate, reevaluateAll, type SocketCredential } from './socketAccess';
import { SyncTickets } from './syncTickets';
import { SqliteStorage } from './storage/sqliteStorage';
import type { Storage } from './storage/storage';

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port; the chosen one is in the result. */
  port?: number;
  /** Directory of the SQLite database (created if missing). */
  dataDir: string;
  /** The built renderer to serve at `/`; nothing is served there without it. */
  staticDir?: string;
  /** Largest WebSocket frame; a larger one closes its connection with 1009. */
  maxFrameBytes?: number;
  /** How long a room with no connection stays in memory. */
  idleUnloadMs?: number;
  /**
   * How long a room's document stays in memory after nothing used it (to twice that), while its
   * connections stay: a sleeping room answers joins from storage and reads the document back on
   * the next write.
   */
  sleepAfterMs?: number;
  /** Creates the demo workspace when the database has none. */
  seedDemo?: boolean;
  log?: (line: string) => void;
  /** Storage to use instead of the SQLite file in dataDir; the server closes it on close(). */
  storage?: Storage;
  /**
   * A PostgreSQL database (postgres://…) for the rooms and the account store instead of the
   * SQLite file in dataDir, shared by every instance of a cluster. Migrated on start.
   */
  postgresUrl?: string;
  /** Connections this instance opens to PostgreSQL (default 10). */
  postgresPool?: number;
  /** Uncommitted bytes per room above which writers are closed with 1013. */
  maxPendingBytes?: number;
  /** Messages per connection; above it the connection is closed with 1008 (policy), after which clients reconnect with backoff. */
  rateLimit?: RateLimit;
  /** Stored updates per room above which the room is compacted. */
  compactAfter?: number;
  /** Creates this admin on first start, when the database has no user (MINKA_ADMIN_EMAIL/PASSWORD). */
  adminBootstrap?: AdminInput;
  /** Web origins allowed besides the server's own (default: app://minka). */
  allowedOrigins?: readonly string[];
  /** The clock of sessions, invitations and login limits (tests move it forward). */
  now?: () => number;
  /** Failed-login limits; tests lower them. */
  loginLimits?: Partial<LoginLimits>;
  /** Behind a reverse proxy: count login failures per X-Forwarded-For address, not the proxy's. */
  trustProxy?: boolean;
  /** Bounds on what sync messages decode to (limits.ts); tests lower them. */
  limits?: Partial<SyncLimits>;
  /**
   * How often every open socket's session and membership are re-checked, which closes sockets
   * of sessions that expired by time or were revoked by `npm run admin` in another process.
   */
  sessionRecheckMs?: number;
  /**
   * Redis of a cluster of instances (redis://…): rooms' updates and awareness are relayed to the
   * other instances holding them, access changes reach their sockets, login limits are shared.
   * Without it the server runs alone, as before.
   */
  redisUrl?: string;
  /** Prefix of this deployment's Redis channels and keys (default `minka:`). */
  redisPrefix?: string;
  /** This instance's name in logs, metrics and Redis (default: a random id). */
  instanceId?: string;
  /** Bearer token that GET /metrics requires; metrics are off (404) without one. */
  metricsToken?: string;
  /** Events only a log collector wants (connections opened and closed); JSON logs set it. */
  logEvent?: (name: string, fields: Record<string, string | number>) => void;
}

export interface MinkaServer {
  url: string;
  port: number;
  /** This instance's id (logs, metrics, Redis). */
  instanceId: string;
  /**
   * Drains and stops: new sockets and requests are refused (/readyz answers 503), every room
   * commits what it holds and tells its clients `saved`, then the sockets close with 1012 (service
   * restart: reconnect now, to another instance) and the database and Redis are closed.
   */
  close(): Promise<void>;
}

export { DATABASE_FILE } from './dataDir';

export async function createServer(options: ServerOptions): Promise<MinkaServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.log(line));
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const rateLimit = options.rateLimit ?? { perSecond: 300, burst: 3000 };
  const now = options.now ?? (() => Date.now());
  const instanceId = options.instanceId ?? randomUUID().slice(0, 8);
  mkdirSync(options.dataDir, { recursive: true });
  checkDataDir(options.dataDir);
  let cluster: Cluster | null = null;
  if (options.redisUrl !== undefined) {
    cluster = await Cluster.connect({
      url: options.redisUrl,
      prefix: options.redisPrefix ?? 'minka:',
      instanceId,
      log,
    });
  }
  // Instances of one cluster share their database by design (they see each other's rooms through
  // Redis); a server alone keeps the directory to itself.
  const unlockDir = cluster === null ? lockDataDir(options.dataDir) : () => {};
  const unlock = () => {
    unlockDir();
    void cluster?.close();
  };
  let storage: Storage;
  let store: AccountStore;
  if (options.postgresUrl !== undefined) {
    try {
      // Loaded only here: a SQLite server never loads the PostgreSQL driver.
      const { openPostgres } = await import('./db/open');
      const databases = await openPostgres(options.postgresUrl, now, {
        ...(options.postgresPool !== undefined ? { max: options.postgresPool } : {}),
      });
      // The shared pool belongs to the account store; the rooms' storage only borrows it.
      storage = options.storage ?? databases.storage;
      store = databases.store;
    } catch (error) {
      await options.storage?.close();
      unlock();
      throw error;
    }
  } else {
    try {
      storage = options.storage ?? new SqliteStorage(join(options.dataDir, DATABASE_FILE));
    } catch (error) {
      unlock();
      throw error;
    }
    try {
      store = AccountStore.openSqlite(join(options.dataDir, DATABASE_FILE), now);
    } catch (error) {
      await storage.close();
      unlock();
      throw error;
    }
  }

  try {
    if (options.seedDemo === true && (await store.users.count()) === 0) {
      const fresh = (await store.groups.workspace()) === null;
      const accounts = fresh
        ? await seedDemo(storage, store, now())
        : await seedDemoAccounts(store);
      log(
        fresh
          ? 'Minka: espacio de trabajo de demostración creado. Cuentas de demostración:'
          : 'Minka: cuentas de demostración añadidas al espacio de trabajo existente:',
      );
      for (const line of demoAccountsTable(accounts)) log(line);
    }
    if (options.adminBootstrap !== undefined) {
      const made = await ensureFirstAdmin(store, options.adminBootstrap);
      log(
        made
          ? `Minka: cuenta de administración creada para ${options.adminBootstrap.email}.`
          : 'Aviso: MINKA_ADMIN_EMAIL no se usó porque la base ya tiene cuentas; para otra ' +
              'administración use `npm run admin -- create-admin`.',
      );
    }
    if ((await store.users.count()) === 0) {
      log(
        'Aviso: no hay ninguna cuenta. Cree la primera administración con MINKA_ADMIN_EMAIL y ' +
          'MINKA_ADMIN_PASSWORD, o con `npm run admin -- create-admin --email … --name …`.',
      );
    }
  } catch (error) {
    await storage.close();
    await store.close();
    unlock();
    throw error;
  }

  const notifier = new Notifier(store, log);
  const autoVersions = createAutoVersioner(store, now, log);
  let closing: Promise<void> | null = null;
  const connections = new Set<Connection>();
  // eslint-disable-next-line prefer-const -- assigned below, read lazily by the metrics
  let registry: RoomRegistry;
  const metrics = new ServerMetrics(
    {
      connections: () => connections.size,
      roomsLoaded: () => registry.loadedCount,
      roomsAwake: () => registry.awakeCount(),
      pendingBytes: () => registry.unsavedBytes(),
      draining: () => closing !== null,
      cluster: () => cluster?.counters ?? null,
    },
    instanceId,
  );
  registry = new RoomRegistry(
    {
      storage,
      log,
      cluster: cluster ?? undefined,
      onUpdateApplied: (relayed) => (relayed ? metrics.relayedUpdates : metrics.updates).inc(),
      onCommitTimed: (seconds, updates) => {
        metrics.commitSeconds.observe(seconds);
        metrics.committedUpdates.inc(updates);
      },
      onCommitted: (room, doc, batch) => {
        void notifier.roomCommitted(room.name, doc, batch);
        autoVersions.afterCommit(room.name, doc);
      },
      maxPendingBytes: options.maxPendingBytes ?? Math.max(64 * 1024 * 1024, 4 * maxFrameBytes),
      compactAfter: options.compactAfter ?? 200,
    },
    options.idleUnloadMs ?? 30_000,
    options.sleepAfterMs ?? 30_000,
    (name) => {
      store.clientIds.forgetRoom(name);
      autoVersions.forget(name);
    },
  );
  const connectionContext: ConnectionContext = {
    rateLimit,
    limits: { ...DEFAULT_SYNC_LIMITS, ...options.limits },
    clientIds: store.clientIds,
    log,
    onClosed: (connection, code) => {
      connections.delete(connection);
      options.logEvent?.('connection.close', {
        room: connection.roomName,
        user: connection.access.userId,
        code,
      });
    },
  };
  // `connections` holds the sockets; ws's own set of them (and its listener on each) is not needed.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxFrameBytes,
    clientTracking: false,
  });
  const loginLimits = { ...DEFAULT_LOGIN_LIMITS, ...options.loginLimits };
  const origins: OriginPolicy = {
    allowed: new Set([...DEFAULT_ALLOWED_ORIGINS, ...(options.allowedOrigins ?? [])]),
    loopback: isLoopbackHost(host),
  };
  const api: ApiContext = {
    storage,
    store,
    commitsFailing: () => registry.failing(),
    limiter:
      cluster === null
        ? new LoginLimiter(loginLimits, now)
        : new SharedLoginLimiter(cluster.redis, cluster.prefix, loginLimits, now),
    loginLimits,
    log,
    now,
    trustProxy: options.trustProxy ?? false,
    accessChanged: async (userId) => {
      // The other instances re-check that person's sockets at once (their timer would within
      // sessionRecheckMs anyway).
      cluster?.publishAccess(userId).catch((error: unknown) => {
        log(
          `Aviso: no se pudo avisar a las otras instancias de un cambio de acceso: ${describeError(error)}`,
        );
      });
      await reevaluate(store, connections, userId).catch((error: unknown) =>
        log(`Aviso: no se pudieron revisar las conexiones de ${userId}: ${describeError(error)}`),
      );
    },
    tickets: new SyncTickets(now, (sessionId) => store.sessions.tokenHash(sessionId)),
    notificationsSettled: () => notifier.settled(),
    withRoom: (name, change) => registry.write(name, change),
  };
  let rechecking = false;
  const recheckTimer = setInterval(() => {
    if (rechecking) return;
    rechecking = true;
    reevaluateAll(store, connections)
      .catch((error: unknown) =>
        log(`Aviso: no se pudieron revisar las sesiones abiertas: ${describeError(error)}`),
      )
      .finally(() => (rechecking = false));
  }, options.sessionRecheckMs ?? 2000);
  recheckTimer.unref();
  cluster?.onAccessChange((userId) => {
    reevaluate(store, connections, userId).catch((error: unknown) =>
      log(`Aviso: no se pudieron revisar las conexiones de ${userId}: ${describeError(error)}`),
    );
  });

  const handleRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = rawPath(req.url);
    if (pathname === '/readyz') {
      const report = await readiness(storage, cluster, registry, closing !== null);
      res.writeHead(report.ready ? 200 : 503, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(JSON.stringify({ ...report, instance: instanceId }));
    } else if (pathname === '/metrics') {
      await serveMetrics(req, res, metrics, options.metricsToken);
    } else if (isApiPath(pathname)) await handleApi(req, res, requestUrl(req), api, origins);
    else await serveStatic(req, res, pathname, options.staticDir);
  };

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const destroyOnError = () => socket.destroy();
    socket.on('error', destroyOnError);
    const pathname = rawPath(req.url);
    if (!pathname.startsWith('/sync/')) {
      refuse(socket, 404, 'not_found', 'Las conexiones de sincronización van a /sync/<sala>.');
      return;
    }
    if (!originAllowed(req, origins)) {
      refuse(
        socket,
        403,
        'origin_not_allowed',
        'Este servidor no acepta conexiones de esa página.',
      );
      return;
    }
    const parsed = roomFromPath(pathname.slice('/sync/'.length));
    if (parsed === null) {
      refuse(socket, 400, 'invalid_room', 'El nombre de la sala no es válido; actualice Minka.');
      return;
    }
    const name = roomName(parsed);
    const credential = await socketCredential(requestUrl(req).searchParams, api.tickets);
    const decision = await authorizeUpgrade(store, credential, parsed);
    if (!decision.ok) {
      refuse(socket, decision.status, decision.code, decision.message);
      return;
    }
    if (newerSchemaThanServer(req, parsed)) {
      // Accepted only to close with a code the stock client treats as final: a refused upgrade
      // would look like a network failure and be retried forever. No byte of the room is sent.
      wss.handleUpgrade(req, socket, head, (ws) =>
        ws.close(
          CloseCode.schemaTooNew,
          'server_too_old: este servidor usa una versión anterior de Minka; actualícelo.',
        ),
      );
      return;
    }
    if (closing !== null) {
      refuse(
        socket,
        503,
        'shutting_down',
        'El servidor se está deteniendo; vuelva a conectarse en unos segundos.',
      );
      return;
    }
    let room;
    try {
      room = await registry.acquire(name);
    } catch (error) {
      log(`ERROR: no se pudo cargar la sala ${name}: ${describeError(error)}`);
      refuse(
        socket,
        503,
        'storage_unavailable',
        'El servidor no pudo leer esta sala; vuelva a intentarlo.',
      );
      return;
    }
    if (socket.destroyed || closing !== null) {
      room.release();
      socket.destroy();
      return;
    }
    // Access may have changed while the room loaded: decide again, with what is true now.
    let current;
    try {
      current = await authorizeUpgrade(store, { sessionId: decision.access.sessionId }, parsed);
    } catch (error) {
      room.release();
      throw error;
    }
    if (!current.ok) {
      room.release();
      refuse(socket, current.status, current.code, current.message);
      return;
    }
    const releaseRoom = () => room.release();
    socket.once('close', releaseRoom);
    wss.handleUpgrade(req, socket, head, (ws) => {
      // From here the connection holds the room, and ws handles the socket's errors.
      socket.off('close', releaseRoom);
      socket.off('error', destroyOnError);
      const connection = new Connection(ws, socket, room, current.access, connectionContext);
      connections.add(connection);
      options.logEvent?.('connection.open', { room: name, user: current.access.userId });
    });
  };

  const server = createHttpServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      // The path only: a query string may hold a secret.
      log(`ERROR en ${rawPath(req.url)}: ${describeError(error)}`);
      if (!res.headersSent)
        sendError(res, 500, 'internal_error', 'Error interno del servidor; revise su registro.');
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrade(req, socket, head).catch((error: unknown) => {
      // A database that is locked, full or failing answers 503, never an unhandled rejection.
      log(`ERROR al abrir una conexión de sincronización: ${describeError(error)}`);
      if (!socket.destroyed) {
        refuse(
          socket,
          503,
          'storage_unavailable',
          'El servidor no puede usar su base de datos ahora; vuelva a conectarse en unos segundos.',
        );
      }
    });
  });

  try {
    await listen(server, options.port ?? 4455, host);
  } catch (error) {
    clearInterval(recheckTimer);
    await storage.close();
    await store.close();
    unlock();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const close = async (): Promise<void> => {
    clearInterval(recheckTimer);
    // Stop accepting: new upgrades answer 503 (closing), the listener closes, idle HTTP
    // keep-alive connections go; open sync sockets stay until their rooms are committed.
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const pending = registry.unsavedBytes();
    log(
      `Minka: deteniendo la instancia ${instanceId}: ${connections.size} conexiones, ` +
        `${registry.loadedCount} salas, ${pending} bytes por guardar.`,
    );
    // Commit what the rooms hold while their clients are still there to hear `saved`.
    await registry.flushAll();
    for (const connection of connections)
      connection.close(CloseCode.serviceRestart, 'server restarting: reconnect now');
    server.closeAllConnections();
    await registry.closeAll();
    for (const connection of connections) connection.terminate();
    wss.close();
    await stopped;
    await storage.close();
    await store.close();
    unlock();
  };

  return {
    url,
    port,
    instanceId,
    close: () => (closing ??= close()),
  };
}

function listen(
  server: ReturnType<typeof createHttpServer>,
  port: number,
  host: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The path of a request URL as sent, without normalizing `..` away. */
function rawPath(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]!;
  return path.startsWith('/') ? path : `/${path}`;
}

/** The request URL against a placeholder origin; a path like `//x` stays a path, not a host. */
/**
 * The client writes a schema newer than this build knows for the room's kind (`?schema=`).
 * The server never rewrites content (shared/ydoc/schema.ts), so refusing is all it must do.
 */
function newerSchemaThanServer(req: IncomingMessage, room: Room): boolean {
  const declared = requestUrl(req).searchParams.get('schema');
  if (declared === null || !/^\d{1,6}$/.test(declared)) return false;
  return Number(declared) > SCHEMA_VERSIONS[room.kind];
}

function requestUrl(req: IncomingMessage): URL {
  const raw = req.url ?? '/';
  return new URL(`http://minka.invalid${raw.startsWith('/') ? '' : '/'}${raw}`);
}

/**
 * The session a socket names: a single-use `ticket` (its session id once redeemed), else a
 * `token` (older clients), else none.
 */
async function socketCredential(
  query: URLSearchParams,
  tickets: SyncTickets,
): Promise<SocketCredential> {
  const ticket = query.get('ticket');
  if (ticket !== null && ticket !== '') {
    const sessionId = await tickets.redeem(ticket);
    return sessionId === null ? null : { sessionId };
  }
  const token = query.get('token');
  return token === null || token === '' ? null : { token };
}

/** The room a `/sync/` path names (percent-decoded once), or null. */
function roomFromPath(encoded: string): Room | null {
  try {
    return parseRoom(decodeURIComponent(encoded));
  } catch {
    return null;
  }
}

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

function refuse(socket: Duplex, status: number, code: ApiErrorCode, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  const reason = REASONS[status] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}
