// `npm run dev:web`: the renderer alone in a browser, with the sync server's routes proxied so
// the page and the API share one origin as they do when the server serves the build.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const server = 'http://127.0.0.1:4455';

/** The React refresh preamble is an inline script; only the dev server allows it. */
const devInlineScripts: Plugin = {
  name: 'minka-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), devInlineScripts],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': server,
      '/healthz': server,
      // Rooms only (`/sync/g/…`): the renderer's own sources live under /sync/ too.
      '^/sync/g/': { target: server, ws: true },
    },
  },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
  },
});
