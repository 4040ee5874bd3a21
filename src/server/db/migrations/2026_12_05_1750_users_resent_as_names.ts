import { sql, type Kysely } from 'kysely';

/*
 * Devices now receive users as id and display name only (sync/load-records.ts). Devices
 * synced before still hold every user's username, role, provider and active flag: each
 * user is put again in the shared scope, so the next pull replaces those rows with the
 * name alone. Versions continue the shared scope's count, as recordSnapshot's do.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  const now = new Date().toISOString();
  await sql`
    with numbered as (
      select 'shared' as scope, 'users' as entity, u.id as entity_id,
             coalesce(sv.version, 0) + row_number() over (order by u.id) as version
        from users u left join scope_versions sv on sv.scope = 'shared'
    )
    insert into change_log (scope, version, entity, entity_id, op, changed_at)
    select scope, version, entity, entity_id, 'put', ${now} from numbered where true
    on conflict (scope, entity, entity_id) do update set version = excluded.version, op = excluded.op, changed_at = excluded.changed_at
  `.execute(db);
  // "where true": SQLite would otherwise read the ON of ON CONFLICT as a join's.
  await sql`
    insert into scope_versions (scope, version)
    select scope, max(version) from change_log where scope = 'shared' group by scope
    on conflict (scope) do update set version = excluded.version
  `.execute(db);
}

/** Nothing to undo: the feed rows only ask devices to fetch the users again. */
export async function down(): Promise<void> {}
