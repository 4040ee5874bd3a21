import type { ReportDimension } from '../api/reports.api';

/** Display names of the ids a report shows, by dimension; year and funding source name themselves. */
export type ReportNames = {
  provider: ReadonlyMap<string, string>;
  cohort: ReadonlyMap<string, string>;
  vocation: ReadonlyMap<string, string>;
};

export type ReportNameSources = {
  providers: readonly { id: string; name: string }[];
  cohorts: readonly { id: string; title: string; providerId: string }[];
  vocations: readonly { id: string; name: string }[];
};

/**
 * A cohort as a report names it: its title and its provider, `Barbershop Angkatan I —
 * LPK Barber Bontang`. Two providers often run a cohort of the same title; without the
 * provider the two rows of a report or a spreadsheet could not be told apart.
 */
export function cohortReportName(title: string, providerName: string | undefined): string {
  return providerName === undefined ? title : `${title} — ${providerName}`;
}

/** The name maps a report needs, from the rows the server or the device holds. */
export function reportNames({ providers, cohorts, vocations }: ReportNameSources): ReportNames {
  const provider = new Map(providers.map((row) => [row.id, row.name]));
  return {
    provider,
    cohort: new Map(cohorts.map((row) => [row.id, cohortReportName(row.title, provider.get(row.providerId))])),
    vocation: new Map(vocations.map((row) => [row.id, row.name])),
  };
}

/** The names of one group's id values, e.g. `{ provider: 'LPK Barber Bontang' }`. */
export function namesOf(keys: Partial<Record<ReportDimension, string>>, names: ReportNames): Partial<Record<ReportDimension, string>> {
  const named: Partial<Record<ReportDimension, string>> = {};
  for (const dimension of ['provider', 'cohort', 'vocation'] as const) {
    const id = keys[dimension];
    const name = id === undefined ? undefined : names[dimension].get(id);
    if (name !== undefined) named[dimension] = name;
  }
  return named;
}
