import { PostgresAdapter, type Kysely } from 'kysely';
import type { SessionUser } from '../../shared/api/auth.api';
import { userMay, type Action } from '../../shared/domain/permissions';
import { compiledOnce } from '../db/compiled-once';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';

/**
 * Who may see and change what: the one module every read and write path on the server
 * asks (HTTP routes now, sync push and pull later). Two questions:
 *
 * - may this role do this kind of thing at all (`assertAllowed`), and
 * - is this record within the user's providers (`providerScope`, `assert…InScope`).
 *
 * Officers read every provider's data; provider staff only their own provider's.
 * Supervisors read everything and export but change nothing except their own password.
 */
export { ACTIONS, isAllowed, type Action } from '../../shared/domain/permissions';

/** Throws 403 `forbidden` unless the user's role may do `action`. */
export function assertAllowed(user: SessionUser, action: Action): void {
  if (!userMay(user, action)) {
    throw new DomainError('forbidden', 403, { message: `the ${user.role} role may not ${action.replaceAll('-', ' ')}` });
  }
}

/** The providers whose data a user may read: all, or exactly one (provider staff). */
export type ProviderScope = { kind: 'all' } | { kind: 'provider'; providerId: string };

export function providerScope(user: SessionUser): ProviderScope {
  if (user.role === 'provider-staff') {
    // UserSchema guarantees a provider for provider staff; a row without one sees nothing.
    return { kind: 'provider', providerId: user.providerId ?? '00000000-0000-0000-0000-000000000000' };
  }
  return { kind: 'all' };
}

/**
 * The ids of the alumni within one provider's scope: enrolled (enrollment not deleted) in
 * one of its cohorts. The query form of `providersOfAlumnus`, for filtering lists:
 * `.where('alumni.id', 'in', alumniOfProvider(db, providerId))`.
 */
export function alumniOfProvider(db: Kysely<Database>, providerId: string) {
  return db
    .selectFrom('enrollments')
    .innerJoin('cohorts', 'cohorts.id', 'enrollments.cohortId')
    .select('enrollments.alumnusId')
    .where('enrollments.deleted', '=', 0)
    .where('cohorts.providerId', '=', providerId);
}

/** The providers of the cohorts an alumnus is (or was) enrolled in. */
export async function providersOfAlumnus(db: Kysely<Database>, alumnusId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('enrollments')
    .innerJoin('cohorts', 'cohorts.id', 'enrollments.cohortId')
    .select('cohorts.providerId')
    .distinct()
    .where('enrollments.alumnusId', '=', alumnusId)
    .where('enrollments.deleted', '=', 0)
    .execute();
  return rows.map((row) => row.providerId);
}

/*
 * The assert…InScope functions answer 404 for a record that does not exist and for one
 * outside the user's scope alike, with a message that does not repeat the id: provider
 * staff cannot tell another provider's ids or NIKs from unknown ones.
 */

/** Throws 404 unless the alumnus exists and is within the user's scope. */
export async function assertAlumnusInScope(db: Kysely<Database>, user: SessionUser, alumnusId: string): Promise<void> {
  const exists = await db.selectFrom('alumni').select('id').where('id', '=', alumnusId).executeTakeFirst();
  if (!exists || !(await alumnusInScope(db, user, alumnusId))) throw notFound('alumnus');
}

async function alumnusInScope(db: Kysely<Database>, user: SessionUser, alumnusId: string): Promise<boolean> {
  return providerScope(user).kind === 'all' || mayReadProviders(user, await providersOfAlumnus(db, alumnusId));
}

function mayReadProviders(user: SessionUser, providers: readonly string[]): boolean {
  const scope = providerScope(user);
  return scope.kind === 'all' || providers.includes(scope.providerId);
}

/** What the scope rules need of an alumnus: whether it is a tombstone, and the providers it is enrolled with. */
export type AlumnusScopeFacts = { deleted: boolean; providers: string[] };

/**
 * An alumnus's tombstone flag and providers in one read (undefined: no such alumnus), for
 * a write that needs the scope check, the liveness check and the sync scopes together —
 * a pushed follow-up, thousands of them at a time. Check it with `assertFactsInScope`.
 */
export async function scopeFactsOfAlumnus(db: Kysely<Database>, alumnusId: string): Promise<AlumnusScopeFacts | undefined> {
  await lockAlumnusScopes(db, alumnusId, 'share');
  const { rows } = await scopeFactsQuery(db, { alumnusId });
  const [first] = rows;
  if (first === undefined) return undefined;
  const providers = new Set(rows.flatMap(({ providerId }) => (providerId === null ? [] : [providerId])));
  return { deleted: Number(first.deleted) !== 0, providers: [...providers] };
}

const scopeFactsQuery = compiledOnce((db, { alumnusId }: { alumnusId: string }) =>
  db
    .selectFrom('alumni')
    .leftJoin('enrollments', (join) => join.onRef('enrollments.alumnusId', '=', 'alumni.id').on('enrollments.deleted', '=', 0))
    .leftJoin('cohorts', 'cohorts.id', 'enrollments.cohortId')
    .select(['alumni.deleted', 'cohorts.providerId'])
    .where('alumni.id', '=', alumnusId),
);

/** Ids per read of `scopeFactsOfAlumni`: well under every database's bound-parameter limit. */
const FACTS_PER_READ = 500;

/**
 * `scopeFactsOfAlumnus` for many people at once (a pushed run of follow-ups): one read,
 * and on PostgreSQL one share lock, per 500 of them. People not found are absent.
 */
export async function scopeFactsOfAlumni(db: Kysely<Database>, alumnusIds: readonly string[]): Promise<Map<string, AlumnusScopeFacts>> {
  const facts = new Map<string, AlumnusScopeFacts>();
  const ids = [...new Set(alumnusIds)].sort();
  for (let start = 0; start < ids.length; start += FACTS_PER_READ) {
    const chunk = ids.slice(start, start + FACTS_PER_READ);
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await db.selectFrom('alumni').select('id').where('id', 'in', chunk).orderBy('id').forShare().execute();
    }
    const rows = await db
      .selectFrom('alumni')
      .leftJoin('enrollments', (join) => join.onRef('enrollments.alumnusId', '=', 'alumni.id').on('enrollments.deleted', '=', 0))
      .leftJoin('cohorts', 'cohorts.id', 'enrollments.cohortId')
      .select(['alumni.id', 'alumni.deleted', 'cohorts.providerId'])
      .where('alumni.id', 'in', chunk)
      .execute();
    for (const { id, deleted, providerId } of rows) {
      let person = facts.get(id);
      if (person === undefined) facts.set(id, (person = { deleted: Number(deleted) !== 0, providers: [] }));
      if (providerId !== null && !person.providers.includes(providerId)) person.providers.push(providerId);
    }
  }
  return facts;
}

/** Throws 404 unless the alumnus was found and is within the user's scope: `assertAlumnusInScope` over facts already read. */
export function assertFactsInScope(user: SessionUser, facts: AlumnusScopeFacts | undefined): asserts facts is AlumnusScopeFacts {
  if (facts === undefined || !mayReadProviders(user, facts.providers)) throw notFound('alumnus');
}

/** Throws 404 unless the cohort exists and is within the user's scope. */
export async function assertCohortInScope(db: Kysely<Database>, user: SessionUser, cohortId: string): Promise<void> {
  const cohort = await db.selectFrom('cohorts').select('providerId').where('id', '=', cohortId).executeTakeFirst();
  if (!cohort || !providerInScope(user, cohort.providerId)) throw notFound('cohort');
}

/** Throws 404 unless the enrollment exists and its cohort is within the user's scope. */
export async function assertEnrollmentInScope(db: Kysely<Database>, user: SessionUser, enrollmentId: string): Promise<void> {
  const enrollment = await db
    .selectFrom('enrollments')
    .innerJoin('cohorts', 'cohorts.id', 'enrollments.cohortId')
    .select('cohorts.providerId')
    .where('enrollments.id', '=', enrollmentId)
    .executeTakeFirst();
  if (!enrollment || !providerInScope(user, enrollment.providerId)) throw notFound('enrollment');
}

/** Throws 404 unless the follow-up exists and its alumnus is within the user's scope. */
export async function assertFollowUpInScope(db: Kysely<Database>, user: SessionUser, followUpId: string): Promise<void> {
  const followUp = await db.selectFrom('followUps').select('alumnusId').where('id', '=', followUpId).executeTakeFirst();
  if (!followUp || !(await alumnusInScope(db, user, followUp.alumnusId))) throw notFound('follow-up');
}

function providerInScope(user: SessionUser, providerId: string): boolean {
  const scope = providerScope(user);
  return scope.kind === 'all' || scope.providerId === providerId;
}

function notFound(what: string): DomainError {
  return new DomainError('not-found', 404, { message: `no such ${what}` });
}

/** For writes naming a provider (a new cohort): provider staff may only name their own. */
export function assertProviderInScope(user: SessionUser, providerId: string): void {
  if (!providerInScope(user, providerId)) {
    throw new DomainError('out-of-scope', 403, { message: 'provider staff may only write their own provider\'s records' });
  }
}

/*
 * Sync scopes: what a pull may send. `shared` holds providers, vocations and users'
 * names (everyone); `p:<providerId>` a provider's cohorts, enrollments, and the alumni
 * enrolled there with their follow-ups; `unassigned` the alumni enrolled nowhere, whom
 * only roles that read every provider see. A person enrolled with two providers is in
 * both provider scopes.
 */
export const SHARED_SCOPE = 'shared';
export const UNASSIGNED_SCOPE = 'unassigned';
const PROVIDER_SCOPE_PREFIX = 'p:';

export function providerSyncScope(providerId: string): string {
  return `${PROVIDER_SCOPE_PREFIX}${providerId}`;
}

/** True when `user` may receive the changes of sync scope `scope`; the same rule as `providerScope` for reads. */
export function maySyncScope(user: SessionUser, scope: string): boolean {
  if (scope === SHARED_SCOPE) return true;
  const readable = providerScope(user);
  if (readable.kind === 'provider') return scope === providerSyncScope(readable.providerId);
  return scope === UNASSIGNED_SCOPE || (scope.startsWith(PROVIDER_SCOPE_PREFIX) && scope.length > PROVIDER_SCOPE_PREFIX.length);
}

/** The sync scopes of an alumnus (and of its follow-ups): its providers', or `unassigned`. */
export async function syncScopesOfAlumnus(db: Kysely<Database>, alumnusId: string): Promise<string[]> {
  await lockAlumnusScopes(db, alumnusId, 'share');
  return syncScopesOfProviders(await providersOfAlumnus(db, alumnusId));
}

/**
 * Holds an alumnus's scopes still until the transaction ends. A writer versions the
 * person's record or a follow-up in the scopes it reads (`share`: writers of one person
 * do not wait for each other); an enrolment changes those scopes and puts the person's
 * whole history in the scope entered (`change`). On PostgreSQL two such transactions run
 * at once: without the lock an enrolment could commit between a follow-up's scope read
 * and its commit, miss the uncommitted follow-up, and the new provider would never
 * receive it. With it, the second waits for the first to commit and then reads what it
 * wrote. SQLite has one writer at a time, so there is nothing to wait for.
 */
export async function lockAlumnusScopes(db: Kysely<Database>, alumnusId: string, mode: 'share' | 'change'): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const select = db.selectFrom('alumni').select('id').where('id', '=', alumnusId);
  await (mode === 'share' ? select.forShare() : select.forUpdate()).execute();
}

/** The sync scopes of an alumnus enrolled with `providers`. */
export function syncScopesOfProviders(providers: readonly string[]): string[] {
  return providers.length === 0 ? [UNASSIGNED_SCOPE] : providers.map(providerSyncScope).sort();
}
