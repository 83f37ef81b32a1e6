/**
 * Proves every layer boundary of eslint.config.js still reports: each file in
 * tests/fixtures/boundaries/ breaks one boundary and says where it pretends to live
 * (`// lint-as:`) and which message must fire (`// expect:`). The repo's own lint run ignores
 * the fixtures; here each is linted under its pretend path with the real config.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const fixtureDir = join(root, 'tests/fixtures/boundaries');
const BOUNDARY_RULES = ['no-restricted-imports', 'no-restricted-syntax'];

const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.ts'))
  .sort()
  .map((name) => {
    const text = readFileSync(join(fixtureDir, name), 'utf8');
    const lintAs = /^\/\/ lint-as: (.+)$/m.exec(text)?.[1];
    const expected = /^\/\/ expect: (.+)$/m.exec(text)?.[1];
    if (!lintAs || !expected) throw new Error(`${name}: needs // lint-as: and // expect: lines`);
    return { name, text, lintAs, expected };
  });

// One ESLint instance for all fixtures: loading the config is most of the cost.
const eslint = new ESLint({ cwd: root });

async function lint(text: string, filePath: string) {
  const [result] = await eslint.lintText(text, { filePath: join(root, filePath) });
  return result!.messages;
}

describe('layer boundaries', () => {
  it('has a fixture for every layer', () => {
    const layers = new Set(fixtures.map((fixture) => fixture.lintAs.split('/')[0]));
    expect([...layers].sort()).toEqual(['electron', 'renderer', 'shared', 'sync-server']);
    expect(fixtures.some((fixture) => fixture.lintAs.startsWith('electron/preload/'))).toBe(true);
  });

  it.each(fixtures)('$name fails lint as $lintAs', async ({ text, lintAs, expected }) => {
    const messages = await lint(text, lintAs);
    // Nothing else may fail: a fixture that does not parse would "fail" for the wrong reason.
    expect(messages.filter((message) => !BOUNDARY_RULES.includes(message.ruleId ?? ''))).toEqual(
      [],
    );
    expect(messages.map((message) => message.message)).toContainEqual(
      expect.stringContaining(expected),
    );
  });

  it.each([
    [
      'shared/ydoc/fixture.ts',
      "import * as Y from 'yjs';\nexport const m = new Y.Doc().getMap('m');",
    ],
    ['shared/protocol/fixture.ts', "export { z } from 'zod';\nexport * from 'lib0/encoding';"],
    ['renderer/platform/fixture.ts', 'export const bridge = window.minka;'],
    ['renderer/sync/fixture.ts', "export { Doc } from 'yjs';"],
    ['renderer/features/documents/fixture.ts', "export type { Doc } from 'yjs';"],
    [
      'electron/preload/fixture.ts',
      "export { ipcRenderer } from 'electron';\nexport * from '../../shared/ipc/channels';",
    ],
    [
      'electron/main/fixture.ts',
      "export { app } from 'electron';\nexport * from '../../shared/ipc/channels';",
    ],
    [
      'sync-server/fixture.ts',
      "export { readFileSync } from 'node:fs';\nexport * from '../shared/protocol/rooms';",
    ],
  ])('allows what %s is meant to import', async (filePath, text) => {
    expect(await lint(text, filePath)).toEqual([]);
  });
});
