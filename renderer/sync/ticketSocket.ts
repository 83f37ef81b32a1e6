/**
 * A WebSocket class for y-websocket's `WebSocketPolyfill` that asks for the socket's credential
 * (a single-use sync ticket, shared/protocol/syncTicketApi.ts) before EVERY connection attempt and
 * adds it to the URL, so the long-lived session token never travels in a socket URL and a
 * reconnect never reuses a spent ticket. The provider keeps its own backoff and offline behaviour:
 * a failed ticket request ends the attempt like a refused upgrade (close 1006, or the code the
 * error carries, e.g. 4401 when the session ended), and the provider retries after its delay.
 */

/** A credential request failed in a way the socket should report with this close code. */
export class SocketCredentialError extends Error {
  constructor(readonly closeCode: number) {
    super(`socket credential refused (${closeCode})`);
    this.name = 'SocketCredentialError';
  }
}

/** Query parameters that authenticate one socket; called once per connection attempt. */
export type SocketCredential = () => Promise<Record<string, string>>;

/** How a browser reports a socket that could not open. */
const ABNORMAL_CLOSURE = 1006;

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

type Handler<E> = ((event: E) => void) | null;

export function ticketSocket(
  credential: SocketCredential,
  Socket: typeof WebSocket = globalThis.WebSocket,
): typeof WebSocket {
  class TicketSocket {
    static readonly CONNECTING = CONNECTING;
    static readonly OPEN = OPEN;
    static readonly CLOSING = CLOSING;
    static readonly CLOSED = CLOSED;
    readonly CONNECTING = CONNECTING;
    readonly OPEN = OPEN;
    readonly CLOSING = CLOSING;
    readonly CLOSED = CLOSED;

    onopen: Handler<Event> = null;
    onmessage: Handler<MessageEvent> = null;
    onerror: Handler<Event> = null;
    onclose: Handler<CloseEvent> = null;
    private socket: WebSocket | null = null;
    private closed = false;
    private type: BinaryType = 'arraybuffer';

    constructor(
      readonly url: string,
      private readonly protocols?: string | string[],
    ) {
      void credential().then(
        (params) => this.open(params),
        (error: unknown) => this.fail(error),
      );
    }

    get readyState(): number {
      if (this.socket !== null) return this.socket.readyState;
      return this.closed ? CLOSED : CONNECTING;
    }

    get binaryType(): BinaryType {
      return this.type;
    }

    set binaryType(type: BinaryType) {
      this.type = type;
      if (this.socket !== null) this.socket.binaryType = type;
    }

    send(data: Parameters<WebSocket['send']>[0]): void {
      if (this.socket === null) throw new Error('socket not open');
      this.socket.send(data);
    }

    close(code?: number, reason?: string): void {
      this.closed = true;
      this.socket?.close(code, reason);
    }

    private open(params: Record<string, string>): void {
      if (this.closed) return;
      const url = new URL(this.url);
      for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
      const socket = new Socket(url.toString(), this.protocols);
      socket.binaryType = this.type;
      socket.onopen = (event) => this.onopen?.(event);
      socket.onmessage = (event) => this.onmessage?.(event);
      socket.onerror = (event) => this.onerror?.(event);
      socket.onclose = (event) => {
        this.closed = true;
        this.onclose?.(event);
      };
      this.socket = socket;
    }

    private fail(error: unknown): void {
      if (this.closed) return;
      this.closed = true;
      const code = error instanceof SocketCredentialError ? error.closeCode : ABNORMAL_CLOSURE;
      // What y-websocket reads of a close event: its code and reason.
      this.onclose?.({ code, reason: '', wasClean: false } as CloseEvent);
    }
  }
  return TicketSocket as unknown as typeof WebSocket;
}
