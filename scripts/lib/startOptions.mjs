/**
 * The pure parts of `npm start` (scripts/start.mjs): its command line, and reading the sync
 * server's "listening" line, kept apart so they can be tested without spawning anything.
 */

export const DEFAULT_PORT = 4455;

/**
 * @typedef {{ build: boolean, port: number }} StartOptions
 * @param {readonly string[]} argv
 * @returns {{ ok: true, options: StartOptions } | { ok: false, message: string }}
 */
export function parseStartArgs(argv) {
  let build = true;
  let port = DEFAULT_PORT;
  for (const arg of argv) {
    if (arg === '--no-build') {
      build = false;
    } else if (arg.startsWith('--port=')) {
      const value = arg.slice('--port='.length);
      const parsed = Number(value);
      if (!/^\d+$/.test(value) || parsed < 1 || parsed > 65535) {
        return { ok: false, message: `--port debe ser un número entre 1 y 65535, no «${value}».` };
      }
      port = parsed;
    } else {
      return {
        ok: false,
        message: `Opción desconocida «${arg}». Uso: npm start [-- --no-build] [-- --port=4455]`,
      };
    }
  }
  return { ok: true, options: { build, port } };
}

/** The server URL in one line of the sync server's stdout, or null. @param {string} line */
export function findServerUrl(line) {
  const match = /\bhttps?:\/\/[^\s/]+/.exec(line);
  return match === null ? null : match[0];
}

/** The line printed when the UI is served to the browser instead of Electron. */
export function browserFallbackLine(reason, url) {
  return (
    `Electron no está disponible en este equipo (${reason}); abra la aplicación en su navegador: ${url} ` +
    `· Electron is not available here; open the app in your browser: ${url}`
  );
}
