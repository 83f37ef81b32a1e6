// Builds the three parts of the desktop app into out/: main (ESM, like the package, with its few
// imports such as zod bundled in, so the installers ship no node_modules), the preload
// (CommonJS, because a sandboxed preload cannot be an ES module, and with its imports bundled in,
// because a sandboxed preload cannot require anything but electron) and the renderer, the same
// build the sync server serves to browsers.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { sandboxedPreloadRequires } from './scripts/lib/preloadRequires';

const root = import.meta.dirname;

/**
 * Absolute asset URLs (`/assets/…`): app://minka/ and the sync server both serve the build at
 * `/` and answer any extensionless path with index.html, where relative URLs (which electron-vite
 * forces in production) would point below that path. The renderer routes by hash today, so
 * this keeps a future path route or a pasted deep link from loading a blank page.
 */
function absoluteBase(): Plugin {
  return {
    name: 'minka:absolute-base',
    config(config) {
      config.base = '/';
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: false,
      lib: {
        entry: resolve(root, 'electron/main/index.ts'),
        formats: ['es'],
        fileName: () => 'index.js',
      },
    },
  },
  preload: {
    plugins: [sandboxedPreloadRequires()],
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      lib: {
        entry: resolve(root, 'electron/preload/index.ts'),
        formats: ['cjs'],
        fileName: () => 'index.cjs',
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), absoluteBase()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
      // electron-vite leaves the renderer unminified; the same bundle is served to browsers,
      // often over slow links from mine sites, so it is minified (with source maps to debug).
      minify: true,
      sourcemap: true,
    },
  },
});
