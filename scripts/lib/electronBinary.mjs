/**
 * Whether this machine can run Electron, answered without running or downloading anything.
 *
 * `require('electron')` cannot be used to ask: when the binary is missing, the electron package
 * (v45) starts its installer to download it, which blocks for a long time offline and then
 * throws "Electron failed to install correctly". This reads the same files that package reads
 * (path.txt, dist/) and honours the same ELECTRON_OVERRIDE_DIST_PATH, so a yes here means
 * `require('electron')` would return this path without side effects.
 *
 * Used by scripts/start.mjs and, to skip Electron smoke tests, by the e2e suite.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * @typedef {{ ok: true, path: string } | { ok: false, reason: string }} ElectronBinary
 * @typedef {{
 *   electronDir: string | null,
 *   env: Record<string, string | undefined>,
 *   platform: string,
 *   fileExists: (file: string) => boolean,
 *   readText: (file: string) => string | null,
 * }} ElectronProbe
 */

/** @param {ElectronProbe} probe @returns {ElectronBinary} */
export function findElectronBinary({ electronDir, env, platform, fileExists, readText }) {
  if (electronDir === null) {
    return {
      ok: false,
      reason: 'el paquete electron no está instalado / the electron package is not installed',
    };
  }
  const relative = readText(path.join(electronDir, 'path.txt'))?.trim() || null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH || null;
  if (relative === null && override === null) {
    return {
      ok: false,
      reason:
        'el binario no se descargó: falta node_modules/electron/path.txt / the binary was never downloaded',
    };
  }
  const binary =
    override !== null
      ? path.join(override, relative ?? 'electron')
      : path.join(electronDir, 'dist', relative ?? '');
  if (!fileExists(binary)) {
    return { ok: false, reason: `falta el binario ${binary} / the binary is missing` };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return {
      ok: false,
      reason: 'no hay pantalla gráfica (DISPLAY/WAYLAND_DISPLAY vacías) / no display',
    };
  }
  return { ok: true, path: binary };
}

/** {@link findElectronBinary} for the electron package installed next to `fromDir`. @returns {ElectronBinary} */
export function detectElectron(
  fromDir = process.cwd(),
  env = process.env,
  platform = process.platform,
) {
  let electronDir = null;
  try {
    electronDir = path.dirname(
      createRequire(path.join(fromDir, 'package.json')).resolve('electron/package.json'),
    );
  } catch {
    electronDir = null;
  }
  return findElectronBinary({
    electronDir,
    env,
    platform,
    fileExists: existsSync,
    readText: (file) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
  });
}
