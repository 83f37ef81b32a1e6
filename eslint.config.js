// Lint rules, and the layer boundaries of docs/architecture.md enforced as import rules.
// Each message says why the boundary exists, so whoever trips it knows what to do instead.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];
const nodeImports = [...nodeBuiltins, ...nodeBuiltins.map((name) => `node:${name}`)];

const rawYjsAccess = {
  selector:
    "CallExpression[callee.property.name=/^(getMap|getArray|getXmlFragment|getXmlElement)$/], CallExpression[callee.property.name='getText'][arguments.0.type='Literal']",
  message:
    'Y.Doc roots are read and written only in shared/ydoc/ (typed readers and named mutations); call those instead.',
};

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
      'no-restricted-syntax': ['error', rawYjsAccess],
    },
  },
  {
    files: ['shared/ydoc/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeImports.map((name) => ({
              name,
              message:
                'shared/ runs in the renderer, the server and Electron alike: no Node built-ins.',
            })),
            {
              name: 'electron',
              message: 'shared/ is platform-free: Electron belongs in electron/.',
            },
            { name: 'react', message: 'shared/ holds no UI: React belongs in renderer/.' },
          ],
          patterns: [
            {
              group: ['**/renderer/**', '**/sync-server/**', '**/electron/**'],
              message: 'shared/ is the bottom layer: it cannot import the layers built on it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeImports.map((name) => ({
              name,
              message:
                'The renderer also runs in a plain browser: no Node built-ins. Ask the server or the preload bridge.',
            })),
            {
              name: 'electron',
              message:
                'The renderer is sandboxed: reach Electron only through renderer/platform/ and the preload bridge.',
            },
          ],
          patterns: [
            {
              group: ['**/sync-server/**', '**/electron/**'],
              message:
                'The renderer talks to the server over HTTP/WebSocket and to Electron through the preload bridge, never by import.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        rawYjsAccess,
        {
          selector: "MemberExpression[object.name='window'][property.name='minka']",
          message: 'Only renderer/platform/ reads the preload bridge; import from there.',
        },
      ],
    },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'yjs',
              allowTypeImports: true,
              message:
                'Components render plain values: read Y.Docs through hooks in renderer/sync/ and shared/ydoc/ readers.',
            },
          ],
          patterns: [
            {
              group: ['**/sync-server/**', '**/electron/**'],
              message:
                'The renderer talks to the server over HTTP/WebSocket and to Electron through the preload bridge, never by import.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/platform/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', rawYjsAccess] },
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The sync server runs without Electron (it is also deployed alone).',
            },
          ],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'The sync server shares code with clients only through shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'Electron main reaches the renderer through IPC, not imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/renderer/**',
                '**/sync-server/**',
                '**/electron/main/**',
                '**/shared/ydoc/**',
                '**/shared/model/**',
              ],
              message:
                'The preload imports only electron and shared/ipc: it is the smallest possible bridge.',
            },
          ],
        },
      ],
    },
  },
);
