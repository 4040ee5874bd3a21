import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/api/auth.api';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { findLoginAccount, findSessionUser } from '../users/users.repository';
import { verifyPassword } from './password';
import { reserveLoginAttempt, settleLoginAttempt } from './rate-limit';
import { createSession, type NewSession } from './sessions';

export type SignInRequest = { username: string; password: string; address: string; userAgent: string | null };
export type SignInResult = { user: SessionUser; mustChangePassword: boolean; session: NewSession };

/**
 * Checks a username and password and opens a session. A wrong password, an unknown
 * username and an account without a password all get the same answer after the same
 * work, so neither the words nor the timing tell which usernames exist. Whether an
 * account is deactivated is said only to someone who knows its password.
 */
export async function signIn(db: Kysely<Database>, request: SignInRequest, now: Date): Promise<SignInResult> {
  const attempt = await reserveLoginAttempt(db, request, now);
  const account = await findLoginAccount(db, { username: request.username });
  // verifyPassword spends a dummy verification on a missing hash.
  const correct = await verifyPassword(request.password, account?.passwordHash ?? null);
  await settleLoginAttempt(db, attempt, correct, now);
  if (!correct || account === undefined) throw new DomainError('invalid-credentials', 401);
  if (!account.active) throw new DomainError('account-deactivated', 403);

  const session = await createSession(db, account.id, now, request.userAgent);
  const user = await findSessionUser(db, account.id);
  if (user === undefined) throw new Error(`user ${account.id} vanished while signing in`);
  return { user, mustChangePassword: account.mustChangePassword, session };
}

/**
 * A signed-in user's own password change. The current password is checked under the
 * same rate limit as sign-in, so a borrowed or stolen session cannot be used to guess it.
 * A wrong one is 403, not 401: the session itself is fine and must not be signed out.
 */
export async function checkCurrentPassword(
  db: Kysely<Database>,
  user: { id: string; username: string },
  password: string,
  address: string,
  now: Date,
): Promise<void> {
  const attempt = await reserveLoginAttempt(db, { username: user.username, address }, now);
  const account = await findLoginAccount(db, { id: user.id });
  const correct = await verifyPassword(password, account?.passwordHash ?? null);
  await settleLoginAttempt(db, attempt, correct, now);
  if (!correct) throw new DomainError('invalid-credentials', 403, { message: 'the current password is wrong' });
}
