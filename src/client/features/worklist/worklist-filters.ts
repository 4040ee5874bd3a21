import type { StatusAsOf } from '../../../shared/domain/status-as-of';
import type { WorklistFilters } from '../../../shared/domain/worklist';
import type { Worklist } from './use-worklist';

export const FILTER_KEYS = ['kecamatan', 'providerId', 'cohortId', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** What each select holds; '' is "all". */
export type FilterValues = Record<FilterKey, string>;

export const NO_FILTERS: FilterValues = { kecamatan: '', providerId: '', cohortId: '', status: '' };

/**
 * Who has never been tried first: that is what an officer filters for most. Written out
 * rather than taken from the schema module, which would bring its validators into this chunk.
 */
export const STATUS_CHOICES: readonly StatusAsOf[] = ['never-contacted', 'unreachable', 'employed', 'business', 'seeking'];

export type Choice = { value: string; label: string };
export type FilterChoices = Record<Exclude<FilterKey, 'status'>, Choice[]>;

/**
 * The choices each select offers: only values that occur among the rows due, so no
 * choice leads to an empty list; cohorts narrowed to the chosen provider. Kecamatan are
 * the office's reference list when it has one (an officer plans by the area's map, and
 * an empty kecamatan is worth knowing), plus any other value someone was recorded with.
 */
export function filterChoices(worklist: Worklist, providerId: string, areaKecamatan: readonly string[] = []): FilterChoices {
  const kecamatan = new Set<string>(areaKecamatan);
  const providerIds = new Set<string>();
  const cohortIds = new Set<string>();
  for (const row of worklist.rows) {
    if (row.alumnus.kecamatan !== '') kecamatan.add(row.alumnus.kecamatan);
    for (const id of row.providerIds) providerIds.add(id);
    for (const id of row.cohortIds) cohortIds.add(id);
  }
  const cohorts = [...cohortIds].flatMap((id) => {
    const cohort = worklist.cohorts.get(id);
    return cohort === undefined || (providerId !== '' && cohort.providerId !== providerId) ? [] : [{ value: id, label: cohort.title }];
  });
  return {
    kecamatan: byLabel([...kecamatan].map((name) => ({ value: name, label: name }))),
    providerId: byLabel([...providerIds].flatMap((id) => {
      const name = worklist.providerNames.get(id);
      return name === undefined ? [] : [{ value: id, label: name }];
    })),
    cohortId: byLabel(cohorts),
  };
}

/**
 * The filters the shared rule applies. A remembered value that no longer occurs (the
 * cohort was deleted, another sync moved the person) is dropped rather than leaving an
 * empty list behind a select that shows "all".
 */
export function effectiveFilters(values: FilterValues, choices: FilterChoices): { values: FilterValues; filters: WorklistFilters } {
  const kept: FilterValues = { ...NO_FILTERS };
  const filters: WorklistFilters = {};
  const offered = (key: keyof FilterChoices) => choices[key].some((choice) => choice.value === values[key]);
  if (offered('kecamatan')) filters.kecamatan = kept.kecamatan = values.kecamatan;
  if (offered('providerId')) filters.providerId = kept.providerId = values.providerId;
  if (offered('cohortId')) filters.cohortId = kept.cohortId = values.cohortId;
  const status = STATUS_CHOICES.find((choice) => choice === values.status);
  if (status !== undefined) {
    filters.status = status;
    kept.status = status;
  }
  return { values: kept, filters };
}

const STORAGE_PREFIX = 'jejak.worklist.filters:';

/**
 * The filters chosen earlier in this tab, for this user's database: an officer who opens
 * someone and comes back finds the list as they left it. Session storage only, so a new
 * day starts unfiltered; unreadable or blocked storage means no filters.
 */
export function rememberedFilters(dbName: string): FilterValues {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(STORAGE_PREFIX + dbName) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return NO_FILTERS;
    const values = { ...NO_FILTERS };
    for (const key of FILTER_KEYS) {
      const value: unknown = (stored as Record<string, unknown>)[key];
      if (typeof value === 'string') values[key] = value;
    }
    return values;
  } catch {
    return NO_FILTERS;
  }
}

export function rememberFilters(dbName: string, values: FilterValues): void {
  try {
    sessionStorage.setItem(STORAGE_PREFIX + dbName, JSON.stringify(values));
  } catch {
    // Not remembered (storage blocked or full); the filters still apply on this screen.
  }
}

const GROUPING_PREFIX = 'jejak.worklist.byKecamatan:';

/** Whether the list was grouped by kecamatan earlier in this tab; kept like the filters. */
export function rememberedGrouping(dbName: string): boolean {
  try {
    return sessionStorage.getItem(GROUPING_PREFIX + dbName) === 'yes';
  } catch {
    return false;
  }
}

export function rememberGrouping(dbName: string, grouped: boolean): void {
  try {
    sessionStorage.setItem(GROUPING_PREFIX + dbName, grouped ? 'yes' : 'no');
  } catch {
    // Not remembered; the grouping still applies on this screen.
  }
}

function byLabel(choices: Choice[]): Choice[] {
  return choices.sort((a, b) => a.label.localeCompare(b.label, 'id'));
}
