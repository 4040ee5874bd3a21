import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/db/schema';
import { loadRecords } from '../../../src/server/sync/load-records';
import { entityTable } from '../../../src/client/sync/entities';
import type { JejakDb } from '../../../src/client/storage/db';
import { withheldFollowUp, withheldSelfReportLink } from '../../../src/shared/domain/withheld-follow-up';
import type { FollowUp, SelfReportLink } from '../../../src/shared/schema';
import { SYNCED_ENTITIES, type SyncedEntity } from '../../../src/shared/sync/protocol';

/** entity → records sorted by id: what a device holds, or what it should. */
export type Holdings = Record<SyncedEntity, Record<string, unknown>[]>;

type Reader = { role: string; providerId: string | null };

/**
 * What the server holds that `reader` may see, decided from the tables themselves with
 * DESIGN.md's rule rather than through the change feed or the scope module under test:
 * everyone sees providers, vocations and users; provider staff only their provider's
 * cohorts, the enrollments in them, and the people with a live enrollment there with
 * all their follow-ups — those written outside their provider withheld; everyone else
 * every record whole. Records as a pull sends them.
 */
export async function serverHoldingsFor(db: Kysely<Database>, reader: Reader): Promise<Holdings> {
  const ids = reader.role === 'provider-staff' ? await idsOfProvider(db, reader.providerId ?? '') : await allIds(db);
  const holdings = {} as Holdings;
  for (const entity of SYNCED_ENTITIES) {
    const records = await loadRecords(db, entity, ids[entity]);
    holdings[entity] = [...records.values()].sort(byId);
  }
  if (reader.role === 'provider-staff') {
    const within = await writtenWithin(db, reader.providerId ?? '');
    holdings.followUps = holdings.followUps.map((record) =>
      within.followUps.has(String(record['id'])) ? record : withheldFollowUp(record as FollowUp));
    holdings.selfReportLinks = holdings.selfReportLinks.map((record) =>
      within.linkMakers.has(String(record['createdBy'])) ? record : withheldSelfReportLink(record as SelfReportLink));
  }
  return holdings;
}

/**
 * The follow-ups written within a provider — by its staff, or answered through a link its
 * staff made — and its staff (who made links), read from the tables.
 */
async function writtenWithin(db: Kysely<Database>, providerId: string) {
  const staff = new Set((await db.selectFrom('users').select('id').where('providerId', '=', providerId).execute()).map((row) => row.id));
  const links = await db.selectFrom('selfReportLinks').select(['followUpId', 'createdBy']).execute();
  const answered = new Set(links.flatMap((link) => (link.followUpId !== null && staff.has(link.createdBy) ? [link.followUpId] : [])));
  const followUps = (await db.selectFrom('followUps').select(['id', 'officerId']).execute())
    .filter((row) => staff.has(row.officerId) || answered.has(row.id));
  return { followUps: new Set(followUps.map((row) => row.id)), linkMakers: staff };
}

/** Every synced table of a device, as stored. */
export async function deviceHoldings(db: JejakDb): Promise<Holdings> {
  const holdings = {} as Holdings;
  for (const entity of SYNCED_ENTITIES) {
    holdings[entity] = ((await entityTable(db, entity).toArray()) as unknown as Record<string, unknown>[]).sort(byId);
  }
  return holdings;
}

async function allIds(db: Kysely<Database>): Promise<Record<SyncedEntity, string[]>> {
  const ids = {} as Record<SyncedEntity, string[]>;
  for (const entity of SYNCED_ENTITIES) ids[entity] = (await db.selectFrom(entity).select('id').execute()).map((row) => row.id);
  return ids;
}

async function idsOfProvider(db: Kysely<Database>, providerId: string): Promise<Record<SyncedEntity, string[]>> {
  const everyone = await allIds(db);
  const cohorts = (await db.selectFrom('cohorts').select('id').where('providerId', '=', providerId).execute()).map((row) => row.id);
  const enrollments = await db.selectFrom('enrollments').select(['id', 'alumnusId', 'deleted']).where('cohortId', 'in', [...cohorts, '']).execute();
  const people = [...new Set(enrollments.filter((row) => !row.deleted).map((row) => row.alumnusId))];
  const followUps = (await db.selectFrom('followUps').select('id').where('alumnusId', 'in', [...people, '']).execute()).map((row) => row.id);
  const selfReportLinks = (await db.selectFrom('selfReportLinks').select('id').where('alumnusId', 'in', [...people, '']).execute()).map((row) => row.id);
  return {
    providers: everyone.providers, vocations: everyone.vocations, users: everyone.users, areaPlaces: everyone.areaPlaces,
    cohorts, enrollments: enrollments.map((row) => row.id), alumni: people, followUps, selfReportLinks,
  };
}

function byId(a: Record<string, unknown>, b: Record<string, unknown>): number {
  return String(a['id']).localeCompare(String(b['id']));
}
