import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchMe, revokeSession, signIn } from '../../../../renderer/api/accounts';
import { ApiClient, ApiRequestError, apiErrorText } from '../../../../renderer/api/client';
import { approveAccessRequest, listGroups } from '../../../../renderer/api/groups';
import { resources } from '../../../../renderer/i18n';
import { CodedError } from '../../../../shared/protocol/errors';

const SERVER = 'http://127.0.0.1:4455';
let es: TFunction;
let en: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: 'es-419',
    fallbackLng: 'es-419',
    interpolation: { escapeValue: false },
  });
  es = instance.getFixedT('es-419');
  en = instance.getFixedT('en');
});

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function client(fetchImpl: typeof fetch, token: string | null = null, onSessionGone = vi.fn()) {
  return {
    api: new ApiClient({
      serverUrl: SERVER,
      getToken: () => token,
      fetch: fetchImpl,
      onSessionGone,
    }),
    onSessionGone,
  };
}

async function failure(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiRequestError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('the API client', () => {
  it('sends the token as a bearer header and JSON bodies with their content type', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => json(200, { requests: [] }));
    const { api } = client(fetchImpl, 'secreto');
    await approveAccessRequest(
      api,
      '00000000-0000-4000-8000-000000000001' as never,
      'r1',
      'viewer',
    );
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(String(url)).toBe(
      `${SERVER}/api/groups/00000000-0000-4000-8000-000000000001/access-requests/r1/approve`,
    );
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer secreto');
    expect((init?.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(init?.body).toBe(JSON.stringify({ role: 'viewer' }));
  });

  it('never sends a token with a login, even when one is stored', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () =>
      json(200, { token: 't', expiresAt: '', user: {} }),
    );
    await signIn(client(fetchImpl, 'viejo').api, { email: 'a@b.pe', password: 'x' });
    expect(
      (fetchImpl.mock.calls[0]![1]?.headers as Record<string, string>).authorization,
    ).toBeUndefined();
  });

  it('turns the server’s { error: { code, message } } into a coded error', async () => {
    const { api } = client(async () =>
      json(401, {
        error: { code: 'invalid_credentials', message: 'Correo o contraseña incorrectos.' },
      }),
    );
    const error = await failure(signIn(api, { email: 'a@b.pe', password: 'mala' }));
    expect(error.code).toBe('invalid_credentials');
    expect(error.status).toBe(401);
    expect(error.serverMessage).toBe('Correo o contraseña incorrectos.');
    expect(error.sessionGone).toBe(false);
  });

  it('says "network" when no answer came and "bad_response" when the answer is not the API’s JSON', async () => {
    const offline = client(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect((await failure(fetchMe(offline.api))).code).toBe('network');
    const html = client(async () => new Response('<html>nginx</html>', { status: 502 }));
    const error = await failure(fetchMe(html.api));
    expect([error.code, error.status]).toEqual(['bad_response', 502]);
    const emptyOk = client(async () => new Response('not json', { status: 200 }));
    expect((await failure(fetchMe(emptyOk.api))).code).toBe('bad_response');
  });

  it('reports a refused token once per request that carried one, and not for a wrong password', async () => {
    const expired = client(
      async () => json(401, { error: { code: 'session_expired', message: '' } }),
      'viejo',
    );
    const error = await failure(listGroups(expired.api));
    expect(error.sessionGone).toBe(true);
    expect(expired.onSessionGone).toHaveBeenCalledTimes(1);

    const noToken = client(
      async () => json(401, { error: { code: 'unauthenticated', message: '' } }),
      null,
    );
    await failure(listGroups(noToken.api));
    expect(noToken.onSessionGone).not.toHaveBeenCalled();

    const wrongPassword = client(
      async () => json(401, { error: { code: 'invalid_credentials', message: '' } }),
      'vigente',
    );
    await failure(signIn(wrongPassword.api, { email: 'a@b.pe', password: 'x' }));
    expect(wrongPassword.onSessionGone).not.toHaveBeenCalled();
  });

  it('treats 204 as success with no body', async () => {
    const { api } = client(async () => new Response(null, { status: 204 }), 't');
    await expect(revokeSession(api)).resolves.toBeUndefined();
  });

  it('keeps Retry-After of a 429 for the sentence', async () => {
    const { api } = client(async () =>
      json(429, { error: { code: 'too_many_attempts', message: '' } }, { 'retry-after': '42' }),
    );
    const error = await failure(signIn(api, { email: 'a@b.pe', password: 'x' }));
    expect(error.retryAfter).toBe(42);
    expect(apiErrorText(error, es)).toBe(
      'Demasiados intentos fallidos. Espere 42 segundos y vuelva a intentarlo.',
    );
  });
});

describe('apiErrorText', () => {
  it('gives each code its sentence in the UI language', () => {
    const error = new ApiRequestError('invalid_credentials', 401);
    expect(apiErrorText(error, es)).toBe('El correo o la contraseña no son correctos.');
    expect(apiErrorText(error, en)).toBe('The email or the password is not correct.');
    expect(apiErrorText(new ApiRequestError('network', 0), es)).toMatch(
      /^No se pudo conectar con el servidor/,
    );
    expect(apiErrorText(new ApiRequestError('last_lead', 409), es)).toMatch(/sin líder/);
  });

  it('still names a code this version does not know, and treats a non-API failure as a network problem', async () => {
    const { api } = client(async () =>
      json(507, { error: { code: 'quota_exceeded', message: 'Sin espacio.' } }),
    );
    const error = await failure(fetchMe(api));
    expect([error.code, error.serverCode]).toEqual(['unknown_error', 'quota_exceeded']);
    expect(apiErrorText(error, es)).toBe(
      'El servidor respondió con un error (quota_exceeded). Vuelva a intentarlo; si se repite, actualice Minka.',
    );
    expect(apiErrorText(new TypeError('boom'), en)).toMatch(/^Could not reach the server/);
  });
});

describe('errors of other layers', () => {
  it('show their own sentence, not a network failure', () => {
    const refused = new CodedError('empty_title', 'A title cannot be empty');
    expect(apiErrorText(refused, es)).toBe('El título no puede quedar vacío.');
    expect(apiErrorText(refused, en)).toBe('The title cannot be empty.');
  });
});
