import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  detectElectron,
  findElectronBinary,
  type ElectronProbe,
} from '../../../../scripts/lib/electronBinary.mjs';

const electronDir = path.join('/repo', 'node_modules', 'electron');
const binary = path.join(electronDir, 'dist', 'electron');

function probe(
  overrides: Partial<ElectronProbe> & { files?: Record<string, string> } = {},
): ElectronProbe {
  const files = overrides.files ?? {
    [path.join(electronDir, 'path.txt')]: 'electron',
    [binary]: '',
  };
  return {
    electronDir,
    env: { DISPLAY: ':0' },
    platform: 'linux',
    fileExists: (file) => file in files,
    readText: (file) => files[file] ?? null,
    ...overrides,
  };
}

describe('findElectronBinary', () => {
  it('finds the downloaded binary', () => {
    expect(findElectronBinary(probe())).toEqual({ ok: true, path: binary });
  });

  it('says the package is missing', () => {
    expect(findElectronBinary(probe({ electronDir: null }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not installed/),
    });
  });

  it('says the binary was never downloaded (no path.txt), which is when require("electron") would try to download', () => {
    expect(findElectronBinary(probe({ files: {} }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/path\.txt/),
    });
  });

  it('says the binary is missing when path.txt points at nothing', () => {
    const files = { [path.join(electronDir, 'path.txt')]: 'electron' };
    expect(findElectronBinary(probe({ files }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining(binary),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const files = { '/opt/electron/electron': '' };
    expect(
      findElectronBinary(
        probe({ files, env: { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' } }),
      ),
    ).toEqual({
      ok: true,
      path: '/opt/electron/electron',
    });
  });

  it('refuses a Linux machine without a display', () => {
    expect(findElectronBinary(probe({ env: {} }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/DISPLAY/),
    });
    expect(findElectronBinary(probe({ env: { WAYLAND_DISPLAY: 'wayland-0' } }))).toEqual({
      ok: true,
      path: binary,
    });
  });

  it('does not need a display on Windows', () => {
    expect(findElectronBinary(probe({ env: {}, platform: 'win32' }))).toEqual({
      ok: true,
      path: binary,
    });
  });
});

describe('detectElectron', () => {
  let project: string;

  beforeEach(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'minka-electron-probe-'));
    await writeFile(path.join(project, 'package.json'), '{"name":"probe"}');
    await mkdir(path.join(project, 'node_modules', 'electron', 'dist'), { recursive: true });
    await writeFile(
      path.join(project, 'node_modules', 'electron', 'package.json'),
      '{"name":"electron","main":"index.js"}',
    );
  });

  afterEach(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('reports an installed package whose binary was never downloaded (as on CI)', () => {
    expect(detectElectron(project, { DISPLAY: ':0' }, 'linux')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/path\.txt/),
    });
  });

  it('finds a downloaded binary on disk', async () => {
    const electronDir = path.join(project, 'node_modules', 'electron');
    await writeFile(path.join(electronDir, 'path.txt'), 'electron');
    await writeFile(path.join(electronDir, 'dist', 'electron'), '');
    expect(detectElectron(project, { DISPLAY: ':0' }, 'linux')).toEqual({
      ok: true,
      path: path.join(electronDir, 'dist', 'electron'),
    });
  });
});
