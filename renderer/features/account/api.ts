/**
 * The typed client of the server's HTTP API (shared/protocol/api.ts). Every failure becomes an
 * {@link ApiRequestError} with a code: the server's `{ error: { code, message } }`, or `network`
 * when no answer came, or `bad_response` when the answer was not what the API promises. The UI
 * shows {@link apiErrorText}, the code's sentence in the UI language, never the raw message.
 */
import type { TFunction } from 'i18next';
import type { GroupId } from '../../../shared/model/ids';
import type { GroupRole, UserId } from '../../../shared/model/accounts';
import {
  API_ERROR_CODES,
  API_PATHS,
  type AcceptInvitationRequest,
  type AcceptInvitationResponse,
  type AccessRequest,
  type AccessRequestsResponse,
  type ChangeRoleResponse,
  type CreateInvitationRequest,
  type CreateInvitationResponse,
  type GroupDirectoryEntry,
  type GroupsResponse,
  type InvitationPreview,
  type InvitationsResponse,
  type LoginRequest,
  type LoginResponse,
  type MeResponse,
  type Member,
  type MembersResponse,
  type OrganizationsResponse,
  type WorkspaceResponse,
} from '../../../shared/protocol/api';

export const CLIENT_ERROR_CODES = {
  /** No answer: server down, no network, wrong address, or refused by CORS. */
  network: 'network',
  /** An answer that is not the JSON the API promises (e.g. another web server at that address). */
  badResponse: 'bad_response',
} as const;

/** 401 codes that mean "this token no longer opens anything: sign in again". */
const SESSION_GONE = new Set<string>([
  API_ERROR_CODES.sessionExpired,
  API_ERROR_CODES.sessionInvalid,
  API_ERROR_CODES.unauthenticated,
]);

export class ApiRequestError extends Error {
  constructor(
    readonly code: string,
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
    /** The server's own sentence (Spanish), kept for logs. */
    readonly serverMessage: string = '',
    /** Seconds to wait before retrying, from Retry-After (429). */
    readonly retryAfter: number | null = null,
  ) {
    super(`${code} (${status})${serverMessage ? `: ${serverMessage}` : ''}`);
    this.name = 'ApiRequestError';
  }

  /** The token was refused: the session expired or was revoked. */
  get sessionGone(): boolean {
    return this.status === 401 && SESSION_GONE.has(this.code);
  }
}

export function isApiError(error: unknown, code?: string): error is ApiRequestError {
  return error instanceof ApiRequestError && (code === undefined || error.code === code);
}

/** The sentence for an error in the UI language; unknown codes still show their code. */
export function apiErrorText(error: unknown, t: TFunction): string {
  const code = error instanceof ApiRequestError ? error.code : CLIENT_ERROR_CODES.network;
  const known = t(`account.errors.${code}`, {
    defaultValue: '',
    seconds: error instanceof ApiRequestError ? (error.retryAfter ?? 60) : 60,
  });
  return known !== '' ? known : t('account.errors.unknown', { code });
}

export interface ApiClientOptions {
  serverUrl: string;
  /** The session token, read at each request (it changes when the person signs in again). */
  getToken?: () => string | null;
  /** Called when a request that carried a token is refused with a session-gone 401. */
  onSessionGone?: (error: ApiRequestError) => void;
  fetch?: typeof fetch;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export class ApiClient {
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  get serverUrl(): string {
    return this.options.serverUrl;
  }

  // --- auth
  login(body: LoginRequest): Promise<LoginResponse> {
    return this.request('POST', API_PATHS.login, body, { auth: false });
  }
  logout(): Promise<void> {
    return this.request('POST', API_PATHS.logout);
  }
  me(): Promise<MeResponse> {
    return this.request('GET', API_PATHS.me);
  }
  workspace(): Promise<WorkspaceResponse> {
    return this.request('GET', API_PATHS.workspace);
  }

  // --- directory
  organizations(): Promise<OrganizationsResponse> {
    return this.request('GET', API_PATHS.organizations);
  }
  groups(): Promise<GroupsResponse> {
    return this.request('GET', API_PATHS.groups);
  }
  group(groupId: GroupId): Promise<GroupDirectoryEntry> {
    return this.request('GET', API_PATHS.group(groupId));
  }

  // --- members
  members(groupId: GroupId): Promise<MembersResponse> {
    return this.request('GET', API_PATHS.members(groupId));
  }
  changeRole(groupId: GroupId, userId: UserId, role: GroupRole): Promise<ChangeRoleResponse> {
    return this.request('PATCH', API_PATHS.member(groupId, userId), { role });
  }
  removeMember(groupId: GroupId, userId: UserId): Promise<void> {
    return this.request('DELETE', API_PATHS.member(groupId, userId));
  }

  // --- access requests
  requestAccess(groupId: GroupId, message = ''): Promise<AccessRequest> {
    return this.request('POST', API_PATHS.accessRequests(groupId), message ? { message } : {});
  }
  accessRequests(groupId: GroupId): Promise<AccessRequestsResponse> {
    return this.request('GET', API_PATHS.accessRequests(groupId));
  }
  approveAccessRequest(groupId: GroupId, requestId: string, role: GroupRole): Promise<Member> {
    return this.request('POST', API_PATHS.approveAccessRequest(groupId, requestId), { role });
  }
  declineAccessRequest(groupId: GroupId, requestId: string): Promise<void> {
    return this.request('POST', API_PATHS.declineAccessRequest(groupId, requestId));
  }

  // --- invitations
  createInvitation(body: CreateInvitationRequest): Promise<CreateInvitationResponse> {
    return this.request('POST', API_PATHS.invitations, body);
  }
  groupInvitations(groupId: GroupId): Promise<InvitationsResponse> {
    return this.request('GET', API_PATHS.groupInvitations(groupId));
  }
  revokeInvitation(invitationId: string): Promise<void> {
    return this.request('DELETE', API_PATHS.revokeInvitation(invitationId));
  }
  previewInvitation(code: string): Promise<InvitationPreview> {
    return this.request('GET', API_PATHS.invitation(code), undefined, { auth: false });
  }
  acceptInvitation(code: string, body: AcceptInvitationRequest): Promise<AcceptInvitationResponse> {
    return this.request('POST', API_PATHS.acceptInvitation(code), body, { auth: false });
  }

  /** One call of the API; feature clients in renderer/api/ build on it. */
  async request<T>(
    method: Method,
    path: string,
    body?: unknown,
    { auth = true }: { auth?: boolean } = {},
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
    return new ApiRequestError(error.code, response.status, message, retryAfter);
  }
  return new ApiRequestError(CLIENT_ERROR_CODES.badResponse, response.status, '', retryAfter);
}
