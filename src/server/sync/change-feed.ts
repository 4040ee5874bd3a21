import { sql, type Kysely } from 'kysely';
import type { SyncedEntity } from '../../shared/sync/protocol';
import { compiledOnce } from '../db/compiled-once';
import { defer, type DeferredKind } from '../db/deferred-writes';
import { multiRowInsert } from '../db/multi-row-insert';
import type { Database } from '../db/schema';

/** One row that changed, in one sync scope: `put` it is (still) there, `delete` it left the scope. */
export type FeedChange = { scope: string; entity: SyncedEntity; id: string; op: 'put' | 'delete' };

/** Rows per INSERT: 6 parameters each, under the 999 bound values of old SQLite builds. */
const ROWS_PER_INSERT = 150;

/** A change and the instant of the write that made it. */
type TimedChange = FeedChange & { at: string };

const FEED_ROWS: DeferredKind<TimedChange> = { write: writeChanges };

type ChangeRow = Database['changeLog'];

/** Keeps the latest row per (scope, entity, id), as `writeChanges` says. */
const upsertChangeRows = multiRowInsert(['scope', 'version', 'entity', 'entityId', 'op', 'changedAt'], ROWS_PER_INSERT, (db, rows: ChangeRow[]) =>
  db
    .insertInto('changeLog')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['scope', 'entity', 'entityId']).doUpdateSet((eb) => ({
        version: eb.ref('excluded.version'),
        op: eb.ref('excluded.op'),
        changedAt: eb.ref('excluded.changedAt'),
      })),
    ),
);

/**
 * Records `changes` in the change feed. Every writing transaction calls it with all it
 * changed, before it commits; a transaction that defers its writes (a pushed group of
 * mutations, db/deferred-writes.ts) gathers every call and writes them once at its end.
 */
export async function recordChanges(trx: Kysely<Database>, changes: readonly FeedChange[], now: Date): Promise<void> {
  const at = now.toISOString();
  const timed = changes.map((change) => ({ ...change, at }));
  if (defer(trx, FEED_ROWS, timed)) return;
  await writeChanges(trx, timed);
}

/**
 * Versions come from one row per scope that this transaction increments with
 * `UPDATE … RETURNING`: the row lock is held to commit, so a second writer of the same
 * scope waits and takes the next numbers only after the first committed (PostgreSQL; on
 * SQLite the single writer gives the same order). A pull can therefore never see version
 * 42 of a scope while 41 is still to commit — a sequence would allow exactly that, and
 * 41 would be skipped for good. Scopes are locked in sorted order so two writers that
 * touch the same scopes cannot deadlock on them; a transaction that defers its writes
 * takes these locks only at its end, for the moment it needs to commit.
 *
 * Each row gets a version of its own, so a pull page can end after any row. The log keeps
 * only the latest row per (scope, entity, id): the older one is replaced (upsert on the
 * unique index), so the log grows with the data and not with every edit. Within one
 * transaction the last word about a row is the one written, in its place in the order —
 * which also keeps one INSERT from touching a row twice, which PostgreSQL refuses.
 */
async function writeChanges(trx: Kysely<Database>, changes: readonly TimedChange[]): Promise<void> {
  const byScope = new Map<string, Map<string, TimedChange>>();
  for (const change of changes) {
    const scope = byScope.get(change.scope) ?? new Map<string, TimedChange>();
    scope.delete(`${change.entity}/${change.id}`);
    scope.set(`${change.entity}/${change.id}`, change);
    byScope.set(change.scope, scope);
  }
  for (const scope of [...byScope.keys()].sort()) {
    const rows = [...(byScope.get(scope)?.values() ?? [])];
    const last = await bumpScopeVersion(trx, scope, rows.length);
    const first = last - rows.length + 1;
    await upsertChangeRows(trx, rows.map((row, i) => ({ scope, version: first + i, entity: row.entity, entityId: row.id, op: row.op, changedAt: row.at })));
  }
}

// Compiled once: a push's transaction bumps every scope it wrote to (db/compiled-once.ts).
const bumpQuery = compiledOnce((db, { scope, count }: { scope: string; count: number }) =>
  db.updateTable('scopeVersions').set({ version: sql<number>`version + ${count}` }).where('scope', '=', scope).returning('version'),
);

/**
 * Adds `count` to a scope's version and returns the new one, holding the row's lock to
 * commit. A scope's first writer creates the row; two first writers at once both insert
 * "if absent", one of them waits for the other, and both then update.
 */
async function bumpScopeVersion(trx: Kysely<Database>, scope: string, count: number): Promise<number> {
  const bump = async () => (await bumpQuery(trx, { scope, count })).rows[0];
  const bumped = await bump();
  if (bumped !== undefined) return Number(bumped.version);
  await trx.insertInto('scopeVersions').values({ scope, version: 0 }).onConflict((oc) => oc.column('scope').doNothing()).execute();
  const created = await bump();
  if (created === undefined) throw new Error(`scope_versions row for ${scope} vanished`);
  return Number(created.version);
}
