import type { Kysely, Transaction } from 'kysely';
import type { SessionUser, UserSummary } from '../../shared/api/auth.api';
import type { Database } from '../db/schema';

/** The queries behind accounts: sign-in, the admin screens and the CLI. Never returns a hash, except to sign-in. */

type Db = Kysely<Database> | Transaction<Database>;

/** What sign-in and password changes need, and nothing else sees: the hash. */
export type LoginAccount = { id: string; username: string; passwordHash: string | null; active: boolean; mustChangePassword: boolean };

export async function findLoginAccount(db: Db, by: { username: string } | { id: string }): Promise<LoginAccount | undefined> {
  let query = db.selectFrom('users').select(['id', 'username', 'passwordHash', 'active', 'mustChangePassword']);
  query = 'id' in by ? query.where('id', '=', by.id) : query.where('username', '=', by.username);
  const row = await query.executeTakeFirst();
  return row && { ...row, active: Boolean(Number(row.active)), mustChangePassword: Boolean(Number(row.mustChangePassword)) };
}

export async function findSessionUser(db: Db, id: string): Promise<SessionUser | undefined> {
  return db
    .selectFrom('users')
    .leftJoin('providers', 'providers.id', 'users.providerId')
    .select(['users.id', 'users.username', 'users.displayName', 'users.role', 'users.providerId', 'users.managesCohorts', 'providers.name as providerName'])
    .where('users.id', '=', id)
    .executeTakeFirst()
    .then((row) => row && { ...row, providerName: row.providerName ?? null, managesCohorts: Boolean(Number(row.managesCohorts)) });
}

/** A user as admins (and the audit log) see it, plus the provider's name for lists. */
export type UserRow = UserSummary & { providerName: string | null; mustChangePassword: boolean };

function selectUsers(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('providers', 'providers.id', 'users.providerId')
    .select([
      'users.id',
      'users.username',
      'users.displayName',
      'users.role',
      'users.providerId',
      'users.active',
      'users.managesCohorts',
      'users.mustChangePassword',
      'users.createdAt',
      'users.updatedAt',
      'providers.name as providerName',
    ]);
}

type SelectedUser = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

function toUserRow(row: SelectedUser): UserRow {
  return {
    ...row,
    providerName: row.providerName ?? null,
    active: Boolean(Number(row.active)),
    managesCohorts: Boolean(Number(row.managesCohorts)),
    mustChangePassword: Boolean(Number(row.mustChangePassword)),
  };
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const row = await selectUsers(db).where('users.id', '=', id).executeTakeFirst();
  return row && toUserRow(row);
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  const rows = await selectUsers(db).orderBy('users.username').execute();
  return rows.map(toUserRow);
}

export async function usernameExists(db: Db, username: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The wire shape: no hash, no provider name, no must-change flag. */
export function toUserSummary(row: UserRow): UserSummary {
  const { providerName: _name, mustChangePassword: _flag, ...summary } = row;
  return summary;
}
