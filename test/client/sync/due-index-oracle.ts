import type { JejakDb } from '../../../src/client/storage/db';
import { buildWorklist, worklistRow, type WorklistRow } from '../../../src/shared/domain/worklist';

/** Any day will do: both sides are seen on the same one. */
const DAY = '2025-01-01';

/**
 * The due index a device kept up write by write (pulled pages, mutations, rebases,
 * undos), next to the worklist computed from scratch from its tables by the shared
 * rule. Equal when no write was missed: same people, same due dates, and the same
 * copies of each alumnus and cohort.
 */
export async function dueIndexAgainstScratch(db: JejakDb): Promise<{ indexed: WorklistRow[]; scratch: WorklistRow[] }> {
  const [rows, alumni, enrollments, cohorts, followUps] = await Promise.all([
    db.dueIndex.toArray(),
    db.alumni.toArray(),
    db.enrollments.toArray(),
    db.cohorts.toArray(),
    db.followUps.toArray(),
  ]);
  const indexed = rows.map(({ alumnusId: _id, sortName: _name, ...entry }) => worklistRow(entry, DAY));
  const scratch = buildWorklist({ alumni, enrollments, cohorts, followUps }, DAY);
  return { indexed: comparable(indexed), scratch: comparable(scratch) };
}

function comparable(rows: WorklistRow[]): WorklistRow[] {
  return rows
    .map((row) => ({ ...row, cohortIds: [...row.cohortIds].sort(), providerIds: [...row.providerIds].sort() }))
    .sort((a, b) => (a.alumnus.id < b.alumnus.id ? -1 : 1));
}
