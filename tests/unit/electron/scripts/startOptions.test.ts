import { describe, expect, it } from 'vitest';
import {
  browserFallbackLine,
  findServerUrl,
  parseStartArgs,
} from '../../../../scripts/lib/startOptions.mjs';

describe('parseStartArgs', () => {
  it('builds and uses port 4455 by default', () => {
    expect(parseStartArgs([])).toEqual({ ok: true, options: { build: true, port: 4455 } });
  });

  it('reads --no-build and --port=', () => {
    expect(parseStartArgs(['--no-build', '--port=4460'])).toEqual({
      ok: true,
      options: { build: false, port: 4460 },
    });
  });

  it.each([['--port=0'], ['--port=70000'], ['--port=abc'], ['--verbose']])(
    'refuses %s with usage',
    (arg) => {
      expect(parseStartArgs([arg])).toMatchObject({ ok: false, message: expect.any(String) });
    },
  );
});

describe('findServerUrl', () => {
  it('finds the URL in the server listening line', () => {
    expect(findServerUrl('Minka: servidor de sincronización en http://127.0.0.1:4455')).toBe(
      'http://127.0.0.1:4455',
    );
    expect(findServerUrl('listening on http://127.0.0.1:4455/ now')).toBe('http://127.0.0.1:4455');
  });

  it('ignores lines without one', () => {
    expect(findServerUrl('Minka: espacio de trabajo de demostración creado.')).toBeNull();
  });
});

describe('browserFallbackLine', () => {
  it('is one line with the reason and the URL, in Spanish and English', () => {
    const line = browserFallbackLine('no hay pantalla', 'http://127.0.0.1:4455');
    expect(line).not.toContain('\n');
    expect(line).toMatch(
      /^Electron no está disponible en este equipo \(no hay pantalla\); abra la aplicación en su navegador: http:\/\/127\.0\.0\.1:4455/,
    );
    expect(line).toContain('open the app in your browser: http://127.0.0.1:4455');
  });
});
