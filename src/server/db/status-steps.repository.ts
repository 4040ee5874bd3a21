import { sql, type Kysely, type QueryExecutorProvider } from 'kysely';
import { groupBy } from '../../shared/group-by';
import { statusTimeline, statusTimelineExtended, type StatusStep, type TimelineContact } from '../../shared/domain/status-timeline';
import { compiledOnce } from './compiled-once';
import { multiRowInsert } from './multi-row-insert';
import type { Database } from './schema';

type StepRow = { alumnusId: string; onDay: string; status: StatusStep['status']; selfReported: number; untilDay: string | null };

/**
 * `status_steps` is derived from `follow_ups` alone: every write of a follow-up calls
 * `refreshStatusSteps` for its person in the same transaction (follow-ups.repository.ts
 * does, so no caller can forget), and bulk loads call `rebuildStatusSteps`.
 */

const contactsQuery = compiledOnce((db, { alumnusId }: { alumnusId: string }) =>
  db.selectFrom('followUps').select(['id', 'contactedAt', 'createdAt', 'reached', 'status', 'voidedAt', 'channel']).where('alumnusId', '=', alumnusId),
);
const deleteStepsQuery = compiledOnce((db, { alumnusId }: { alumnusId: string }) => db.deleteFrom('statusSteps').where('alumnusId', '=', alumnusId));
const insertStepQuery = compiledOnce((db, row: StepRow) => db.insertInto('statusSteps').values(row));

/** Recomputes one person's steps from their follow-ups; call inside the write's transaction. */
export async function refreshStatusSteps(db: Kysely<Database>, alumnusId: string): Promise<void> {
  const { rows } = await contactsQuery(db, { alumnusId });
  const steps = statusTimeline(rows.map((row) => ({ ...row, reached: row.reached !== 0 })));
  await deleteStepsQuery(db, { alumnusId });
  for (const row of toRows(alumnusId, steps)) await insertStepQuery(db, row);
}

/** Rows per INSERT: 5 parameters each, well under SQLite's and PostgreSQL's limits. */
const STEPS_PER_INSERT = 1_000;

const insertStepRows = multiRowInsert(['alumnusId', 'onDay', 'status', 'selfReported', 'untilDay'], STEPS_PER_INSERT, (db, rows: StepRow[]) => db.insertInto('statusSteps').values(rows));

/** People per read in `refreshStatusStepsOf`. */
const PEOPLE_PER_REFRESH = 500;

/**
 * `refreshStatusSteps` for many people at once (a pushed run of follow-ups): per 500 of
 * them one read of their follow-ups, one delete and multi-row inserts of their steps.
 */
export async function refreshStatusStepsOf(db: Kysely<Database>, alumnusIds: readonly string[]): Promise<void> {
  const ids = [...new Set(alumnusIds)];
  for (let start = 0; start < ids.length; start += PEOPLE_PER_REFRESH) {
    const chunk = ids.slice(start, start + PEOPLE_PER_REFRESH);
    const contacts = await db
      .selectFrom('followUps')
      .select(['alumnusId', 'id', 'contactedAt', 'createdAt', 'reached', 'status', 'voidedAt', 'channel'])
      .where('alumnusId', 'in', chunk)
      .execute();
    const byPerson = groupBy(
      contacts,
      ({ alumnusId }) => alumnusId,
      ({ id, contactedAt, createdAt, reached, status, voidedAt, channel }): TimelineContact => ({ id, contactedAt, createdAt, reached: Number(reached) !== 0, status, voidedAt, channel }),
    );
    const rows: StepRow[] = [];
    for (const [alumnusId, list] of byPerson) rows.push(...toRows(alumnusId, statusTimeline(list)));
    await db.deleteFrom('statusSteps').where('alumnusId', 'in', chunk).execute();
    await insertStepRows(db, rows);
  }
}

/**
 * The status steps of the people of `logged` (follow-ups about to be inserted), read
 * before the insert, so that it writes only what they change. Where a person's new
 * contacts are all later than every contact stored for them (a phone's new contacts
 * nearly always are), their steps go on from the stored ones (`statusTimelineExtended`):
 * a read of the stored contacts' times, which the person's contacts index holds, and of
 * their steps, instead of every field of every contact. Anyone else is refreshed from all
 * their follow-ups. Call `write` after the insert, in the same transaction.
 */
export async function statusStepsAfterLogging(db: Kysely<Database>, logged: readonly TimelineContactOf[]): Promise<{ write(): Promise<void> }> {
  const byPerson = groupBy(logged, ({ alumnusId }) => alumnusId);
  const ids = [...byPerson.keys()];
  const latestStored = new Map<string, number>();
  const stepRows: Omit<StepRow, 'untilDay'>[] = [];
  for (let start = 0; start < ids.length; start += PEOPLE_PER_REFRESH) {
    const chunk = ids.slice(start, start + PEOPLE_PER_REFRESH);
    const times = await db.selectFrom('followUps').select(['alumnusId', 'contactedAt']).where('alumnusId', 'in', chunk).execute();
    for (const { alumnusId, contactedAt } of times) latestStored.set(alumnusId, Math.max(latestStored.get(alumnusId) ?? -Infinity, Date.parse(contactedAt)));
    stepRows.push(...(await db.selectFrom('statusSteps').select(['alumnusId', 'onDay', 'status', 'selfReported']).where('alumnusId', 'in', chunk).orderBy('alumnusId').orderBy('onDay').execute()));
  }
  const stored = groupBy(stepRows, ({ alumnusId }) => alumnusId, ({ onDay, status, selfReported }): StatusStep => ({ day: onDay, status, selfReported: Number(selfReported) !== 0 }));
  const refresh: string[] = [];
  const changed = new Map<string, StatusStep[]>();
  for (const [alumnusId, contacts] of byPerson) {
    const latest = latestStored.get(alumnusId) ?? -Infinity;
    // Times that do not parse compare false: such a person is refreshed from everything.
    if (!contacts.every(({ contactedAt }) => Date.parse(contactedAt) > latest)) {
      refresh.push(alumnusId);
      continue;
    }
    const before = stored.get(alumnusId) ?? [];
    const after = statusTimelineExtended(before, contacts);
    if (!sameSteps(before, after)) changed.set(alumnusId, after);
  }
  return {
    async write() {
      const people = [...changed.keys()];
      for (let start = 0; start < people.length; start += PEOPLE_PER_REFRESH) {
        await db.deleteFrom('statusSteps').where('alumnusId', 'in', people.slice(start, start + PEOPLE_PER_REFRESH)).execute();
      }
      await insertStepRows(db, [...changed].flatMap(([alumnusId, steps]) => toRows(alumnusId, steps)));
      await refreshStatusStepsOf(db, refresh);
    },
  };
}

type TimelineContactOf = TimelineContact & { alumnusId: string };

function sameSteps(a: readonly StatusStep[], b: readonly StatusStep[]): boolean {
  return a.length === b.length && a.every((step, i) => step.day === b[i]?.day && step.status === b[i]?.status && step.selfReported === b[i]?.selfReported);
}

/**
 * Recomputes every person's steps from all follow-ups: for bulk loads that bypass the
 * repositories (demo seed, bench data). Migrations keep a frozen copy of their own
 * (migrations/frozen/). Takes a handle without plugins: it spells snake_case itself.
 */
export async function rebuildStatusSteps(db: QueryExecutorProvider): Promise<void> {
  const { rows } = await sql<{ alumnus_id: string; id: string; contacted_at: string; created_at: string; reached: number; status: TimelineContact['status']; voided_at: string | null; channel: TimelineContact['channel'] }>`
    select alumnus_id, id, contacted_at, created_at, reached, status, voided_at, channel from follow_ups order by alumnus_id
  `.execute(db);
  const byPerson = groupBy(
    rows,
    (row) => row.alumnus_id,
    (row): TimelineContact => ({
      id: row.id, contactedAt: row.contacted_at, createdAt: row.created_at, reached: Number(row.reached) !== 0,
      status: row.status, voidedAt: row.voided_at, channel: row.channel,
    }),
  );
  const all: StepRow[] = [];
  for (const [alumnusId, contacts] of byPerson) all.push(...toRows(alumnusId, statusTimeline(contacts)));
  await sql`delete from status_steps`.execute(db);
  for (let start = 0; start < all.length; start += STEPS_PER_INSERT) {
    const batch = all.slice(start, start + STEPS_PER_INSERT);
    await sql`insert into status_steps (alumnus_id, on_day, status, self_reported, until_day) values ${sql.join(
      batch.map((row) => sql`(${row.alumnusId}, ${row.onDay}, ${row.status}, ${row.selfReported}, ${row.untilDay})`),
    )}`.execute(db);
  }
}

/** One person's steps, in day order, as rows: each holds until the next one's day. */
function toRows(alumnusId: string, steps: readonly StatusStep[]): StepRow[] {
  return steps.map((step, i) => ({ alumnusId, onDay: step.day, status: step.status, selfReported: step.selfReported ? 1 : 0, untilDay: steps[i + 1]?.day ?? null }));
}
