import type { JejakDb } from '../../../src/client/storage/db';
import { reportFactsOf, type PersonReportFacts } from '../../../src/shared/domain/report-facts';

/**
 * The report facts a device kept write by write (pulled pages, mutations, rebases,
 * undos), next to the ones the shared rule computes from its tables now. Equal when no
 * write was missed.
 */
export async function reportFactsAgainstScratch(db: JejakDb): Promise<{ kept: PersonReportFacts[]; scratch: PersonReportFacts[] }> {
  const [kept, enrollments, followUps] = await Promise.all([db.reportFacts.toArray(), db.enrollments.toArray(), db.followUps.toArray()]);
  const byId = (a: PersonReportFacts, b: PersonReportFacts) => (a.alumnusId < b.alumnusId ? -1 : 1);
  return { kept: kept.sort(byId), scratch: reportFactsOf(enrollments, followUps).sort(byId) };
}
