import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/api/auth.api';
import { alumniOfProvider, providerScope } from '../access/scope';
import type { Database } from '../db/schema';
import type { FeedEntry } from './feed-page';

const IDS_PER_QUERY = 900;

/** Records that live in their alumnus's scopes, by the table that says whose they are. */
const OWNED_BY_ALUMNUS = ['followUps', 'selfReportLinks'] as const;

/**
 * Of the alumni, follow-ups and answer links a page deletes from one scope, those the
 * user still sees through another scope they read (`entity/id` keys). A person who leaves
 * `unassigned` for a provider, or one of their two providers, stays on the device of
 * everyone who reads the other scope: their delete must not win over that scope's put,
 * which the same page or an earlier one may have sent.
 */
export async function stillVisible(db: Kysely<Database>, user: SessionUser, deletes: readonly FeedEntry[]): Promise<Set<string>> {
  const alumni = deletes.filter((row) => row.entity === 'alumni').map((row) => row.entityId);
  const owned = OWNED_BY_ALUMNUS.map((entity) => ({ entity, ids: deletes.filter((row) => row.entity === entity).map((row) => row.entityId) }));
  const scope = providerScope(user);
  // Whoever reads every provider also reads `unassigned`: every person is somewhere they see.
  if (scope.kind === 'all') {
    return new Set([...alumni.map((id) => `alumni/${id}`), ...owned.flatMap(({ entity, ids }) => ids.map((id) => `${entity}/${id}`))]);
  }

  const alumnusOf = new Map<string, string>();
  for (const { entity, ids } of owned) {
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      const rows = await db.selectFrom(entity).select(['id', 'alumnusId']).where('id', 'in', ids.slice(start, start + IDS_PER_QUERY)).execute();
      for (const row of rows) alumnusOf.set(`${entity}/${row.id}`, row.alumnusId);
    }
  }
  const candidates = [...new Set([...alumni, ...alumnusOf.values()])];
  const enrolled = new Set<string>();
  for (let start = 0; start < candidates.length; start += IDS_PER_QUERY) {
    const rows = await alumniOfProvider(db, scope.providerId).where('enrollments.alumnusId', 'in', candidates.slice(start, start + IDS_PER_QUERY)).execute();
    for (const row of rows) enrolled.add(row.alumnusId);
  }
  const visible = new Set<string>();
  for (const id of alumni) if (enrolled.has(id)) visible.add(`alumni/${id}`);
  for (const [key, alumnusId] of alumnusOf) if (enrolled.has(alumnusId)) visible.add(key);
  return visible;
}
