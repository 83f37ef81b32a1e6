/**
 * The request helper every area client of the HTTP API is built on (accounts.ts, groups.ts,
 * invitations.ts…; bodies and answers are typed in shared/protocol/). Every failure becomes an
 * {@link ApiRequestError} whose code belongs to the one closed union of shared/protocol/errors.ts:
 * the server's `{ error: { code, message } }`, `network` when no answer came, `bad_response`
 * when the answer was not what the API promises, `unknown_error` for a code this version does
 * not know. The UI shows {@link apiErrorText}, the code's sentence in the UI language, never the
 * server's raw message.
 */
import type { TFunction } from 'i18next';
import { API_ERROR_CODES } from '../../shared/protocol/api';
import {
  CLIENT_ERROR_CODES,
  CodedError,
  isErrorCode,
  type ErrorCode,
} from '../../shared/protocol/errors';

/** 401 codes that mean "this token no longer opens anything: sign in again". */
const SESSION_GONE = new Set<ErrorCode>([
  API_ERROR_CODES.sessionExpired,
  API_ERROR_CODES.sessionInvalid,
  API_ERROR_CODES.unauthenticated,
]);

export class ApiRequestError extends CodedError {
  constructor(
    code: ErrorCode,
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
    /** The server's own sentence (Spanish), kept for logs. */
    readonly serverMessage: string = '',
    /** Seconds to wait before retrying, from Retry-After (429). */
    readonly retryAfter: number | null = null,
    /** The code as the server sent it, when this version does not know it. */
    readonly serverCode: string = code,
  ) {
    super(code, `${serverCode} (${status})${serverMessage ? `: ${serverMessage}` : ''}`);
    this.name = 'ApiRequestError';
  }

  /** The token was refused: the session expired or was revoked. */
  get sessionGone(): boolean {
    return this.status === 401 && SESSION_GONE.has(this.code);
  }
}

/**
 * The sentence for an error in the UI language: any {@link CodedError} (API, desktop, document)
 * shows its code's sentence; anything else was a failure to reach the server.
 */
export function apiErrorText(error: unknown, t: TFunction): string {
  const code = error instanceof CodedError ? error.code : CLIENT_ERROR_CODES.network;
  return t(`errors.${code}`, {
    seconds: error instanceof ApiRequestError ? (error.retryAfter ?? 60) : 60,
    code: error instanceof ApiRequestError ? error.serverCode : code,
  });
}

export interface ApiClientOptions {
  serverUrl: string;
  /** The session token, read at each request (it changes when the person signs in again). */
  getToken?: () => string | null;
  /** Called when a request that carried a token is refused with a session-gone 401. */
  onSessionGone?: (error: ApiRequestError) => void;
  fetch?: typeof fetch;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** False for the calls made before signing in (login, invitation preview and accept). */
  auth?: boolean;
}

export class ApiClient {
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  get serverUrl(): string {
    return this.options.serverUrl;
  }

  /** One API call; `T` is the answer's type from shared/protocol/ (204 gives `undefined`). */
  async request<T>(
    method: Method,
    path: string,
    body?: unknown,
    { auth = true }: RequestOptions = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = auth ? (this.options.getToken?.() ?? null) : null;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await this.doFetch(new URL(path, this.options.serverUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiRequestError(CLIENT_ERROR_CODES.network, 0);
    }

    if (response.status === 204) return undefined as T;
    const parsed = await response.json().catch(() => undefined);
    if (response.ok) {
      if (parsed === undefined || parsed === null || typeof parsed !== 'object') {
        throw new ApiRequestError(CLIENT_ERROR_CODES.badResponse, response.status);
      }
      return parsed as T;
    }
    const error = readError(parsed, response);
    if (token !== null && error.sessionGone) this.options.onSessionGone?.(error);
    throw error;
  }
}

function readError(body: unknown, response: Response): ApiRequestError {
  const retryHeader = response.headers.get('retry-after');
  const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (error !== undefined && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : '';
    const code = isErrorCode(error.code) ? error.code : CLIENT_ERROR_CODES.unknownError;
    return new ApiRequestError(code, response.status, message, retryAfter, error.code);
  }
  return new ApiRequestError(CLIENT_ERROR_CODES.badResponse, response.status, '', retryAfter);
}
