import { Dexie } from 'dexie';
import { worklistEntryMaker } from '../../shared/domain/worklist';
import type { Alumnus, Cohort, Enrollment, FollowUp } from '../../shared/schema';
import { DUE_INDEX_REBUILD, type DueIndexRow, type JejakDb } from '../storage/db';
import { foldText } from '../../shared/domain/search';
import { takeTouchedRecords } from '../storage/touched-records';

/**
 * Above this many alumni touched in one transaction (a pulled page, an import), the
 * index is marked stale rather than brought up to date in place: IndexedDB reads each
 * alumnus's enrolments and follow-ups at a few tenths of a millisecond per request, so
 * a thousand people per page would slow a first pull of 20,000 several times over,
 * while reading the tables whole once afterwards takes a second or two.
 */
export const INLINE_REFRESH_LIMIT = 200;

/**
 * Brings the due index up to date with what the current read-write transaction wrote
 * (noted by storage/touched-records.ts): every alumnus touched, directly or through an
 * enrolment, follow-up or cohort, gets their worklist entry computed again with the
 * shared rule, or removed when nothing is due. Must be the last thing such a
 * transaction does, so the index commits with the writes it reflects. Many alumni at
 * once only mark the index stale (see INLINE_REFRESH_LIMIT, rebuildStaleDueIndex).
 */
export async function refreshDueIndex(db: JejakDb): Promise<void> {
  const trans = Dexie.currentTransaction?.idbtrans;
  const touched = trans === undefined ? undefined : takeTouchedRecords(trans, 'due-index');
  if (touched === undefined || (touched.alumni.size === 0 && touched.cohorts.size === 0 && !touched.all)) return;
  // Stale already: the whole index is computed again before anyone reads it.
  if ((await db.meta.get(DUE_INDEX_REBUILD)) !== undefined) return;
  const ids = new Set(touched.alumni);
  if (touched.cohorts.size > 0 && !touched.all) {
    const inCohorts = await Promise.all([...touched.cohorts].map((id) => db.enrollments.where('cohortId').equals(id).toArray()));
    for (const enrollment of inCohorts.flat()) ids.add(enrollment.alumnusId);
  }
  if (touched.all || ids.size > INLINE_REFRESH_LIMIT) {
    await db.meta.put({ key: DUE_INDEX_REBUILD, value: true });
    return;
  }
  const alumnusIds = [...ids];
  // One equality read per alumnus, all in flight at once: IndexedDB answers them in a
  // batch, where `anyOf` would step one cursor through the keys, a round trip each.
  const [alumni, enrollments, followUps, cohorts] = await Promise.all([
    db.alumni.bulkGet(alumnusIds),
    Promise.all(alumnusIds.map((id) => db.enrollments.where('alumnusId').equals(id).toArray())),
    Promise.all(alumnusIds.map((id) => db.followUps.where('alumnusId').equals(id).toArray())),
    db.cohorts.toArray(),
  ]);
  const compute = entryMaker(cohorts, enrollments.flat(), followUps.flat());
  const rows: DueIndexRow[] = [];
  const gone: string[] = [];
  alumni.forEach((alumnus, index) => {
    const row = alumnus === undefined ? null : compute(alumnus);
    if (row === null) gone.push(alumnusIds[index] ?? '');
    else rows.push(row);
  });
  await db.dueIndex.bulkDelete(gone);
  await db.dueIndex.bulkPut(rows);
}

/**
 * A first pull by person starts over: the index starts empty, not stale, since every
 * page's people are indexed as the page is stored (indexWholePeople). Inside the page's
 * transaction, after the tables were cleared.
 */
export async function startDueIndexOver(db: JejakDb): Promise<void> {
  await db.dueIndex.clear();
  await db.meta.delete(DUE_INDEX_REBUILD);
}

/**
 * The cohorts on the device, held in memory through one pull so that each page's people
 * are indexed without reading cohorts back: read once, then kept current with what each
 * page stores (`note`). A cohort's pending local edit is not in it; the rebase after each
 * page writes that edit again, and the people of that cohort are then computed again
 * from the tables (refreshDueIndex).
 */
export class PulledCohorts {
  #byId: Map<string, Cohort> | null = null;

  /** The tables were cleared: none on the device. */
  forgetAll(): void {
    this.#byId = new Map();
  }

  /** A page stored these; before the first read the table says it anyway. */
  note(puts: readonly Cohort[], deletes: readonly string[]): void {
    if (this.#byId === null) return;
    for (const cohort of puts) this.#byId.set(cohort.id, cohort);
    for (const id of deletes) this.#byId.delete(id);
  }

  async read(db: JejakDb): Promise<ReadonlyMap<string, Cohort>> {
    this.#byId ??= new Map((await db.cohorts.toArray()).map((cohort) => [cohort.id, cohort]));
    return this.#byId;
  }
}

/**
 * The entries of the people of a page of a first pull by person, from the page's own
 * records: each person came whole (alumnus, enrolments, follow-ups), so nothing needs
 * reading back. The page's writes are then forgotten by refreshDueIndex, which brings
 * up to date only what the rebase after it writes (a pending contact of one of these
 * people, computed again from the tables). Call right after storing the page, inside
 * its transaction.
 *
 * Rows are only added: a first pull by person empties the index when it starts and
 * sends each person once, and until a person has come no row can be theirs (every other
 * writer computes rows for the people on the device only).
 */
export async function indexWholePeople(
  db: JejakDb,
  page: { alumni: readonly Alumnus[]; enrollments: readonly Enrollment[]; followUps: readonly FollowUp[] },
  cohorts: PulledCohorts,
): Promise<void> {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (trans !== undefined) takeTouchedRecords(trans, 'due-index');
  // Stale: the whole index is computed again before anyone reads it.
  if (page.alumni.length === 0 || (await db.meta.get(DUE_INDEX_REBUILD)) !== undefined) return;
  const compute = entryMaker((await cohorts.read(db)).values(), page.enrollments, page.followUps);
  const rows: DueIndexRow[] = [];
  for (const alumnus of page.alumni) {
    const row = compute(alumnus);
    if (row !== null) rows.push(row);
  }
  await db.dueIndex.bulkPut(rows);
}

const rebuilding = new WeakMap<JejakDb, Promise<void>>();

/**
 * Computes the whole index again when it is marked stale (after a large pull, an
 * upgrade): the sync cycle calls it after pulling, the worklist before reading. One
 * rebuild at a time per database handle; another tab's finds the mark gone and stops.
 */
export function rebuildStaleDueIndex(db: JejakDb): Promise<void> {
  let running = rebuilding.get(db);
  if (running === undefined) {
    running = db
      .transaction('rw', [db.alumni, db.enrollments, db.followUps, db.cohorts, db.dueIndex, db.meta], async () => {
        if ((await db.meta.get(DUE_INDEX_REBUILD)) !== undefined) await rebuildDueIndex(db);
      })
      .finally(() => rebuilding.delete(db));
    rebuilding.set(db, running);
  }
  return running;
}

/** The whole index from the entity tables, read whole (a few bulk reads, not one per person). */
async function rebuildDueIndex(db: JejakDb): Promise<void> {
  const [alumni, enrollments, followUps, cohorts] = await Promise.all([
    db.alumni.toArray(),
    db.enrollments.toArray(),
    db.followUps.toArray(),
    db.cohorts.toArray(),
  ]);
  const compute = entryMaker(cohorts, enrollments, followUps);
  await db.dueIndex.clear();
  await db.dueIndex.bulkPut(alumni.flatMap((alumnus) => compute(alumnus) ?? []));
  await db.meta.delete(DUE_INDEX_REBUILD);
}

/** Each alumnus's stored row, by the shared worklist rule, or null when nothing is due. */
function entryMaker(cohorts: Iterable<Cohort>, enrollments: readonly Enrollment[], followUps: readonly FollowUp[]) {
  const entryOf = worklistEntryMaker({ cohorts, enrollments, followUps });
  return (alumnus: Alumnus): DueIndexRow | null => {
    const entry = entryOf(alumnus);
    return entry === null ? null : { ...entry, alumnusId: alumnus.id, sortName: foldText(alumnus.name) };
  };
}
