import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { isApiPath } from './is-api-path';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html, sw.js, registerSW.js and the manifest name the current hashed assets:
// they must be revalidated on every load, or a deploy never reaches the browser.
const REVALIDATE = 'no-cache';

/**
 * Serves the built PWA from `distDir`. Files under /assets/ carry a content hash in
 * their name, so they are cached forever. Any other GET that names no file gets
 * index.html (the SPA fallback), so a deep link such as /alumni/123 works on first
 * load, before the service worker exists. /api/* is never touched: an unknown API
 * route must stay a JSON 404, not the app's HTML.
 *
 * The build writes a Brotli (`.br`) and a gzip (`.gz`) copy beside each text file
 * (scripts/precompress.js); a browser that accepts one gets it as it is, with
 * `Content-Encoding` and `Vary: Accept-Encoding`, at no cost per request. A file
 * without copies is left to the compress middleware in app.ts.
 */
export function staticHosting(distDir: string): MiddlewareHandler {
  const files = serveStatic({ root: distDir, precompressed: true });
  const appShell = serveStatic({ root: distDir, path: 'index.html', precompressed: true });
  const noMatch = () => Promise.resolve();

  return async (c, next) => {
    const { path, method } = c.req;
    if (isApiPath(path) || (method !== 'GET' && method !== 'HEAD')) return next();
    // The copies are the build's own business: /assets/x.js.br is not a file to ask for.
    if (/\.(br|gz)$/.test(path)) return next();

    const file = await files(c, noMatch);
    if (file instanceof Response) return withCacheControl(file, path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    // A missing /assets/x.js or /icon.png must be a 404: HTML in its place breaks
    // the page in confusing ways (a stale index.html asking for a removed chunk).
    if (path.startsWith('/assets/') || looksLikeFile(path)) return next();

    const shell = await appShell(c, noMatch);
    return shell instanceof Response ? withCacheControl(shell, REVALIDATE) : next();
  };
}

function looksLikeFile(path: string): boolean {
  return /\.[a-z0-9]{1,12}$/i.test(path.slice(path.lastIndexOf('/') + 1));
}

function withCacheControl(response: Response, value: string): Response {
  response.headers.set('Cache-Control', value);
  return response;
}
