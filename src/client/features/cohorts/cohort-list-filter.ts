import { matchesQuery } from '../../../shared/domain/list-query';
import type { CohortListRow } from './use-cohort-list';

/** What the cohort list is narrowed by; '' is "all". */
export type CohortFilters = { query: string; providerId: string; vocationId: string; budgetYear: string; fundingSource: string };

export const NO_COHORT_FILTERS: CohortFilters = { query: '', providerId: '', vocationId: '', budgetYear: '', fundingSource: '' };

/** The rows matching every filter; the query looks at title, vocation, provider and location. */
export function filterCohortRows(rows: readonly CohortListRow[], filters: CohortFilters): CohortListRow[] {
  const { query, providerId, vocationId, budgetYear, fundingSource } = filters;
  return rows.filter(
    ({ cohort, vocationName, providerName }) =>
      (providerId === '' || cohort.providerId === providerId) &&
      (vocationId === '' || cohort.vocationId === vocationId) &&
      (budgetYear === '' || String(cohort.budgetYear) === budgetYear) &&
      (fundingSource === '' || cohort.fundingSource === fundingSource) &&
      matchesQuery([cohort.title, vocationName ?? '', providerName ?? '', cohort.location], query),
  );
}

export type Choice = { value: string; label: string };

/** The providers, vocations and years the cohorts on the device have, for the selects. */
export function cohortFilterChoices(rows: readonly CohortListRow[]): { providers: Choice[]; vocations: Choice[]; years: Choice[] } {
  const providers = new Map<string, string>();
  const vocations = new Map<string, string>();
  const years = new Set<number>();
  for (const { cohort, providerName, vocationName } of rows) {
    providers.set(cohort.providerId, providerName ?? cohort.providerId);
    vocations.set(cohort.vocationId, vocationName ?? cohort.vocationId);
    years.add(cohort.budgetYear);
  }
  const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, 'id');
  return {
    providers: [...providers].map(([value, label]) => ({ value, label })).sort(byLabel),
    vocations: [...vocations].map(([value, label]) => ({ value, label })).sort(byLabel),
    years: [...years].sort((a, b) => b - a).map((year) => ({ value: String(year), label: String(year) })),
  };
}
