import { cleanup } from '@testing-library/preact';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import { createApp } from '../../src/server/app';
import type { AppEnv } from '../../src/server/auth/context';
import { createDatabase, type DatabaseHandle, type DatabaseKind } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';
import type { Database } from '../../src/server/db/schema';

/**
 * The real Jejak server in process, for component tests: the Hono app from src/server
 * over a fresh, migrated in-memory SQLite database, and a global `fetch` that carries the
 * app's requests to it as a browser on the same origin would — adding `Origin` and
 * `Sec-Fetch-Site`, keeping the cookies the server sets and sending them back. Nothing
 * is canned: every answer a screen shows is the server's own.
 */
export type RealServer = {
  app: Hono<AppEnv>;
  db: Kysely<Database>;
  /** The browser's cookies for this origin, by name; the server's Set-Cookie fills it. */
  cookies: Map<string, string>;
  /** Every request the app sent, as `METHOD /path`. */
  log: string[];
};

/** Gives each test of the enclosing block its own server and database, and puts fetch back afterwards. */
export function useRealServer(): { readonly current: RealServer } {
  let current: Running | undefined;
  beforeEach(async () => {
    current = await startRealServer();
  });
  afterEach(async () => {
    // Unmounted first, so no screen starts a request once fetch is happy-dom's again.
    cleanup();
    await current?.stop();
    current = undefined;
  });
  return {
    get current() {
      if (current === undefined) throw new Error('The real server exists only inside a test.');
      return current;
    },
  };
}

export type Running = RealServer & { stop(): Promise<void> };
type Outgoing = { method: string; headers: Headers; body: BodyInit | null };

/** A database the caller made, migrated and will close: the server only borrows it. */
export type BorrowedDatabase = { db: Kysely<Database>; kind: DatabaseKind };

/**
 * Starts the server and routes `fetch` to it until `stop()`. Over a fresh in-memory
 * SQLite database of its own, or over `database` (PostgreSQL, a file) when given.
 */
export async function startRealServer(database?: BorrowedDatabase): Promise<Running> {
  const handle = database === undefined ? await ownDatabase() : { db: database.db, kind: database.kind, close: () => Promise.resolve() };
  const app = createApp({ db: handle.db, dbKind: handle.kind, version: 'test' });
  const cookies = new Map<string, string>();
  const log: string[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const originalFetch = globalThis.fetch;
  const restoreClasses = installWireClasses();

  const send = async (url: URL, { headers, ...init }: Outgoing): Promise<Response> => {
    if (cookies.size > 0) headers.set('Cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await app.fetch(new Request(url.href, { ...init, headers }));
    for (const setCookie of setCookiesOf(response)) keepCookie(cookies, setCookie);
    return response;
  };

  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.origin !== location.origin) return Promise.reject(new TypeError(`the test network only reaches ${location.origin}`));
    const method = (init?.method ?? 'GET').toUpperCase();
    log.push(`${method} ${url.pathname}`);
    const headers = new Headers(init?.headers);
    headers.set('Sec-Fetch-Site', 'same-origin');
    // Browsers send Origin with every request that is not a GET or HEAD.
    if (method !== 'GET' && method !== 'HEAD') headers.set('Origin', location.origin);
    const answer = send(url, { method, headers, body: init?.body ?? null });
    inFlight.add(answer);
    void answer.catch(() => undefined).finally(() => inFlight.delete(answer));
    return answer;
  };

  return {
    app,
    db: handle.db,
    cookies,
    log,
    async stop() {
      await Promise.allSettled([...inFlight]);
      globalThis.fetch = originalFetch;
      restoreClasses();
      await handle.close();
    },
  };
}

const SET_COOKIES = Symbol('set-cookies');
type WireResponse = Response & { [SET_COOKIES]?: readonly string[] };

/**
 * happy-dom's Request and Response are the ones a page's scripts get: a Request drops
 * the headers only the browser may set (Cookie, Origin, Sec-Fetch-*), a Response drops
 * Set-Cookie. The server builds both itself (Hono's `app.request`, its body limit
 * rebuilds the request), so while it runs they are replaced by subclasses that keep
 * those headers, as they are on the wire. Returns the function that puts them back.
 */
function installWireClasses(): () => void {
  const BrowserRequest = globalThis.Request;
  const BrowserResponse = globalThis.Response;

  globalThis.Request = class extends BrowserRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init);
      const given = init?.headers ?? (input instanceof BrowserRequest ? input.headers : undefined);
      for (const [name, value] of new Headers(given)) this.headers.set(name, value);
    }
  };

  globalThis.Response = class extends BrowserResponse {
    readonly [SET_COOKIES]: readonly string[];
    constructor(body?: BodyInit | null, init?: ResponseInit) {
      super(body, init);
      const carried = (init as WireResponse | undefined)?.[SET_COOKIES] ?? [];
      this[SET_COOKIES] = [...carried, ...new Headers(init?.headers).getSetCookie()];
    }
  };

  return () => {
    globalThis.Request = BrowserRequest;
    globalThis.Response = BrowserResponse;
  };
}

async function ownDatabase(): Promise<DatabaseHandle> {
  const handle = createDatabase({ kind: 'sqlite', path: ':memory:' });
  await migrateToLatest(handle.db);
  return handle;
}

function setCookiesOf(response: WireResponse): readonly string[] {
  return response[SET_COOKIES] ?? [];
}

/** Stores one cookie or, for `Max-Age=0` or an empty value (a cleared cookie), forgets it. */
function keepCookie(cookies: Map<string, string>, setCookie: string): void {
  const [pair = '', ...attributes] = setCookie.split(';');
  const separator = pair.indexOf('=');
  if (separator <= 0) return;
  const name = pair.slice(0, separator).trim();
  const value = pair.slice(separator + 1).trim();
  const cleared = attributes.some((attribute) => /^\s*max-age\s*=\s*0\s*$/i.test(attribute));
  if (value === '' || cleared) cookies.delete(name);
  else cookies.set(name, value);
}
