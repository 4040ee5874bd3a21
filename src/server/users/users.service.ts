import type { Kysely, Transaction } from 'kysely';
import type { CreateUserRequest, UpdateUserRequest, UserSummary } from '../../shared/api/auth.api';
import type { Role } from '../../shared/domain/roles';
import { describeError } from '../../shared/errors';
import type { FieldIssue } from '../../shared/schema';
import { SHARED_SCOPE } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { hashPassword } from '../auth/password';
import { passwordIssues } from '../auth/password-rules';
import { deleteSessionsOfUser } from '../auth/sessions';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/unique-violation';
import { DomainError } from '../errors';
import { authoredWorkPuts } from '../sync/alumnus-changes';
import { recordChanges } from '../sync/change-feed';
import { findUser, toUserSummary, usernameExists, type UserRow } from './users.repository';
import { newRecordId } from '../../shared/record-id';

/**
 * Account changes, shared by the admin routes and the `jejak user` CLI so both follow
 * the same rules. Who may call them is the caller's business (the routes ask the scope
 * module); `actorId` only names them in the audit log: a user id, or `cli` / `system`.
 *
 * Passwords are hashed before the transaction opens: scrypt takes a fifth of a second,
 * and SQLite has one writer.
 */

export type CreateUserOptions = { mustChangePassword?: boolean };

export async function createUser(
  db: Kysely<Database>,
  input: CreateUserRequest,
  actorId: string,
  now: Date,
  options: CreateUserOptions = {},
): Promise<UserSummary> {
  assertPasswordAllowed(input.password, input.username, 'password');
  const passwordHash = await hashPassword(input.password);
  const at = now.toISOString();
  const id = newRecordId();
  return db
    .transaction()
    .execute(async (trx) => {
      if (input.providerId !== null) await assertProviderExists(trx, input.providerId);
      if (await usernameExists(trx, input.username)) throw usernameTaken(input.username);
      await trx
        .insertInto('users')
        .values({
          id,
          createdAt: at,
          updatedAt: at,
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          providerId: input.providerId,
          active: 1,
          managesCohorts: managesCohortsFor(input.role, input.managesCohorts ?? false) ? 1 : 0,
          passwordHash,
          mustChangePassword: options.mustChangePassword === true ? 1 : 0,
        })
        .execute();
      const user = toUserSummary(await mustFind(trx, id));
      await recordAudit(trx, { userId: actorId, mutation: 'user.create', entity: 'users', entityId: id, before: null, after: user, at: now });
      await recordChanges(trx, [{ scope: SHARED_SCOPE, entity: 'users', id, op: 'put' }], now);
      return user;
    })
    .catch((error: unknown) => {
      // Two admins creating the same username at once: the unique index decides.
      throw isUniqueViolation(error) ? usernameTaken(input.username) : error;
    });
}

/**
 * Changes name, role, provider or the active flag. Losing access (deactivation, another
 * role or provider) ends the user's sessions at once. A user leaving provider staff
 * leaves their provider too. An admin cannot deactivate or demote themselves, so there
 * is always an admin left who can undo a mistake.
 */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  patch: UpdateUserRequest,
  actorId: string,
  now: Date,
): Promise<UserSummary> {
  return db.transaction().execute(async (trx) => {
    const current = await mustFind(trx, id);
    const role = patch.role ?? current.role;
    const providerId = patch.providerId !== undefined ? patch.providerId : role === 'provider-staff' ? current.providerId : null;
    const active = patch.active ?? current.active;
    const displayName = patch.displayName ?? current.displayName;
    const managesCohorts = managesCohortsFor(role, patch.managesCohorts ?? current.managesCohorts);

    if (role === 'provider-staff' && providerId === null) throw invalidField({ path: 'providerId', code: 'provider-required' });
    if (role !== 'provider-staff' && providerId !== null) throw invalidField({ path: 'providerId', code: 'provider-not-allowed' });
    if (providerId !== null && providerId !== current.providerId) await assertProviderExists(trx, providerId);
    if (id === actorId && (!active || role !== 'admin')) {
      throw new DomainError('self-demotion', 403, {
        message: 'you cannot deactivate yourself or give up your own admin role; another admin can',
      });
    }

    const unchanged =
      displayName === current.displayName && role === current.role && providerId === current.providerId && active === current.active &&
      managesCohorts === current.managesCohorts;
    if (unchanged) return toUserSummary(current);

    await trx
      .updateTable('users')
      .set({ displayName, role, providerId, active: active ? 1 : 0, managesCohorts: managesCohorts ? 1 : 0, updatedAt: now.toISOString() })
      .where('id', '=', id)
      .execute();
    const lostAccess = (current.active && !active) || role !== current.role || providerId !== current.providerId;
    if (lostAccess) await deleteSessionsOfUser(trx, id);
    const user = toUserSummary(await mustFind(trx, id));
    await recordAudit(trx, {
      userId: actorId, mutation: 'user.update', entity: 'users', entityId: id, before: toUserSummary(current), after: user, at: now,
    });
    // Everyone's devices show the new name; the user's own next pull also sees the new scopes it may read.
    await recordChanges(trx, [{ scope: SHARED_SCOPE, entity: 'users', id, op: 'put' }], now);
    if (providerId !== current.providerId) await recordChanges(trx, await authoredWorkPuts(trx, id), now);
    return user;
  });
}

/**
 * Sets a password for someone else (an admin, or the operator with the CLI). Their
 * sessions end, and they are asked to choose their own password after signing in.
 */
export async function resetPassword(db: Kysely<Database>, id: string, password: string, actorId: string, now: Date): Promise<void> {
  assertPasswordAllowed(password, (await mustFind(db, id)).username, 'password');
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const current = await mustFind(trx, id);
    await trx.updateTable('users').set({ passwordHash, mustChangePassword: 1 }).where('id', '=', id).execute();
    await deleteSessionsOfUser(trx, id);
    await recordAudit(trx, {
      userId: actorId,
      mutation: 'user.password-reset',
      entity: 'users',
      entityId: id,
      before: { mustChangePassword: current.mustChangePassword },
      after: { passwordChangedAt: now.toISOString(), mustChangePassword: true },
      at: now,
    });
  });
}

/**
 * A user's own new password (the current one already checked by the caller). Their
 * other sessions end — a stolen cookie stops working — while this one stays.
 */
export async function setOwnPassword(
  db: Kysely<Database>,
  user: { id: string; sessionId: string },
  password: string,
  now: Date,
): Promise<void> {
  assertPasswordAllowed(password, (await mustFind(db, user.id)).username, 'newPassword');
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const current = await mustFind(trx, user.id);
    await trx.updateTable('users').set({ passwordHash, mustChangePassword: 0 }).where('id', '=', user.id).execute();
    await deleteSessionsOfUser(trx, user.id, user.sessionId);
    await recordAudit(trx, {
      userId: user.id,
      mutation: 'user.password',
      entity: 'users',
      entityId: user.id,
      before: { mustChangePassword: current.mustChangePassword },
      after: { passwordChangedAt: now.toISOString(), mustChangePassword: false },
      at: now,
    });
  });
}

async function mustFind(db: Kysely<Database> | Transaction<Database>, id: string): Promise<UserRow> {
  const user = await findUser(db, id);
  if (user === undefined) throw new DomainError('not-found', 404, { message: `no user ${id}` });
  return user;
}

/** A user may only be attached to a provider that exists and is not deleted. */
async function assertProviderExists(db: Kysely<Database> | Transaction<Database>, providerId: string): Promise<void> {
  const provider = await db.selectFrom('providers').select('id').where('id', '=', providerId).where('deleted', '=', 0).executeTakeFirst();
  if (provider === undefined) {
    throw new DomainError('invalid-body', 400, {
      message: `providerId: there is no provider ${providerId}`,
      details: [{ path: 'providerId', code: 'not-found' } satisfies FieldIssue],
    });
  }
}

/** Refuses a password the rules of password-rules.ts refuse, as a 400 naming the field. */
function assertPasswordAllowed(password: string, username: string, path: string): void {
  const [issue] = passwordIssues(password, username, path);
  if (issue !== undefined) throw invalidField(issue);
}

function invalidField(issue: FieldIssue): DomainError {
  return new DomainError('invalid-body', 400, { message: `${issue.path}: ${describeError(issue.code)}`, details: [issue] });
}

function usernameTaken(username: string): DomainError {
  return new DomainError('username-taken', 409, { message: `the username ${username} is already taken` });
}

/** Cohort rights go with the officer role: a user who leaves it leaves them too, like a provider. */
function managesCohortsFor(role: Role, wanted: boolean): boolean {
  return role === 'officer' && wanted;
}
