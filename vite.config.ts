import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './scripts/precompress.js';

const THEME_COLOR = '#0f766e';
const BACKGROUND_COLOR = '#f4f7f6';
const API_TARGET = 'http://127.0.0.1:8080';

/**
 * Officers open the app on cheap phones over weak signal: the JavaScript needed before
 * the first screen shows is held to a gzip budget, and the build fails above it.
 */
const INITIAL_JS_BUDGET_KB = 58;

/**
 * Initial JS = the entry chunk, every chunk it statically imports (recursively), and the
 * workbox-window chunk: registerSW imports it dynamically, but at startup, so it is paid
 * for on every first load. Lazy screens (import, reports, admin) stay out.
 */
function initialJsBudget(budgetKb: number): Plugin {
  return {
    name: 'jejak:initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { code: string; imports: string[]; dynamicImports: string[]; moduleIds: string[] }>();
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type === 'chunk') chunks.set(fileName, output);
      }
      const initial = new Set<string>();
      const visit = (fileName: string): void => {
        const chunk = chunks.get(fileName);
        if (!chunk || initial.has(fileName)) return;
        initial.add(fileName);
        chunk.imports.forEach(visit);
      };
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type === 'chunk' && output.isEntry) visit(fileName);
      }
      for (const fileName of [...initial]) {
        for (const dynamic of chunks.get(fileName)?.dynamicImports ?? []) {
          if (chunks.get(dynamic)?.moduleIds.some((id) => id.includes('/node_modules/workbox-window/'))) visit(dynamic);
        }
      }
      let total = 0;
      const lines: string[] = [];
      for (const fileName of initial) {
        const size = gzipSync(chunks.get(fileName)?.code ?? '').length;
        total += size;
        lines.push(`  ${fileName}  ${(size / 1024).toFixed(1)} KB gzip`);
      }
      console.log(`\n${lines.join('\n')}\ninitial JS: ${(total / 1024).toFixed(1)} KB gzip (budget ${budgetKb} KB)`);
      if (total > budgetKb * 1024) {
        this.error(`initial JS is ${(total / 1024).toFixed(1)} KB gzip, over the ${budgetKb} KB budget: lazy-load what the first screen does not need`);
      }
    },
  };
}

/**
 * Brotli and gzip copies of the built files, for the server to send as they are. After
 * everything else: the service worker and its workbox chunk are written when the PWA
 * plugin closes its bundle, and they are compressed too.
 */
function precompressed(): Plugin {
  let outDir = 'dist';
  return {
    name: 'jejak:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        const { files, raw, br, gzip } = precompress(outDir);
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
        console.log(`precompressed ${files} files: ${kb(raw)} raw, ${kb(br)} br, ${kb(gzip)} gzip`);
      },
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // src/client/app/register-sw.ts calls registerSW itself, in production builds only.
      injectRegister: false,
      // globPatterns already precaches the icons; the default would list them twice.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Jejak — Penelusuran Alumni Pelatihan',
        short_name: 'Jejak',
        description: 'Penelusuran alumni pelatihan kerja yang tetap bekerja tanpa sinyal.',
        lang: 'id',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The plugin adds manifest.webmanifest itself; listing it here would precache it twice.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        // Deep links (/alumni/…) open offline from the cached shell; the API never does, nor
        // an alumnus's answer link (/r/<token>), which the server renders for people
        // who have no account, even in a browser where the app is installed.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/r\//],
        // Without these the first load is never controlled and an offline reload fails.
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
      },
    }),
    initialJsBudget(INITIAL_JS_BUDGET_KB),
    precompressed(),
  ],
  // The dev server stands in front of the API as a reverse proxy would. The API checks a
  // write's Origin against PUBLIC_URL, else the address it listens on, never the Host: the
  // proxy presents the API's own origin so that POSTs from http://localhost:5173 pass.
  // changeOrigin: false keeps the browser's Host for the links the API builds from it.
  server: { proxy: { '/api': { target: API_TARGET, changeOrigin: false, headers: { origin: API_TARGET } } } },
  preview: { proxy: { '/api': { target: API_TARGET, changeOrigin: false, headers: { origin: API_TARGET } } } },
});
