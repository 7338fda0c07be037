import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app: React without a plugin (Vite 8 transforms TSX itself), built into dist/web
 * and served by the Fastify server. No inline script or style in the output, so the
 * server's Content-Security-Policy can forbid them.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
