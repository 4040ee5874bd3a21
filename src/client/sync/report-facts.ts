import { Dexie } from 'dexie';
import { isAllowed } from '../../shared/domain/permissions';
import { personReportFacts, reportFactsOf } from '../../shared/domain/report-facts';
import { REPORT_FACTS_REBUILD, type JejakDb, type ReportFactsRow } from '../storage/db';
import { takeTouchedRecords } from '../storage/touched-records';
import { INLINE_REFRESH_LIMIT } from './due-index';
import type { Actor } from './local-appliers';

/**
 * Whether this device keeps the report facts write by write: only where its user may
 * read reports (supervisors, admins). Elsewhere a write only marks them stale, so an
 * officer's pull pays nothing for a screen the officer never opens.
 */
export function keepsReportFacts(actor: Pick<Actor, 'role'>): boolean {
  return isAllowed(actor.role, 'read-reports');
}

/**
 * Brings each person's report facts (their live enrolments and status steps, which the
 * offline report reads) up to date with what the current read-write transaction wrote,
 * as noted by storage/touched-records.ts: every alumnus whose enrolment or follow-up
 * changed gets their facts computed again with the shared rule, or removed when no
 * live enrolment is left. Must be the last thing such a transaction does, beside
 * refreshDueIndex, so the facts commit with the writes they reflect. Many people at once
 * (a pulled page) only mark the facts stale, to be computed whole once (see
 * INLINE_REFRESH_LIMIT, rebuildStaleReportFacts); so does any write on a device that
 * keeps none (see keepsReportFacts).
 */
export async function refreshReportFacts(db: JejakDb, actor: Pick<Actor, 'role'>): Promise<void> {
  const trans = Dexie.currentTransaction?.idbtrans;
  const touched = trans === undefined ? undefined : takeTouchedRecords(trans, 'report-facts');
  // A cohort's own fields are read with the report, not kept per person.
  if (touched === undefined || (touched.alumni.size === 0 && !touched.all)) return;
  if (!keepsReportFacts(actor) || touched.all || touched.alumni.size > INLINE_REFRESH_LIMIT) {
    await db.meta.put({ key: REPORT_FACTS_REBUILD, value: true });
    return;
  }
  if ((await db.meta.get(REPORT_FACTS_REBUILD)) !== undefined) return;
  const alumnusIds = [...touched.alumni];
  // One equality read per alumnus, all in flight at once (see refreshDueIndex).
  const [enrollments, followUps] = await Promise.all([
    Promise.all(alumnusIds.map((id) => db.enrollments.where('alumnusId').equals(id).toArray())),
    Promise.all(alumnusIds.map((id) => db.followUps.where('alumnusId').equals(id).toArray())),
  ]);
  const rows: ReportFactsRow[] = [];
  const gone: string[] = [];
  alumnusIds.forEach((id, index) => {
    const facts = personReportFacts(id, enrollments[index] ?? [], followUps[index] ?? []);
    if (facts === null) gone.push(id);
    else rows.push(facts);
  });
  await db.reportFacts.bulkDelete(gone);
  await db.reportFacts.bulkPut(rows);
}

/** How long computing every person's facts took, as a performance measure (the bench reads it). */
export const REPORT_FACTS_REBUILD_MEASURE = 'jejak:report-facts-rebuild';

const rebuilding = new WeakMap<JejakDb, Promise<void>>();

/**
 * Computes every person's facts again when they are marked stale: after a large pull
 * or an upgrade (the sync cycle and the reports screen, on a device that keeps them)
 * and before the offline report reads them. One rebuild at a time per database handle; another tab's finds the mark gone.
 */
export function rebuildStaleReportFacts(db: JejakDb): Promise<void> {
  let running = rebuilding.get(db);
  if (running === undefined) {
    running = db
      .transaction('rw', [db.enrollments, db.followUps, db.reportFacts, db.meta], async () => {
        if ((await db.meta.get(REPORT_FACTS_REBUILD)) === undefined) return;
        const start = performance.now();
        const [enrollments, followUps] = await Promise.all([db.enrollments.toArray(), db.followUps.toArray()]);
        await db.reportFacts.clear();
        await db.reportFacts.bulkPut(reportFactsOf(enrollments, followUps));
        await db.meta.delete(REPORT_FACTS_REBUILD);
        performance.measure(REPORT_FACTS_REBUILD_MEASURE, { start });
      })
      .finally(() => rebuilding.delete(db));
    rebuilding.set(db, running);
  }
  return running;
}
