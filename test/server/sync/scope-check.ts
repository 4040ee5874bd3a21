import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/db/schema';
import type { Change } from '../../../src/shared/sync/protocol';

/**
 * The put changes that carry a record outside one provider's scope, judged from the
 * database itself rather than from the change feed: a cohort of another provider, an
 * enrollment in another provider's cohort, a person (or their follow-up) with no live
 * enrollment there. Shared records (providers, vocations, users) are everyone's.
 */
export async function outOfScope(db: Kysely<Database>, providerId: string, changes: readonly Change[]): Promise<Change[]> {
  const cohorts = new Set((await db.selectFrom('cohorts').select('id').where('providerId', '=', providerId).execute()).map((r) => r.id));
  const enrolled = new Set(
    (await db.selectFrom('enrollments').select('alumnusId').where('deleted', '=', 0).where('cohortId', 'in', [...cohorts, '']).execute()).map((r) => r.alumnusId),
  );
  const leaks: Change[] = [];
  for (const change of changes) {
    if (change.op !== 'put') continue;
    const record = change.record;
    const inScope =
      change.entity === 'cohorts' ? record['providerId'] === providerId
      : change.entity === 'enrollments' ? cohorts.has(String(record['cohortId']))
      : change.entity === 'alumni' ? enrolled.has(change.id)
      : change.entity === 'followUps' ? enrolled.has(String(record['alumnusId']))
      : true;
    if (!inScope) leaks.push(change);
  }
  return leaks;
}
