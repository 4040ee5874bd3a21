import { dateInZone, type IsoDate } from '../../../shared/domain/dates';
import { participantSummaries, type ParticipantSummary } from '../../../shared/domain/participant-summary';
import { providerReminders, type ProviderReminder } from '../../../shared/domain/provider-reminders';
import type { Cohort } from '../../../shared/schema';
import type { JejakDb } from '../../storage/db';
import { useLocalRead } from './use-local-read';

export type CohortListRow = { cohort: Cohort; vocationName: string | null; providerName: string | null; summary: ParticipantSummary | undefined };

export type CohortList = { rows: CohortListRow[]; reminders: ProviderReminder[]; titles: Map<string, string>; today: IsoDate };

/**
 * The cohorts this device holds (provider staff receive only their provider's), newest
 * first, with their participant figures and the reminders of what is left to record.
 */
export function useCohortList(): CohortList | undefined {
  return useLocalRead(readCohortList, []);
}

async function readCohortList(db: JejakDb): Promise<CohortList> {
  // One read transaction: a pull page committing half-way cannot split a cohort from its enrolments.
  const [cohorts, enrollments, vocations, providers] = await db.transaction('r', [db.cohorts, db.enrollments, db.vocations, db.providers], () =>
    Promise.all([db.cohorts.toArray(), db.enrollments.toArray(), db.vocations.toArray(), db.providers.toArray()]),
  );
  const today = dateInZone(new Date());
  const live = cohorts.filter((cohort) => !cohort.deleted).sort(newestFirst);
  const summaries = participantSummaries(enrollments);
  const vocationNames = new Map(vocations.map((vocation) => [vocation.id, vocation.name]));
  const providerNames = new Map(providers.map((provider) => [provider.id, provider.name]));
  return {
    rows: live.map((cohort) => ({
      cohort,
      vocationName: vocationNames.get(cohort.vocationId) ?? null,
      providerName: providerNames.get(cohort.providerId) ?? null,
      summary: summaries.get(cohort.id),
    })),
    reminders: providerReminders(live, enrollments, today),
    titles: new Map(live.map((cohort) => [cohort.id, cohort.title])),
    today,
  };
}

/** The latest start first; the same start by title, so the order never flickers. */
function newestFirst(a: Cohort, b: Cohort): number {
  return b.startDate.localeCompare(a.startDate) || b.budgetYear - a.budgetYear || a.title.localeCompare(b.title);
}
