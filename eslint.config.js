// Lint rules, and the layer boundaries of docs/architecture.md enforced as import rules.
// Each message says why the boundary exists, so whoever trips it knows what to do instead.
//
// ESLint's flat config replaces a rule's options wholesale when a later block matches the same
// file, so a narrower block that sets `no-restricted-imports` silently drops the wider layer's
// restrictions. Here each boundary is a named set of restrictions, and every file gets ONE block
// per rule listing every set that applies to it (the blocks' file globs do not overlap), built by
// `restrictImports(...)`/`restrictSyntax(...)`. tests/unit/lint/boundaries.test.ts lints a
// fixture per forbidden import and fails if any boundary stops reporting.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The packages shared/ may import: it runs in the renderer, the server and Electron alike. */
const SHARED_PACKAGES = ['yjs', 'lib0', 'y-protocols', 'zod', 'fractional-indexing'];

const nodeBuiltins = (message) => ({
  paths: builtinModules.map((name) => ({ name, message })),
  patterns: [{ regex: '^node:', message }],
});

const BROWSER_ONLY =
  'The renderer also runs in a plain browser: no Node built-ins. Ask the server or the preload bridge.';

/** Boundaries: each is `{ paths, patterns }` in no-restricted-imports' own shape. */
const boundaries = {
  sharedAllowlist: {
    patterns: [
      {
        regex: `^(?!\\.|(${SHARED_PACKAGES.join('|')})(/|$))`,
        message: `shared/ runs in the renderer, the server and Electron alike: it imports only ${SHARED_PACKAGES.join(', ')} (and other shared/ modules).`,
      },
      {
        group: ['**/renderer/**', '**/sync-server/**', '**/electron/**'],
        message: 'shared/ is the bottom layer: it cannot import the layers built on it.',
      },
    ],
  },
  renderer: {
    paths: [
      ...nodeBuiltins(BROWSER_ONLY).paths,
      {
        name: 'electron',
        message:
          'The renderer is sandboxed: reach Electron only through renderer/platform/ and the preload bridge.',
      },
      {
        name: 'better-sqlite3',
        message: 'The renderer stores data in IndexedDB (renderer/storage/).',
      },
    ],
    patterns: [
      ...nodeBuiltins(BROWSER_ONLY).patterns,
      {
        group: ['**/sync-server/**', '**/electron/**'],
        message:
          'The renderer talks to the server over HTTP/WebSocket and to Electron through the preload bridge, never by import.',
      },
    ],
  },
  componentsPlainValues: {
    paths: [
      {
        name: 'yjs',
        allowTypeImports: true,
        message:
          'Components render plain values: read Y.Docs through hooks in renderer/sync/ and shared/ydoc/ readers.',
      },
    ],
  },
  syncServer: {
    paths: [
      {
        name: 'electron',
        message: 'The sync server runs without Electron (it is also deployed alone).',
      },
      ...['react', 'react-dom', 'dexie', 'y-websocket'].map((name) => ({
        name,
        message: 'The sync server holds no client code: UI and IndexedDB belong in renderer/.',
      })),
    ],
    patterns: [
      {
        group: ['**/renderer/**', '**/electron/**'],
        message: 'The sync server shares code with clients only through shared/.',
      },
    ],
  },
  electronMain: {
    patterns: [
      {
        group: ['**/renderer/**', '**/sync-server/**'],
        message:
          'Electron main reaches the renderer through IPC and the server over HTTP, not imports.',
      },
    ],
  },
  preloadAllowlist: {
    patterns: [
      {
        regex: '^(?!electron$|(\\.\\./)+shared/ipc/)',
        message:
          'The preload imports only electron and shared/ipc: it runs sandboxed and is the smallest possible bridge.',
      },
    ],
  },
};

function restrictImports(...sets) {
  return [
    'error',
    {
      paths: sets.flatMap((set) => set.paths ?? []),
      patterns: sets.flatMap((set) => set.patterns ?? []),
    },
  ];
}

const syntax = {
  rawYjsAccess: {
    selector:
      "CallExpression[callee.property.name=/^(getMap|getArray|getXmlFragment|getXmlElement)$/], CallExpression[callee.property.name='getText'][arguments.0.type='Literal']",
    message:
      'Y.Doc roots are read and written only in shared/ydoc/ (typed readers and named mutations); call those instead.',
  },
  // `window.minka`, `window['minka']`, `globalThis.minka`, `const { minka } = window`.
  bridgeAccess: {
    selector: [
      "MemberExpression[object.name=/^(window|globalThis|self)$/][property.name='minka']",
      "MemberExpression[object.name=/^(window|globalThis|self)$/][property.value='minka']",
      "VariableDeclarator[init.name=/^(window|globalThis|self)$/] > ObjectPattern > Property[key.name='minka']",
    ].join(', '),
    message: 'Only renderer/platform/ reads the preload bridge; import from there.',
  },
};

function restrictSyntax(...selectors) {
  return ['error', ...selectors];
}

const RENDERER = 'renderer/**/*.{ts,tsx}';
const RENDERER_PLATFORM = 'renderer/platform/**/*.{ts,tsx}';
const RENDERER_COMPONENTS = ['renderer/features/**/*.{ts,tsx}', 'renderer/app/**/*.{ts,tsx}'];

export default tseslint.config(
  {
    ignores: [
      '.scratch/**',
      'bench-results/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      '.tsbuild/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      // Each fixture breaks a boundary on purpose; boundaries.test.ts lints them one by one.
      'tests/fixtures/boundaries/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // no-restricted-syntax: one block per file set.
  {
    ignores: ['shared/ydoc/**', RENDERER],
    rules: { 'no-restricted-syntax': restrictSyntax(syntax.rawYjsAccess) },
  },
  {
    files: [RENDERER],
    ignores: [RENDERER_PLATFORM],
    rules: { 'no-restricted-syntax': restrictSyntax(syntax.rawYjsAccess, syntax.bridgeAccess) },
  },
  {
    files: [RENDERER_PLATFORM],
    rules: { 'no-restricted-syntax': restrictSyntax(syntax.rawYjsAccess) },
  },
  // no-restricted-imports: one block per file set.
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports(boundaries.sharedAllowlist) },
  },
  {
    files: [RENDERER],
    ignores: RENDERER_COMPONENTS,
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': restrictImports(boundaries.renderer) },
  },
  {
    files: RENDERER_COMPONENTS,
    rules: {
      'no-restricted-imports': restrictImports(
        boundaries.renderer,
        boundaries.componentsPlainValues,
      ),
    },
  },
  {
    files: [RENDERER],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports(boundaries.syncServer) },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/preload/**'],
    rules: { 'no-restricted-imports': restrictImports(boundaries.electronMain) },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': restrictImports(boundaries.preloadAllowlist) },
  },
);
