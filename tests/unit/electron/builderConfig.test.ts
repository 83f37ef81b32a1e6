// The packaging config (electron-builder.yml) as electron-builder itself reads and validates it:
// the fuses of the security checklist, the four installer targets and the minka:// scheme.
// Packaging itself downloads Electron, so it is not run here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration, TargetConfiguration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
let config: Configuration;

const targetNames = (targets: unknown): string[] =>
  (targets as (string | TargetConfiguration)[]).map((target) =>
    typeof target === 'string' ? target : target.target,
  );

describe('electron-builder.yml', () => {
  beforeAll(async () => {
    config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  });

  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips every fuse of the security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb, NSIS and dmg for Minka', () => {
    expect(config.appId).toBe('pe.minka.app');
    expect(config.productName).toBe('Minka');
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
  });

  it('registers the minka:// scheme on every platform', () => {
    expect(config.protocols).toEqual([{ name: 'Minka', schemes: ['minka'] }]);
    expect(config.linux?.mimeTypes).toContain('x-scheme-handler/minka');
  });

  it('packages only the build output, never node_modules or the server', () => {
    // getConfig normalizes the list into [{ filter: [...] }].
    const patterns = (config.files as { filter: string[] }[]).flatMap((entry) => entry.filter);
    expect(patterns).toEqual(expect.arrayContaining(['out/main/**', '!**/node_modules/**']));
    expect(patterns.filter((pattern) => !pattern.startsWith('!'))).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
    ]);
    expect(config.npmRebuild).toBe(false);
  });

  it('packages a current Electron (checklist: use a current version)', () => {
    const installed = JSON.parse(
      readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
    ) as { version: string };
    expect(Number(installed.version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});
