import type { Kysely } from 'kysely';
import type { PersonCursor, PullCursor, SyncedEntity } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import type { FeedEntry } from './feed-page';
import { recordFields, recordOfRow } from './load-records';

/** Records that belong to one person, by the table column that names them (the alumnus's own id for alumni). */
const OWNED_BY_PERSON = ['enrollments', 'followUps', 'selfReportLinks'] as const;
const PERSON_ENTITIES: readonly SyncedEntity[] = ['alumni', ...OWNED_BY_PERSON];

/** Ids per query: under the 999 bound values of old SQLite builds, with room for the scopes. */
const IDS_PER_QUERY = 800;

/** Records per person to expect when choosing how many people to read for a page (a person, an enrolment, two contacts). */
const RECORDS_PER_PERSON = 4;

/** Records read with a page, by entity and id, so they are not read again by id. */
export type LoadedRecords = Map<SyncedEntity, Map<string, Record<string, unknown>>>;

export type PersonPage = { rows: FeedEntry[]; records: LoadedRecords; cursor: PullCursor; more: boolean; progress: { sent: number; total: number } };

/**
 * Who reads: the scopes of the user, and whether they read every provider's (and
 * `unassigned`): then every person and every record of theirs is theirs to see — each
 * is in some scope — and the feed need not be asked record by record (still-visible.ts
 * holds the same).
 */
export type Readers = { scopes: readonly string[]; everyone: boolean };

/**
 * One page of a first pull by person. First the records no person owns (providers,
 * vocations, users, places, cohorts: what every person's rows are read against), then
 * person after person in id order, each with every record of theirs the user may see —
 * their alumnus record, enrolments, follow-ups and answer links — in the same page, so
 * a device can put a person on the worklist as soon as the page is stored.
 *
 * What the user may see is what the change feed holds for them: a record is sent when
 * it has a `put` row in one of their `scopes`, exactly as a pull of the feed from the
 * start would end up with it. The people walked are all of the table's, so a record
 * whose person the user does not see (an enrolment in their cohort of someone since
 * withdrawn) is sent too. Each page reads the records as they are now; everything
 * changed since the pull began has a feed version after `feed`, so the pull of the feed
 * that follows the last person sends it again — nothing written meanwhile is missed.
 */
export async function readPersonPage(
  db: Kysely<Database>,
  readers: Readers,
  from: PersonCursor | null,
  versions: ReadonlyMap<string, number>,
  limit: number,
): Promise<PersonPage> {
  const { scopes } = readers;
  const cursor: PersonCursor = from ?? {
    feed: Object.fromEntries(scopes.map((scope) => [scope, versions.get(scope) ?? 0])),
    section: 'others',
    after: null,
    sent: 0,
    total: await countPersons(db, readers),
  };
  const rows: FeedEntry[] = [];
  const records: LoadedRecords = new Map();
  let { section, after, sent } = cursor;
  if (section === 'others') {
    const others = await readOthers(db, scopes, after, limit);
    rows.push(...others);
    const last = others.at(-1);
    if (others.length < limit || last === undefined) [section, after] = ['persons', null];
    else after = `${last.entity}/${last.entityId}`;
  }
  let done = false;
  while (section === 'persons' && rows.length < limit) {
    const room = limit - rows.length;
    const candidates = await alumniAfter(db, after, Math.min(IDS_PER_QUERY, Math.ceil(room / RECORDS_PER_PERSON)), records);
    if (candidates.length === 0) {
      done = true;
      break;
    }
    const owned = await recordsOfPeople(db, readers, candidates, records);
    let full = false;
    for (const id of candidates) {
      const theirs = owned.get(id) ?? [];
      // A person never spans two pages; one with more records than a page holds fills one alone.
      if (rows.length > 0 && rows.length + theirs.length > limit) {
        full = true;
        break;
      }
      rows.push(...theirs);
      after = id;
      if (theirs[0]?.entity === 'alumni') sent += 1;
    }
    if (full) break;
  }
  const progress = { sent, total: Math.max(cursor.total, sent) };
  if (!done) return { rows, records, cursor: { feed: cursor.feed, section, after, sent, total: progress.total }, more: true, progress };
  // Everyone sent: the feed continues from where it stood when the pull began.
  const more = scopes.some((scope) => (versions.get(scope) ?? 0) > (cursor.feed[scope] ?? 0));
  return { rows, records, cursor: cursor.feed, more, progress };
}

/** People the user may see: alumni with a `put` in one of their scopes (for "4,000 of 20,000"). */
async function countPersons(db: Kysely<Database>, { scopes, everyone }: Readers): Promise<number> {
  if (scopes.length === 0) return 0;
  if (everyone) return Number((await db.selectFrom('alumni').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst())?.n ?? 0);
  const row = await db
    .selectFrom('changeLog')
    .select((eb) => eb.fn.count<number | string>('entityId').distinct().as('n'))
    .where('entity', '=', 'alumni')
    .where('op', '=', 'put')
    .where('scope', 'in', scopes)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Up to `limit` records no person owns, after `after` (`entity/id`), in (entity, id) order. */
async function readOthers(db: Kysely<Database>, scopes: readonly string[], after: string | null, limit: number): Promise<FeedEntry[]> {
  if (scopes.length === 0) return [];
  const slash = after?.indexOf('/') ?? -1;
  const [entity, id] = after === null || slash < 0 ? [null, null] : [after.slice(0, slash), after.slice(slash + 1)];
  const rows = await db
    .selectFrom('changeLog')
    .select(['entity', 'entityId'])
    .distinct()
    .where('scope', 'in', scopes)
    .where('op', '=', 'put')
    .where('entity', 'not in', PERSON_ENTITIES)
    .$if(entity !== null, (qb) => qb.where((eb) => eb.or([eb('entity', '>', entity ?? ''), eb.and([eb('entity', '=', entity ?? ''), eb('entityId', '>', id ?? '')])])))
    .orderBy('entity')
    .orderBy('entityId')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ entity: row.entity as SyncedEntity, entityId: row.entityId, op: 'put' }));
}

/**
 * The ids of the next `count` alumni after `after`, whoever may see them. Their records
 * go into `records` on the way: the range is read whole anyway, where reading the records
 * again by id would look each one up once more.
 */
async function alumniAfter(db: Kysely<Database>, after: string | null, count: number, records: LoadedRecords): Promise<string[]> {
  const rows = (await db
    .selectFrom('alumni')
    // The field list is load-records' constant; Kysely cannot type it.
    .select(recordFields('alumni') as unknown as 'id'[])
    .$if(after !== null, (qb) => qb.where('id', '>', after ?? ''))
    .orderBy('id')
    .limit(count)
    .execute()) as Record<string, unknown>[];
  keep(records, 'alumni', rows);
  return rows.map((row) => String(row['id']));
}

function keep(records: LoadedRecords, entity: SyncedEntity, rows: readonly Record<string, unknown>[]): void {
  let byId = records.get(entity);
  if (byId === undefined) records.set(entity, (byId = new Map<string, Record<string, unknown>>()));
  for (const row of rows) byId.set(String(row['id']), recordOfRow(entity, row));
}

/**
 * Every record of these people the user may see, by person: the alumnus record first,
 * then enrolments, follow-ups and answer links — a query per kind of record, not per
 * person. The records themselves go into `records`: finding them by person reads their
 * rows anyway.
 */
async function recordsOfPeople(db: Kysely<Database>, readers: Readers, people: readonly string[], records: LoadedRecords): Promise<Map<string, FeedEntry[]>> {
  const byPerson = new Map<string, FeedEntry[]>();
  if (readers.scopes.length === 0) return byPerson;
  const add = (alumnusId: string, entry: FeedEntry) => {
    const theirs = byPerson.get(alumnusId);
    if (theirs === undefined) byPerson.set(alumnusId, [entry]);
    else theirs.push(entry);
  };
  const { scopes, everyone } = readers;
  const visible = everyone
    ? people.map((entityId) => ({ entityId }))
    : await db
        .selectFrom('changeLog')
        .select('entityId')
        .distinct()
        .where('scope', 'in', scopes)
        .where('entity', '=', 'alumni')
        .where('op', '=', 'put')
        .where('entityId', 'in', people)
        .execute();
  for (const row of visible) add(row.entityId, { entity: 'alumni', entityId: row.entityId, op: 'put' });
  for (const table of OWNED_BY_PERSON) {
    const rows = (await db
      .selectFrom(table)
      // Qualified: the subquery below reads the feed. Kysely cannot type the field list.
      .select(recordFields(table).map((field) => `${table}.${field} as ${field}`) as unknown as `${typeof table}.id as id`[])
      .where(`${table}.alumnusId`, 'in', people)
      .$if(!everyone, (qb) =>
        qb.where((eb) =>
          eb.exists(
            eb
              .selectFrom('changeLog')
              .select('changeLog.entityId')
              .whereRef('changeLog.entityId', '=', `${table}.id`)
              .where('changeLog.entity', '=', table)
              .where('changeLog.scope', 'in', scopes)
              .where('changeLog.op', '=', 'put'),
          ),
        ),
      )
      .execute()) as Record<string, unknown>[];
    keep(records, table, rows);
    for (const row of rows) add(String(row['alumnusId']), { entity: table, entityId: String(row['id']), op: 'put' });
  }
  return byPerson;
}
