import type { MiddlewareHandler } from 'hono';

/**
 * A strict Content-Security-Policy: scripts, styles, workers and requests only from our
 * own origin, no inline script or style, no plugin, no framing. The built app passes it
 * as it is (Vite emits files, the answer page links its style sheet); `data:` images are
 * the SVG icons the style sheet carries.
 *
 * `worker-src blob:` is the one exception, and the built app needs it: the XLSX import's
 * reader (a module worker from our origin) unzips through fflate and read-excel-file's
 * worker-f, which start their helpers from `blob:` URLs made of their own code. Blocked,
 * the helpers never answer and the import waits forever. A `blob:` URL can only be made
 * by script already running on our origin, so this opens nothing to another site.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every answer: pages, assets, the API and errors alike. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    // For browsers older than frame-ancestors.
    c.header('X-Frame-Options', 'DENY');
  };
}
