import { describe, expect, it } from 'vitest';
import { forbiddenRequires, requiresOf } from '../../../scripts/lib/preloadRequires';

describe('the built preload check', () => {
  it('finds every require of a CommonJS bundle, literal or computed', () => {
    const code = [
      '"use strict";',
      'const electron = require("electron");',
      "const fs = require('node:fs');",
      'const z = require(`zod`);',
      'const any = require(name);',
    ].join('\n');
    expect(requiresOf(code)).toEqual(['electron', 'node:fs', 'zod', '<dynamic: name>']);
    expect(forbiddenRequires(code)).toEqual(['node:fs', 'zod', '<dynamic: name>']);
  });

  it('accepts a preload that requires only electron', () => {
    expect(forbiddenRequires('const { contextBridge } = require("electron");')).toEqual([]);
  });
});
