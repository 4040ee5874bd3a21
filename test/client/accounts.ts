import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/server/auth/password';
import { reserveLoginAttempt } from '../../src/server/auth/rate-limit';
import { SESSION_COOKIE, createSession } from '../../src/server/auth/sessions';
import type { SessionUser } from '../../src/shared/api/auth.api';
import type { Role } from '../../src/shared/schema';
import type { RealServer } from './real-server';

/**
 * Accounts on the real server, written straight into its database: the screens under
 * test then sign in, check and change them through the API. scrypt takes ~0.2 s, so
 * every user added here shares one hash of PASSWORD per test file.
 */
export const PASSWORD = 'kata sandi yang benar';

let hash: Promise<string> | undefined;
function passwordHash(): Promise<string> {
  hash ??= hashPassword(PASSWORD);
  return hash;
}

const NAMES: Record<Role, string> = {
  officer: 'Sari Wulandari',
  'provider-staff': 'Budi Santoso',
  supervisor: 'Dewi Lestari',
  admin: 'Agus Admin',
};

const AT = '2024-01-01T00:00:00.000Z';

export type Provider = { id: string; name: string };

export async function addProvider(server: RealServer, name = 'LPK Maju Jaya'): Promise<Provider> {
  const id = randomUUID();
  await server.db.insertInto('providers').values({ id, createdAt: AT, updatedAt: AT, deleted: 0, name, kind: 'lpk', address: '', phone: null }).execute();
  return { id, name };
}

export type UserOptions = { username?: string; displayName?: string; provider?: Provider };

/** An active user whose password is PASSWORD; provider staff get a provider of their own unless given one. */
export async function addUser(server: RealServer, role: Role, options: UserOptions = {}): Promise<SessionUser> {
  const id = randomUUID();
  const username = options.username ?? `${role}.${id.slice(0, 8)}`;
  const displayName = options.displayName ?? NAMES[role];
  const provider = role === 'provider-staff' ? (options.provider ?? (await addProvider(server))) : null;
  await server.db
    .insertInto('users')
    .values({
      id, createdAt: AT, updatedAt: AT, username, displayName, role, providerId: provider?.id ?? null,
      active: 1, passwordHash: await passwordHash(),
    })
    .execute();
  return { id, username, displayName, role, providerId: provider?.id ?? null, providerName: provider?.name ?? null };
}

/** A live server session for `user`, its cookie in the browser: as left by signing in on an earlier visit. */
export async function startSession(server: RealServer, user: SessionUser): Promise<void> {
  const { token } = await createSession(server.db, user.id, new Date());
  server.cookies.set(SESSION_COOKIE, token);
}

/** A user who signed in on this device before; see `renderSignedIn`. */
export async function addSignedInUser(server: RealServer, role: Role, options: UserOptions = {}): Promise<SessionUser> {
  const user = await addUser(server, role, options);
  await startSession(server, user);
  return user;
}

/** Whether the server lets `username` in with `password` now; asked beside the browser, its cookies untouched. */
export async function canSignIn(server: RealServer, username: string, password: string): Promise<boolean> {
  const response = await server.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return response.status === 200;
}

/**
 * `count` failed sign-ins for `username` from this browser, recorded as the server
 * records them (its password check skipped: it is slow and not what is tested).
 */
export async function recordFailedSignIns(server: RealServer, username: string, count: number): Promise<void> {
  for (let attempt = 0; attempt < count; attempt += 1) {
    // In-process requests have no socket, so the server knows this client as `unknown`.
    await reserveLoginAttempt(server.db, { username, address: 'unknown' }, new Date());
  }
}
