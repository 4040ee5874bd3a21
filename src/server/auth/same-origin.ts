import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '../errors';
import { listeningOrigins, requestOrigin } from '../http/request-origin';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses state-changing requests another site made a browser send (CSRF), as a second
 * wall behind the SameSite=Strict session cookie:
 *
 * - an `Origin` other than our own, or `Sec-Fetch-Site: cross-site | same-site` (a sibling
 *   subdomain is another site to us), is refused with 403 `cross-origin`;
 * - a body must be declared `application/json`. HTML forms can only send urlencoded,
 *   multipart or text/plain, and a cross-site fetch cannot send JSON without a CORS
 *   preflight we never grant, so this closes the "simple request" door.
 *
 * A request with neither header (curl, the CLI, server-side callers) passes: those are no
 * browser acting for a signed-in user.
 */
export function sameOrigin(options: { trustProxy: boolean; publicUrl?: string | null }): MiddlewareHandler {
  const configured = options.publicUrl == null ? null : normalise(options.publicUrl);
  return async (c, next) => {
    if (!STATE_CHANGING.has(c.req.method)) return next();

    const site = c.req.header('sec-fetch-site')?.toLowerCase();
    if (site === 'cross-site' || site === 'same-site') throw crossOrigin(`a ${site} request may not change data`);
    const origin = c.req.header('origin');
    if (origin !== undefined && !ourOrigins(c, configured, options.trustProxy).includes(normalise(origin) ?? '')) {
      // Says where the server's origin comes from, for the operator behind a port mapping.
      const ours = configured === null ? ' (set PUBLIC_URL to the address people use to reach the app)' : '';
      throw crossOrigin(`requests from ${origin.slice(0, 100)} may not change data here${ours}`);
    }

    const type = c.req.header('content-type');
    if (type !== undefined ? mediaType(type) !== 'application/json' : carriesBody(c.req.raw)) {
      throw new DomainError('unsupported-media-type', 415, {
        message: `requests that change data must send JSON with Content-Type: application/json${type === undefined ? '' : ` (got ${mediaType(type).slice(0, 60)})`}`,
      });
    }
    return next();
  };
}

/**
 * Our own origin is `PUBLIC_URL` when set. Without it: the address the connection came in
 * on, never the request's `Host` (a page on a name that resolves to us would otherwise
 * match itself). Behind a trusted proxy the socket is the proxy's, so the origin the proxy
 * forwards stands in; with no socket at all (in-process tests) the request's URL does.
 */
function ourOrigins(c: Context, configured: string | null, trustProxy: boolean): string[] {
  if (configured !== null) return [configured];
  if (trustProxy) return [requestOrigin(c, true)];
  return listeningOrigins(c, false) ?? [requestOrigin(c, false)];
}

function crossOrigin(message: string): DomainError {
  return new DomainError('cross-origin', 403, { message });
}

/** `Origin: null` (sandboxed frames, file://) and garbage never equal a real origin. */
function normalise(origin: string): string | null {
  return URL.canParse(origin) ? new URL(origin).origin : null;
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Over HTTP/1.1 a body is announced by Content-Length or Transfer-Encoding; a request
 * with neither has none, even though @hono/node-server still hands it a (empty) stream.
 */
function carriesBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return length.trim() !== '0';
  return request.headers.has('transfer-encoding');
}
