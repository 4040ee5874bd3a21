import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createApp } from '../../src/server/app';
import { hashPassword } from '../../src/server/auth/password';
import type { DatabaseKind } from '../../src/server/db/database';
import type { Database } from '../../src/server/db/schema';
import type { Role } from '../../src/shared/schema';
import { insertProvider } from './sign-in';

/**
 * Users with a real password, for the sign-in tests. scrypt takes ~0.2 s, so the hash of
 * PASSWORD is made once per test file and shared by every user these helpers insert.
 */
export const PASSWORD = 'correct horse battery';

let hash: Promise<string> | undefined;
export function passwordHash(): Promise<string> {
  hash ??= hashPassword(PASSWORD);
  return hash;
}

export type Account = { id: string; username: string; role: Role; providerId: string | null };

export async function insertAccount(
  db: Kysely<Database>,
  role: Role,
  options: { username?: string; active?: boolean; providerId?: string } = {},
): Promise<Account> {
  const id = randomUUID();
  const username = options.username ?? `${role.replace('-', '')}.${id.slice(0, 8)}`;
  const providerId = role === 'provider-staff' ? (options.providerId ?? (await insertProvider(db))) : null;
  const at = '2024-01-01T00:00:00.000Z';
  await db
    .insertInto('users')
    .values({
      id, createdAt: at, updatedAt: at, username, displayName: `Uji ${role}`, role, providerId,
      active: options.active === false ? 0 : 1, passwordHash: await passwordHash(),
    })
    .execute();
  return { id, username, role, providerId };
}

type AnyApp = { request(input: string, init: RequestInit): Response | Promise<Response> };

export function postJson(app: AnyApp, path: string, body: unknown, headers: Record<string, string> = {}, base = 'http://localhost') {
  return app.request(`${base}${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function login(app: AnyApp, username: string, password: string, headers: Record<string, string> = {}, base?: string) {
  return postJson(app, '/api/auth/login', { username, password }, headers, base);
}

/** `jejak_session=…` from a response's Set-Cookie, for the next request's Cookie header. */
export function sessionCookie(res: Response): string {
  const match = /jejak_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '');
  if (!match) throw new Error(`no session cookie in ${res.headers.get('set-cookie')}`);
  return match[0];
}

export const T0 = new Date('2024-08-31T09:00:00.000Z');

/** The real app with a clock the test moves (session expiry, rate-limit windows). */
export function clockedApp(db: Kysely<Database>, kind: DatabaseKind, options: { trustProxy?: boolean } = {}) {
  const clock = { now: T0 };
  const app = createApp({ db, dbKind: kind, version: 'test', clock: () => clock.now, trustProxy: options.trustProxy ?? false });
  return Object.assign(app, {
    advance: (ms: number) => (clock.now = new Date(clock.now.getTime() + ms)),
  });
}

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };
export const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;
