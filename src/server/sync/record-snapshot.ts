import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Puts every record in the change feed at once, in the scopes it belongs to — what
 * `recordChanges` would have recorded had each record been written one by one, in one
 * statement instead of 60,000 (the demo seed: a first pull then receives the whole data
 * set). Versions continue each scope's count. Parents come before children within a
 * scope (providers… cohorts, alumni, enrollments, follow-ups), as a device that applies
 * a page in order would like them.
 *
 * For a database no one else writes to meanwhile (the seed holds its transaction);
 * concurrent writers would need the scope row locks `recordChanges` takes.
 */
export async function recordSnapshot(trx: Kysely<Database>, now: Date): Promise<void> {
  await sql`
    with alumnus_scopes as (
      select distinct e.alumnus_id as alumnus_id, 'p:' || c.provider_id as scope
        from enrollments e join cohorts c on c.id = e.cohort_id
       where e.deleted = 0
      union all
      select a.id, 'unassigned' from alumni a
       where not exists (select 1 from enrollments e where e.alumnus_id = a.id and e.deleted = 0)
    ),
    feed as (
      select 'shared' as scope, 1 as rank, 'providers' as entity, id as entity_id from providers
      union all select 'shared', 2, 'vocations', id from vocations
      union all select 'shared', 2, 'areaPlaces', id from area_places
      union all select 'shared', 3, 'users', id from users
      union all select 'p:' || provider_id, 4, 'cohorts', id from cohorts
      union all select s.scope, 5, 'alumni', s.alumnus_id from alumnus_scopes s
      union all select 'p:' || c.provider_id, 6, 'enrollments', e.id from enrollments e join cohorts c on c.id = e.cohort_id
      union all select s.scope, 7, 'followUps', f.id from follow_ups f join alumnus_scopes s on s.alumnus_id = f.alumnus_id
      union all select s.scope, 8, 'selfReportLinks', l.id from self_report_links l join alumnus_scopes s on s.alumnus_id = l.alumnus_id
    ),
    numbered as (
      select feed.scope, feed.entity, feed.entity_id,
             coalesce(sv.version, 0) + row_number() over (partition by feed.scope order by feed.rank, feed.entity_id) as version
        from feed left join scope_versions sv on sv.scope = feed.scope
    )
    insert into change_log (scope, version, entity, entity_id, op, changed_at)
    select scope, version, entity, entity_id, 'put', ${now.toISOString()} from numbered where true
    on conflict (scope, entity, entity_id) do update set version = excluded.version, op = excluded.op, changed_at = excluded.changed_at
  `.execute(trx);
  // "where true": SQLite would otherwise read the ON of ON CONFLICT as a join's.
  await sql`
    insert into scope_versions (scope, version)
    select scope, max(version) from change_log where true group by scope
    on conflict (scope) do update set version = excluded.version
  `.execute(trx);
}
