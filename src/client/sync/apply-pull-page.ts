import { AreaPlaceSchema } from '../../shared/schema/area-place.schema';
import * as v from 'valibot';
import { AlumnusSchema } from '../../shared/schema/alumnus.schema';
import { CohortSchema } from '../../shared/schema/cohort.schema';
import { RecordFields } from '../../shared/schema/common.schema';
import { EnrollmentSchema } from '../../shared/schema/enrollment.schema';
import { FollowUpSchema } from '../../shared/schema/follow-up.schema';
import { ProviderSchema } from '../../shared/schema/provider.schema';
import { SelfReportLinkSchema } from '../../shared/schema/self-report-link.schema';
import { VocationSchema } from '../../shared/schema/vocation.schema';
import { SYNCED_ENTITIES, isPersonCursor, type PullResponse, type SyncedEntity } from '../../shared/sync/protocol';
import type { JejakDb } from '../storage/db';
import { writeMeta } from '../storage/meta.repository';
import { basedKeys, clearBases, updateBase } from './bases';
import { entityTable, recordKey, type EntityRecord, type EntityRecords } from './entities';
import type { Actor } from './local-appliers';
import { rebase } from './rebase';
import { PulledCohorts, indexWholePeople, refreshDueIndex, startDueIndexOver } from './due-index';
import { refreshReportFacts } from './report-facts';
import { mergePulledClocks } from './merge-pulled-clocks';

/**
 * Another user as a pull sends them: id and display name, to name who logged a contact.
 * Not derived from the shared UserSchema: its module is also read by the session code
 * before the first screen, and using its schema here would load valibot there too (the
 * initial-JS budget). The server validated these users when it stored them.
 */
const PulledUserSchema = v.object({
  ...RecordFields,
  displayName: v.string(),
});

const SCHEMAS: { [E in SyncedEntity]: v.GenericSchema<unknown, EntityRecords[E]> } = {
  providers: ProviderSchema,
  vocations: VocationSchema,
  cohorts: CohortSchema,
  alumni: AlumnusSchema,
  enrollments: EnrollmentSchema,
  followUps: FollowUpSchema,
  users: PulledUserSchema,
  selfReportLinks: SelfReportLinkSchema,
  areaPlaces: AreaPlaceSchema,
};

/**
 * Applies one pulled page and stores its cursor in one transaction, so a page is either
 * all in (with the cursor after it) or not at all and pulled again. Then, in the same
 * transaction, the still-pending changes are applied again on top (rebase); after the
 * last page every record goes back to "the server's version plus what is pending".
 *
 * `reset` wipes the entity tables first — never the outbox: queued work is not the
 * server's to drop. On a first pull by person (`byPerson`), every person in a page came
 * whole, so their worklist rows are computed from the page itself as it is stored: the
 * worklist fills page by page, and its progress (`firstPull`) is kept beside the cursor.
 */
export async function applyPullPage(db: JejakDb, actor: Actor, page: PullResponse | PreparedPage, cohorts = new PulledCohorts()): Promise<void> {
  const { response, records } = 'records' in page ? page : preparePullPage(page);
  await db.transaction('rw', db.tables, async () => {
    if (response.reset) {
      await Promise.all(SYNCED_ENTITIES.map((entity) => entityTable(db, entity).clear()));
      await clearBases(db);
      cohorts.forgetAll();
      if (response.byPerson !== undefined) await startDueIndexOver(db);
    }
    await storeRecords(db, records);
    cohorts.note(records.puts.cohorts, records.deletes.cohorts);
    if (response.byPerson !== undefined) await indexWholePeople(db, records.puts, cohorts);
    await mergePulledClocks(db, response.changes, Date.now());
    await writeMeta(db, 'cursor', response.cursor);
    if (response.byPerson !== undefined && isPersonCursor(response.cursor)) await writeMeta(db, 'firstPull', response.byPerson);
    else await db.meta.delete('firstPull');
    // Settled by the server even if the push answer never arrived.
    await db.outbox.where('mid').belowOrEqual(response.lastMid).filter((entry) => entry.status === 'pending').delete();
    await rebase(db, actor, response.more ? new Set() : null);
    await refreshDueIndex(db);
    await refreshReportFacts(db, actor);
  });
}

/** A pulled page with its records checked against their schemas, ready to store. */
export type PreparedPage = { response: PullResponse; records: PageRecords };

/** What a page puts (parsed) and deletes, by entity. */
type PageRecords = { puts: { [E in SyncedEntity]: EntityRecords[E][] }; deletes: { [E in SyncedEntity]: string[] } };

/**
 * Checks every record of a page against its entity's schema, outside any transaction:
 * the pull prepares the next page while IndexedDB still writes this one, so the two do
 * not take turns on the main thread. The last change of a record in the page is its
 * state; a record this app cannot read is left out rather than stored to crash a screen
 * later.
 */
export function preparePullPage(response: PullResponse): PreparedPage {
  const puts = Object.fromEntries(SYNCED_ENTITIES.map((entity) => [entity, []])) as unknown as Record<SyncedEntity, EntityRecord[]>;
  const deletes = Object.fromEntries(SYNCED_ENTITIES.map((entity) => [entity, []])) as unknown as Record<SyncedEntity, string[]>;
  const latest = new Map(response.changes.map((change) => [recordKey(change.entity, change.id), change]));
  for (const change of latest.values()) {
    if (change.op === 'delete') {
      deletes[change.entity].push(change.id);
      continue;
    }
    const parsed = v.safeParse(SCHEMAS[change.entity], change.record);
    if (parsed.success && parsed.output.id === change.id) puts[change.entity].push(parsed.output);
  }
  return { response, records: { puts, deletes } as PageRecords };
}

/**
 * Writes a page's records, every table's at once: IndexedDB takes the requests in the
 * order given, and the main thread need not wait for one table's last write before
 * handing over the next table's records.
 */
async function storeRecords(db: JejakDb, { puts: allPuts, deletes: allDeletes }: PageRecords): Promise<void> {
  const based = await basedKeys(db);
  await Promise.all(
    SYNCED_ENTITIES.map(async (entity) => {
      const puts: EntityRecord[] = allPuts[entity];
      const deletes = allDeletes[entity];
      if (puts.length === 0 && deletes.length === 0) return;
      const table = entityTable(db, entity);
      if (entity === 'alumni') await dropLocalNikTwins(db, puts as EntityRecords['alumni'][], based);
      if (deletes.length > 0) await table.bulkDelete(deletes);
      await table.bulkPut(puts);
      for (const id of deletes) if (based.has(recordKey(entity, id))) await updateBase(db, entity, id, null);
      for (const record of puts) if (based.has(recordKey(entity, record.id))) await updateBase(db, entity, record.id, record);
    }),
  );
}

/**
 * An alumnus made here offline whose NIK the server already knew under another id (two
 * devices enrolled the same person): the server's record wins and the local one goes
 * (NIK is unique here too). A pending enrolment then finds the server's one by NIK.
 * Only a record written here can be such a twin, and every such record has a base until
 * the server's version has arrived, so only the based alumni are looked at: a first
 * pull of 20,000 alumni does not look up every NIK.
 */
async function dropLocalNikTwins(db: JejakDb, incoming: readonly EntityRecords['alumni'][], based: ReadonlySet<string>): Promise<void> {
  const prefix = recordKey('alumni', '');
  const localIds = [...based].flatMap((key) => (key.startsWith(prefix) ? [key.slice(prefix.length)] : []));
  if (localIds.length === 0) return;
  const idByNik = new Map(incoming.map((alumnus) => [alumnus.nik, alumnus.id]));
  const locals = await db.alumni.bulkGet(localIds);
  const twins = locals.flatMap((local) => (local !== undefined && idByNik.has(local.nik) && idByNik.get(local.nik) !== local.id ? [local.id] : []));
  await db.alumni.bulkDelete(twins);
}
