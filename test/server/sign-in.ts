import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SESSION_COOKIE, createSession } from '../../src/server/auth/sessions';
import type { Database } from '../../src/server/db/schema';
import type { Role } from '../../src/shared/schema';

/**
 * Users and sessions for API tests, written straight into the real database: the
 * login route has its own tests, the other routes only need someone signed in.
 */

export type TestUser = { id: string; username: string; role: Role; providerId: string | null; cookie: string };

const T0 = '2024-01-01T00:00:00.000Z';

/** A provider row, for provider-staff users and scoped data. */
export async function insertProvider(db: Kysely<Database>, name = 'LPK Uji'): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('providers')
    .values({ id, createdAt: T0, updatedAt: T0, deleted: 0, name, kind: 'lpk', address: '', phone: null })
    .execute();
  return id;
}

/** An active user of `role` with a live session; `cookie` goes in the Cookie header. */
export async function signedInUser(
  db: Kysely<Database>,
  role: Role,
  options: { providerId?: string | null; username?: string; now?: Date } = {},
): Promise<TestUser> {
  const id = randomUUID();
  const username = options.username ?? `${role.replace('-', '')}.${id.slice(0, 8)}`;
  const providerId = role === 'provider-staff' ? (options.providerId ?? (await insertProvider(db))) : null;
  await db
    .insertInto('users')
    .values({ id, createdAt: T0, updatedAt: T0, username, displayName: `Uji ${role}`, role, providerId, active: 1, passwordHash: null })
    .execute();
  const { token } = await createSession(db, id, options.now ?? new Date());
  return { id, username, role, providerId, cookie: `${SESSION_COOKIE}=${token}` };
}
