import { existsSync } from 'node:fs';
import { Hono, type MiddlewareHandler } from 'hono';
import { adminRoutes } from './routes/admin.routes';
import { authRoutes } from './routes/auth.routes';
import { dataRoutes } from './routes/data.routes';
import { syncRoutes } from './routes/sync.routes';
import type { PushHooks } from './sync/push';
import { systemClock, type AppEnv, type Clock } from './auth/context';
import { requireUser } from './auth/require-user';
import { securityHeaders } from './http/security-headers';
import { sameOrigin } from './auth/same-origin';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { Kysely } from 'kysely';
import type { DatabaseKind } from './db/database';
import type { Database } from './db/schema';
import { DomainError } from './errors';
import { isApiPath } from './http/is-api-path';
import { onError } from './http/on-error';
import { staticHosting } from './http/static-hosting';
import { healthRoutes } from './routes/health.routes';
import { exportRoutes } from './routes/export.routes';
import { reportsRoutes } from './routes/reports.routes';
import { SELF_REPORT_API_PREFIX, selfReportRoutes } from './routes/self-report.routes';
import { allowedMethods } from './http/allowed-methods';
import { MAX_ANSWER_BYTES, selfReportPageRoutes } from './routes/self-report-page.routes';

export type AppDeps = {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  version: string;
  /** The built PWA; static hosting is skipped when absent or missing on disk (API-only, tests). */
  distDir?: string;
  /** Tests move time with this (session expiry, rate limits); defaults to the system clock. */
  clock?: Clock;
  /**
   * Behind a reverse proxy (TRUST_PROXY=1): believe its X-Forwarded-For/-Proto/-Host for
   * the client address (rate limits), HTTPS (Secure cookie) and our origin (CSRF check).
   */
  trustProxy?: boolean;
  /** PUBLIC_URL's origin (`https://jejak.example.go.id`), or null/absent when not configured. */
  publicUrl?: string | null;
  /** Tests only: hold a pushed mutation's transaction open, or fail it, before it commits. */
  syncHooks?: PushHooks;
};

/** The only API paths answered without a session… */
export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set(['/api/health', '/api/auth/login']);

/** …besides an alumnus's answer, `/api/self-report/<token>`: the token is its credential. */
export function isPublicApiPath(path: string): boolean {
  return PUBLIC_API_PATHS.has(path) || (path.startsWith(SELF_REPORT_API_PREFIX) && path.length > SELF_REPORT_API_PREFIX.length);
}

/** Sync pushes carry many mutations; past this a body is refused before it is read. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Signing in is open to anyone and takes a username and a password (a password change
 * two): a bigger body is only someone making the server parse it, so it is refused unread.
 */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

/**
 * The whole HTTP surface, without a listening socket: main.ts serves it, tests call
 * `app.request()` in process. Route order does not matter: unknown /api paths fall
 * through to `notFound`, and static hosting steps aside for /api.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const clock = deps.clock ?? systemClock;
  const trustProxy = deps.trustProxy ?? false;
  const signedIn = requireUser(deps.db, clock, { trustProxy });

  // Outermost, so it sees every answer: JSON, CSV exports and HTML are gzipped as they
  // stream out (back-pressure intact) when the client accepts it and they pass 1 KB.
  // XLSX is a zip already and its type is not on the list; the built app's files carry
  // their precompressed copy and a Content-Encoding, which the middleware leaves alone.
  app.use('*', compress());
  app.use('*', securityHeaders());
  // The small limits first: a body without Content-Length is cut off there, not buffered up to 5 MB.
  app.use('/api/auth/*', limitBody(MAX_AUTH_BODY_BYTES));
  // An alumnus's answer, as open as signing in: no bigger than the answer page takes.
  app.use(`${SELF_REPORT_API_PREFIX}*`, limitBody(MAX_ANSWER_BYTES));
  app.use('/api/*', limitBody(MAX_BODY_BYTES));
  // Before anything reads a session: a forged cross-site request is refused even on login.
  app.use('/api/*', sameOrigin({ trustProxy, publicUrl: deps.publicUrl ?? null }));
  // Every API path but the public ones needs a session, so a route can never be left open by forgetting it.
  const authenticate: MiddlewareHandler<AppEnv> = (c, next) => (isPublicApiPath(c.req.path) ? next() : signedIn(c, next));
  app.use('/api/*', authenticate);
  app.route('/api', healthRoutes(deps));
  app.route('/api', authRoutes({ ...deps, clock, trustProxy }));
  app.route('/api', adminRoutes({ ...deps, clock }));
  app.route('/api', dataRoutes({ ...deps, clock }));
  app.route('/api', syncRoutes({ ...deps, clock }));
  app.route('/api', reportsRoutes(deps));
  app.route('/api', exportRoutes({ ...deps, clock }));
  app.route('/api', selfReportRoutes({ db: deps.db, clock, trustProxy, publicUrl: deps.publicUrl ?? null }));
  // The answer page lives outside /api and before static hosting, whose SPA fallback would answer it.
  app.route('/', selfReportPageRoutes({ db: deps.db, clock, trustProxy }));

  if (deps.distDir !== undefined && existsSync(deps.distDir)) {
    app.use('*', staticHosting(deps.distDir));
  }

  const methodsAt = allowedMethods(app);
  app.notFound((c) => {
    if (!isApiPath(c.req.path)) return c.text('Not found', 404);
    const allowed = methodsAt(c.req.path);
    if (allowed.length > 0) {
      const methods = allowed.join(', ');
      throw new DomainError('method-not-allowed', 405, { message: `${c.req.path} takes ${methods}, not ${c.req.method}`, headers: { Allow: methods } });
    }
    throw new DomainError('not-found', 404, { message: `no API route ${c.req.method} ${c.req.path}` });
  });
  app.onError(onError);
  return app;
}

/** Refuses a body over `maxBytes` with 413 'too-large', before anything reads it. */
function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`;
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new DomainError('too-large', 413, { message: `the request body is larger than ${size}` });
    },
  });
}
