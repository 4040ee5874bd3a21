import type { Kysely } from 'kysely';
import type { Cursor, SyncedEntity } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';

export type FeedRow = { scope: string; version: number; entity: SyncedEntity; entityId: string; op: 'put' | 'delete' };

/** What a pull page sends of a record: put it (with its current state) or delete it. */
export type FeedEntry = Pick<FeedRow, 'entity' | 'entityId' | 'op'>;

export type FeedPage = { rows: FeedRow[]; cursor: Cursor; more: boolean };

/** Every scope's current version: the largest version of its feed rows. */
export async function readScopeVersions(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('scopeVersions').select(['scope', 'version']).execute();
  return new Map(rows.map((row) => [row.scope, Number(row.version)]));
}

/**
 * Up to `limit` feed rows after `from`, ordered by (scope, version), and the cursor after
 * them. Every row has a version of its own, so a page may end after any row: the cursor
 * then names the last version sent in that scope, and the scope's current version for
 * each scope read to its end. Each scope is one range scan of the primary key.
 */
export async function readFeedPage(
  db: Kysely<Database>,
  scopes: readonly string[],
  from: Cursor,
  versions: ReadonlyMap<string, number>,
  limit: number,
): Promise<FeedPage> {
  const cursor: Cursor = { ...from };
  const rows: FeedRow[] = [];
  for (const scope of scopes) {
    const after = from[scope] ?? 0;
    const latest = versions.get(scope) ?? 0;
    cursor[scope] = after;
    const room = limit - rows.length;
    if (room <= 0 || latest <= after) continue;
    const batch = await db
      .selectFrom('changeLog')
      .select(['scope', 'version', 'entity', 'entityId', 'op'])
      .where('scope', '=', scope)
      .where('version', '>', after)
      .orderBy('version')
      .limit(room)
      .execute();
    for (const row of batch) rows.push({ ...row, version: Number(row.version), entity: row.entity as SyncedEntity });
    const last = batch.at(-1);
    cursor[scope] = batch.length < room || last === undefined ? latest : Number(last.version);
  }
  const more = scopes.some((scope) => (versions.get(scope) ?? 0) > (cursor[scope] ?? 0));
  return { rows, cursor, more };
}
