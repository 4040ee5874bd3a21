import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Where a request came from and how it arrived. Behind a reverse proxy the socket and
 * the URL describe the proxy, not the browser; the proxy's X-Forwarded-* headers are
 * believed only when the operator says a proxy is there (TRUST_PROXY=1), because
 * without one any client can send them.
 */

/** The first value of a comma-separated forwarding header, or undefined. */
function forwarded(c: Context, header: string): string | undefined {
  const value = c.req.header(header)?.split(',')[0]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** `https://host[:port]` as the browser saw it: the origin a same-site request carries. */
export function requestOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (!trustProxy) return url.origin;
  const proto = forwarded(c, 'x-forwarded-proto')?.toLowerCase();
  const scheme = proto === 'http' || proto === 'https' ? `${proto}:` : url.protocol;
  // Without X-Forwarded-Host the proxy passed the browser's Host on, and the URL has it.
  const host = forwarded(c, 'x-forwarded-host') ?? url.host;
  const candidate = `${scheme}//${host}`;
  return URL.canParse(candidate) ? new URL(candidate).origin : url.origin;
}

/** True when the browser reached us over HTTPS, so the session cookie gets `Secure`. */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  return requestOrigin(c, trustProxy).startsWith('https:');
}

/**
 * The client's address, for rate limits. `unknown` when there is no socket (in-process
 * `app.request()` in tests, or another runtime). Behind a trusted proxy it is the last
 * X-Forwarded-For entry: the one our proxy appended. Earlier entries come from the
 * client and would let anyone pick a fresh address per attempt.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const client = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (client !== undefined && client !== '') return client.slice(0, 100);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // getConnInfo reads the Node request off c.env, which only @hono/node-server sets.
    return 'unknown';
  }
}

/**
 * The origins of the address this connection reached us on (the listening address the
 * socket reports, never what the request's `Host` claims): `http://192.168.1.10:8080`,
 * plus `localhost` on a loopback address. Null when there is no socket (in-process
 * `app.request()` in tests, or another runtime).
 */
export function listeningOrigins(c: Context, https: boolean): string[] | null {
  const socket = (c.env as { incoming?: { socket?: { localAddress?: string; localPort?: number } } } | undefined)?.incoming?.socket;
  const address = socket?.localAddress;
  const port = socket?.localPort;
  if (address === undefined || port === undefined) return null;
  const scheme = https ? 'https:' : 'http:';
  const plain = address.replace(/^::ffff:/, ''); // IPv4 reached through an IPv6 socket
  const host = plain.includes(':') ? `[${plain}]` : plain;
  const hosts = [host];
  if (plain === '::1' || plain.startsWith('127.')) hosts.push('localhost');
  return hosts.flatMap((name) => {
    const candidate = `${scheme}//${name}:${port}`;
    return URL.canParse(candidate) ? [new URL(candidate).origin] : [];
  });
}
