import { sql, type Kysely } from 'kysely';

/*
 * The change feed as sync uses it (src/server/sync/change-feed.ts):
 *
 * - at most one change_log row per (scope, entity, entity_id), the latest: a writer
 *   upserts on this unique index, so the log grows with the data, not with every edit;
 * - the refusal of a pushed mutation keeps its details (field issues, the current values
 *   of a compare-and-set) so a retried push can repeat the answer;
 * - records written before the feed existed are put in it once, so a first pull
 *   receives them. A frozen copy of the app's snapshot query: migrations never import
 *   code that may change later.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('change_log_scope_entity_entity_id_unique')
    .on('change_log')
    .columns(['scope', 'entity', 'entity_id'])
    .unique()
    .execute();
  await db.schema.alterTable('mutation_results').addColumn('details_json', 'text').execute();
  await backfill(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mutation_results').dropColumn('details_json').execute();
  await db.schema.dropIndex('change_log_scope_entity_entity_id_unique').execute();
}

async function backfill(db: Kysely<unknown>): Promise<void> {
  const empty = (await sql<{ n: number }>`select count(*) as n from change_log`.execute(db)).rows[0];
  if (Number(empty?.n ?? 0) > 0) return;
  const at = new Date().toISOString();
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
      union all select 'shared', 3, 'users', id from users
      union all select 'p:' || provider_id, 4, 'cohorts', id from cohorts
      union all select s.scope, 5, 'alumni', s.alumnus_id from alumnus_scopes s
      union all select 'p:' || c.provider_id, 6, 'enrollments', e.id from enrollments e join cohorts c on c.id = e.cohort_id
      union all select s.scope, 7, 'followUps', f.id from follow_ups f join alumnus_scopes s on s.alumnus_id = f.alumnus_id
    )
    insert into change_log (scope, version, entity, entity_id, op, changed_at)
    select scope, row_number() over (partition by scope order by rank, entity_id), entity, entity_id, 'put', ${at}
      from feed
  `.execute(db);
  await sql`
    insert into scope_versions (scope, version)
    select scope, max(version) from change_log group by scope
  `.execute(db);
}
