import type { Kysely } from 'kysely';
import type { FollowUpListQuery } from '../../shared/api/follow-ups.api';
import type { Page } from '../../shared/api/page.api';
import type { FollowUp } from '../../shared/schema';
import { alumniOfProvider, type ProviderScope } from '../access/scope';
import { toPage } from './page';
import { compiledOnce } from './compiled-once';
import { multiRowInsert } from './multi-row-insert';
import { BOOLEAN_FIELDS, fromRow, toRow, type Row } from './rows';
import type { Database } from './schema';
import { refreshStatusSteps, statusStepsAfterLogging } from './status-steps.repository';

export const FOLLOW_UP_FIELDS = [
  'id', 'createdAt', 'updatedAt', 'alumnusId', 'officerId', 'contactedAt', 'channel', 'reached', 'unreachedReason',
  'status', 'statusStartDate', 'employer', 'jobTitle', 'sector', 'incomeBand', 'businessName', 'businessKind',
  'businessEmployees', 'revenueBand', 'notes', 'gpsLat', 'gpsLng', 'gpsAccuracy', 'nextFollowUpDate', 'voidedAt',
  'voidedBy', 'voidReason',
] as const;

export async function findFollowUp(db: Kysely<Database>, id: string): Promise<FollowUp | undefined> {
  const row = await db.selectFrom('followUps').select(FOLLOW_UP_FIELDS).where('id', '=', id).executeTakeFirst();
  return row && fromRow(row, BOOLEAN_FIELDS.followUps);
}

/** True when a follow-up with this id is stored: one column read, where the record itself is rarely needed. */
export async function followUpExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await followUpIdQuery(db, { id })).rows.length > 0;
}

// Compiled once: a push runs these for every follow-up it logs (db/compiled-once.ts).
const followUpIdQuery = compiledOnce((db, { id }: { id: string }) => db.selectFrom('followUps').select('id').where('id', '=', id));
const insertFollowUpQuery = compiledOnce((db, row: Row<FollowUp>) => db.insertInto('followUps').values(row));

/**
 * Follow-ups of alumni within `scope` (of one alumnus when asked), newest contact first,
 * voided ones included: the history shows what was corrected. `contactedAt` is stored as
 * UTC ISO text, so text order is time order.
 */
export async function listFollowUps(db: Kysely<Database>, scope: ProviderScope, query: FollowUpListQuery): Promise<{ items: FollowUp[]; page: Page }> {
  let select = db
    .selectFrom('followUps')
    .select(FOLLOW_UP_FIELDS)
    .orderBy('contactedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .offset(query.offset);
  if (scope.kind === 'provider') select = select.where('alumnusId', 'in', alumniOfProvider(db, scope.providerId));
  if (query.alumnusId !== undefined) select = select.where('alumnusId', '=', query.alumnusId);
  const rows = await select.execute();
  return toPage(rows.map((row) => fromRow(row, BOOLEAN_FIELDS.followUps)), query);
}

/** Every follow-up of one person, newest contact first, voided ones included. */
export async function listAlumnusFollowUps(db: Kysely<Database>, alumnusId: string): Promise<FollowUp[]> {
  const rows = await db
    .selectFrom('followUps')
    .select(FOLLOW_UP_FIELDS)
    .where('alumnusId', '=', alumnusId)
    .orderBy('contactedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => fromRow(row, BOOLEAN_FIELDS.followUps));
}

/** Also refreshes the person's status steps: call inside the write's transaction. */
export async function insertFollowUp(db: Kysely<Database>, followUp: FollowUp): Promise<void> {
  await insertFollowUpQuery(db, toRow(followUp));
  await refreshStatusSteps(db, followUp.alumnusId);
}

/** Rows per INSERT of `insertFollowUps`: 27 parameters each, under every database's limit. */
const FOLLOW_UPS_PER_INSERT = 500;

const insertFollowUpRows = multiRowInsert(FOLLOW_UP_FIELDS, FOLLOW_UPS_PER_INSERT, (db, rows: Row<FollowUp>[]) => db.insertInto('followUps').values(rows));

/** `insertFollowUp` for many (a pushed run): multi-row INSERTs, and the people's status steps at once. */
export async function insertFollowUps(db: Kysely<Database>, followUps: readonly FollowUp[]): Promise<void> {
  const steps = await statusStepsAfterLogging(db, followUps);
  await insertFollowUpRows(db, followUps.map((followUp) => toRow(followUp)));
  await steps.write();
}

/** The stored follow-ups among `ids`, by id: one read for many (usually none is stored). */
export async function findFollowUps(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, FollowUp>> {
  const found = new Map<string, FollowUp>();
  for (let start = 0; start < ids.length; start += FOLLOW_UPS_PER_INSERT) {
    const rows = await db.selectFrom('followUps').select(FOLLOW_UP_FIELDS).where('id', 'in', ids.slice(start, start + FOLLOW_UPS_PER_INSERT)).execute();
    for (const row of rows) found.set(row.id, fromRow(row, BOOLEAN_FIELDS.followUps));
  }
  return found;
}

export async function updateFollowUpRow(db: Kysely<Database>, followUp: FollowUp): Promise<void> {
  const { id, ...fields } = toRow(followUp);
  await db.updateTable('followUps').set(fields).where('id', '=', id).execute();
  await refreshStatusSteps(db, followUp.alumnusId);
}
