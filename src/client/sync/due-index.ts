import { Dexie } from 'dexie';
import { worklistEntry } from '../../shared/domain/worklist';
import type { Cohort, Enrollment, FollowUp } from '../../shared/schema';
import { DUE_INDEX_REBUILD, type DueIndexRow, type JejakDb } from '../storage/db';
import { foldText } from '../../shared/domain/search';
import { takeTouchedRecords } from '../storage/touched-records';

/**
 * Brings the due index up to date with what the current read-write transaction wrote
 * (noted by storage/touched-records.ts): every alumnus touched, directly or through an
 * enrolment, follow-up or cohort, gets their worklist entry computed again with the
 * shared rule, or removed when nothing is due. Must be the last thing such a
 * transaction does, so the index commits with the writes it reflects.
 */
export async function refreshDueIndex(db: JejakDb): Promise<void> {
  const trans = Dexie.currentTransaction?.idbtrans;
  const touched = trans === undefined ? undefined : takeTouchedRecords(trans);
  if ((await db.meta.get(DUE_INDEX_REBUILD)) !== undefined || touched?.all === true) {
    await rebuildDueIndex(db);
    return;
  }
  if (touched === undefined) return;
  const ids = new Set(touched.alumni);
  if (touched.cohorts.size > 0) {
    for (const enrollment of await db.enrollments.where('cohortId').anyOf([...touched.cohorts]).toArray()) ids.add(enrollment.alumnusId);
  }
  if (ids.size === 0) return;
  const alumnusIds = [...ids];
  const [alumni, enrollments, followUps, cohorts] = await Promise.all([
    db.alumni.bulkGet(alumnusIds),
    db.enrollments.where('alumnusId').anyOf(alumnusIds).toArray(),
    db.followUps.where('alumnusId').anyOf(alumnusIds).toArray(),
    db.cohorts.toArray(),
  ]);
  const compute = entryMaker(cohorts, enrollments, followUps);
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

/** The whole index again from the entity tables: after an upgrade, or a pull starting over. */
export async function rebuildDueIndex(db: JejakDb): Promise<void> {
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

function entryMaker(cohortList: readonly Cohort[], enrollments: readonly Enrollment[], followUps: readonly FollowUp[]) {
  const cohorts = new Map(cohortList.filter((cohort) => !cohort.deleted).map((cohort) => [cohort.id, cohort]));
  const enrollmentsOf = groupByAlumnus(enrollments);
  const followUpsOf = groupByAlumnus(followUps);
  return (alumnus: Parameters<typeof worklistEntry>[0]): DueIndexRow | null => {
    const entry = worklistEntry(alumnus, enrollmentsOf.get(alumnus.id) ?? [], followUpsOf.get(alumnus.id) ?? [], cohorts);
    return entry === null ? null : { ...entry, alumnusId: alumnus.id, sortName: foldText(alumnus.name) };
  };
}

function groupByAlumnus<T extends { alumnusId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.alumnusId);
    if (group === undefined) groups.set(record.alumnusId, [record]);
    else group.push(record);
  }
  return groups;
}
