import type { Kysely } from 'kysely';
import type { PersonCursor, PullCursor, SyncedEntity } from '../../shared/sync/protocol';
import type { Database } from '../db/schema';
import type { FeedEntry } from './feed-page';

/** Records that belong to one person, by the table column that names them (the alumnus's own id for alumni). */
const OWNED_BY_PERSON = ['enrollments', 'followUps', 'selfReportLinks'] as const;
const PERSON_ENTITIES: readonly SyncedEntity[] = ['alumni', ...OWNED_BY_PERSON];

/** Ids per query: under the 999 bound values of old SQLite builds, with room for the scopes. */
const IDS_PER_QUERY = 800;

/** Records per person to expect when choosing how many people to read for a page (a person, an enrolment, two contacts). */
const RECORDS_PER_PERSON = 4;

export type PersonPage = { rows: FeedEntry[]; cursor: PullCursor; more: boolean; progress: { sent: number; total: number } };

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
    const candidates = await alumnusIdsAfter(db, after, Math.min(IDS_PER_QUERY, Math.ceil(room / RECORDS_PER_PERSON)));
    if (candidates.length === 0) {
      done = true;
      break;
    }
    const owned = await recordsOfPeople(db, readers, candidates);
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
  if (!done) return { rows, cursor: { feed: cursor.feed, section, after, sent, total: progress.total }, more: true, progress };
  // Everyone sent: the feed continues from where it stood when the pull began.
  const more = scopes.some((scope) => (versions.get(scope) ?? 0) > (cursor.feed[scope] ?? 0));
  return { rows, cursor: cursor.feed, more, progress };
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

/** The next `count` alumni ids after `after`, whoever may see them. */
async function alumnusIdsAfter(db: Kysely<Database>, after: string | null, count: number): Promise<string[]> {
  const rows = await db
    .selectFrom('alumni')
    .select('id')
    .$if(after !== null, (qb) => qb.where('id', '>', after ?? ''))
    .orderBy('id')
    .limit(count)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Every record of these people the user may see, by person: the alumnus record first,
 * then enrolments, follow-ups and answer links — a query per kind of record, not per person.
 */
async function recordsOfPeople(db: Kysely<Database>, readers: Readers, people: readonly string[]): Promise<Map<string, FeedEntry[]>> {
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
    const rows = await db
      .selectFrom(table)
      .select([`${table}.id as id`, `${table}.alumnusId as alumnusId`])
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
      .execute();
    for (const row of rows) add(row.alumnusId, { entity: table, entityId: row.id, op: 'put' });
  }
  return byPerson;
}
