/**
 * Where main learns the sync server URL: `--server-url=` on its command line wins over the
 * `MINKA_SERVER_URL` environment variable (scripts/start.mjs sets the latter), and both fall back
 * to the local server `npm start` runs. Read once at startup and passed down as a value.
 */
import { parseServerOrigin } from '../../shared/ipc/channels';
import type { ErrorCode } from '../../shared/protocol/errors';

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4455';
const SERVER_URL_ARGUMENT = '--server-url=';

export interface MainConfig {
  /** Bare origin of the sync server, e.g. `http://127.0.0.1:4455`. */
  readonly serverOrigin: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: MainConfig }
  | {
      readonly ok: false;
      readonly code: Extract<ErrorCode, 'bad_server_url'>;
      readonly message: string;
    };

export function readMainConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ConfigResult {
  const fromArgv = argv
    .find((arg) => arg.startsWith(SERVER_URL_ARGUMENT))
    ?.slice(SERVER_URL_ARGUMENT.length);
  const raw = fromArgv ?? (env.MINKA_SERVER_URL || undefined) ?? DEFAULT_SERVER_URL;
  const serverOrigin = parseServerOrigin(raw);
  if (serverOrigin === null) {
    return {
      ok: false,
      code: 'bad_server_url',
      message:
        `La URL del servidor "${raw}" no es válida: use solo esquema, host y puerto, p. ej. ${DEFAULT_SERVER_URL} ` +
        `(--server-url= o MINKA_SERVER_URL).`,
    };
  }
  return { ok: true, config: { serverOrigin } };
}
