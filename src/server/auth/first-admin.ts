import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { countUsers } from '../users/users.repository';
import { createUser } from '../users/users.service';

export const FIRST_ADMIN_USERNAME = 'admin';

/**
 * A new installation has nobody who could sign in and create users. On the first start
 * over an empty `users` table this creates `admin` with a random password, which the
 * caller prints once; it is marked must-change. Returns null when any user exists (also
 * when another instance starting at the same moment won the race to create it).
 */
export async function createFirstAdmin(db: Kysely<Database>, now: Date): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  // 18 base64url characters: 108 random bits, and no character a terminal or a shell mangles.
  const password = randomBytes(18).toString('base64url').slice(0, 18);
  try {
    await createUser(
      db,
      { username: FIRST_ADMIN_USERNAME, displayName: 'Administrator', role: 'admin', providerId: null, password },
      'system',
      now,
      { mustChangePassword: true },
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'username-taken') return null;
    throw error;
  }
  return { username: FIRST_ADMIN_USERNAME, password };
}

/** The block printed once on stdout; the password is never stored in clear nor shown again. */
export function firstAdminNotice({ username, password }: { username: string; password: string }): string {
  const rule = '='.repeat(72);
  return [
    rule,
    `First start: created user ${username} with password ${password} ; change it after signing in.`,
    'This password is shown only this once. If it is lost, set a new one with',
    `  npx jejak user passwd ${username} --password-stdin`,
    rule,
    '',
  ].join('\n');
}
