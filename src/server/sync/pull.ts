import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/api/auth.api';
import { DEFAULT_PULL_LIMIT, type Change, type PullRequest, type PullResponse, type SyncedEntity } from '../../shared/sync/protocol';
import type { FollowUp, SelfReportLink } from '../../shared/schema';
import { followUpsAsSeenBy, selfReportLinksAsSeenBy } from '../access/follow-up-view';
import { providerScope } from '../access/scope';
import type { Database } from '../db/schema';
import { claimClient, droppableMid, forgetSettledResults } from './clients.repository';
import { readFeedPage, readScopeVersions, type FeedEntry } from './feed-page';
import { readPersonPage, type LoadedRecords } from './person-page';
import { loadRecords } from './load-records';
import { scopesToPull, startingCursor } from './pull-cursor';
import { stillVisible } from './still-visible';

/**
 * One page of the changes a user may see after their cursor: puts with the current
 * record, and deletes of records that left a scope the user reads — or, on a first pull
 * the client asked to take by person, one page of people each with all their records
 * (person-page.ts). The page is read in one snapshot (REPEATABLE READ on PostgreSQL, a
 * read transaction on SQLite), so the feed rows and the records they name agree. The
 * scopes come from the scope module only, whatever the cursor names.
 */
export async function pullChanges(db: Kysely<Database>, user: SessionUser, request: PullRequest, now: Date): Promise<PullResponse> {
  const settled = await claimClient(db, request.clientId, user.id, now);
  await forgetSettledResults(db, request.clientId, request.settledMid, settled);
  const lastMid = await droppableMid(db, request.clientId, settled);
  const limit = request.limit ?? DEFAULT_PULL_LIMIT;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const versions = await readScopeVersions(trx);
      const start = startingCursor(user, request.cursor, versions, request.byPerson === true);
      const scopes = scopesToPull(user, versions);
      if (start.kind === 'persons') {
        const readers = { scopes, everyone: providerScope(user).kind === 'all' };
        const page = await readPersonPage(trx, readers, start.cursor, versions, limit);
        const changes = await toChanges(trx, user, page.rows, page.records);
        return { changes, cursor: page.cursor, more: page.more, lastMid, reset: start.reset, byPerson: page.progress };
      }
      const page = await readFeedPage(trx, scopes, start.cursor, versions, limit);
      const changes = await toChanges(trx, user, page.rows);
      return { changes, cursor: page.cursor, more: page.more, lastMid, reset: start.reset };
    });
}

/**
 * Feed rows → changes, loading the records of the puts entity by entity (a query per 900
 * ids, not per row) unless they were read with the page (`loaded`), with the field
 * clocks of alumni.
 */
async function toChanges(db: Kysely<Database>, user: SessionUser, rows: readonly FeedEntry[], loaded: LoadedRecords = new Map()): Promise<Change[]> {
  const visible = await stillVisible(db, user, rows.filter((row) => row.op === 'delete'));
  const effective = rows.map((row) => (row.op === 'delete' && visible.has(`${row.entity}/${row.entityId}`) ? { ...row, op: 'put' as const } : row));

  const idsOf = new Map<SyncedEntity, string[]>();
  for (const row of effective) {
    if (row.op !== 'put') continue;
    const ids = idsOf.get(row.entity) ?? [];
    ids.push(row.entityId);
    idsOf.set(row.entity, ids);
  }
  const records = new Map<SyncedEntity, Map<string, Record<string, unknown>>>();
  for (const [entity, ids] of idsOf) records.set(entity, await asSeenBy(db, user, entity, await recordsWithIds(db, entity, ids, loaded.get(entity))));

  const clocks = await fieldClocksOf(db, idsOf.get('alumni') ?? []);
  const changes: Change[] = [];
  for (const row of effective) {
    if (row.op === 'delete') {
      changes.push({ entity: row.entity, op: 'delete', id: row.entityId });
      continue;
    }
    const record = records.get(row.entity)?.get(row.entityId);
    if (record === undefined) continue;
    const clocked = row.entity === 'alumni' ? clocks.get(row.entityId) : undefined;
    changes.push({ entity: row.entity, op: 'put', id: row.entityId, record, ...(clocked === undefined ? {} : { clocks: clocked }) });
  }
  return changes;
}

/** The records with these ids: those read already, the others loaded. */
async function recordsWithIds(db: Kysely<Database>, entity: SyncedEntity, ids: readonly string[], read: ReadonlyMap<string, Record<string, unknown>> = new Map()): Promise<Map<string, Record<string, unknown>>> {
  const records = new Map<string, Record<string, unknown>>();
  const missing: string[] = [];
  for (const id of ids) {
    const record = read.get(id);
    if (record === undefined) missing.push(id);
    else records.set(id, record);
  }
  if (missing.length === 0) return records;
  for (const [id, record] of await loadRecords(db, entity, missing)) records.set(id, record);
  return records;
}

/** The field clocks of these alumni, by id then field: a query per 900 ids. */
async function fieldClocksOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Record<string, string>>> {
  const clocks = new Map<string, Record<string, string>>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += 900) {
    const rows = await db
      .selectFrom('fieldClocks')
      .select(['entityId', 'field', 'hlc'])
      .where('entity', '=', 'alumni')
      .where('entityId', 'in', unique.slice(start, start + 900))
      .execute();
    for (const row of rows) clocks.set(row.entityId, { ...clocks.get(row.entityId), [row.field]: row.hlc });
  }
  return clocks;
}

/** Records as the user may read them: follow-ups and answer links written outside a provider reach its staff withheld. */
async function asSeenBy(
  db: Kysely<Database>,
  user: SessionUser,
  entity: SyncedEntity,
  records: Map<string, Record<string, unknown>>,
): Promise<Map<string, Record<string, unknown>>> {
  // The records were read with the fields of these schemas (load-records.ts).
  if (entity === 'followUps') return byId(await followUpsAsSeenBy(db, user, [...records.values()] as FollowUp[]));
  if (entity === 'selfReportLinks') return byId(await selfReportLinksAsSeenBy(db, user, [...records.values()] as SelfReportLink[]));
  return records;
}

function byId(records: readonly { id: string }[]): Map<string, Record<string, unknown>> {
  return new Map(records.map((record) => [record.id, record]));
}
