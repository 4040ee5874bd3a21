import { describe, expect, it } from 'vitest';
import { NO_COHORT_FILTERS, cohortFilterChoices, filterCohortRows } from '../../src/client/features/cohorts/cohort-list-filter';
import type { CohortListRow } from '../../src/client/features/cohorts/use-cohort-list';
import { aCohort } from '../fixtures/builders';

const row = (title: string, providerName: string, vocationName: string, overrides: Parameters<typeof aCohort>[0] = {}): CohortListRow => ({
  cohort: aCohort({ title, providerId: `p-${providerName}`, vocationId: `v-${vocationName}`, ...overrides }),
  providerName,
  vocationName,
  summary: undefined,
});

const rows = [
  row('Pelatihan Barbershop Angkatan I Tahun 2024', 'LPK Barber Nusantara Bontang', 'Barbershop', { fundingSource: 'apbd-murni', budgetYear: 2024 }),
  row('Pelatihan Barbershop Angkatan II Tahun 2024', 'LPK Barber Nusantara Bontang', 'Barbershop', { fundingSource: 'apbd-perubahan', budgetYear: 2024 }),
  row('Pelatihan Las Listrik Angkatan I Tahun 2025', 'LPK Teknika Kaltim', 'Las Listrik', { fundingSource: 'apbn', budgetYear: 2025 }),
];
const titles = (filtered: CohortListRow[]) => filtered.map((r) => r.cohort.title);

describe('filterCohortRows', () => {
  it('keeps every row with no filter', () => {
    expect(filterCohortRows(rows, NO_COHORT_FILTERS)).toHaveLength(3);
  });

  it('searches title, provider and vocation by the start of words', () => {
    expect(titles(filterCohortRows(rows, { ...NO_COHORT_FILTERS, query: 'teknika' }))).toEqual(['Pelatihan Las Listrik Angkatan I Tahun 2025']);
    expect(filterCohortRows(rows, { ...NO_COHORT_FILTERS, query: 'barber ii' })).toHaveLength(1);
  });

  it('combines provider, year, funding source and vocation', () => {
    const barber = { ...NO_COHORT_FILTERS, providerId: 'p-LPK Barber Nusantara Bontang' };
    expect(filterCohortRows(rows, barber)).toHaveLength(2);
    expect(titles(filterCohortRows(rows, { ...barber, fundingSource: 'apbd-murni' }))).toEqual(['Pelatihan Barbershop Angkatan I Tahun 2024']);
    expect(filterCohortRows(rows, { ...barber, budgetYear: '2025' })).toEqual([]);
    expect(filterCohortRows(rows, { ...NO_COHORT_FILTERS, vocationId: 'v-Las Listrik', budgetYear: '2025' })).toHaveLength(1);
  });
});

describe('cohortFilterChoices', () => {
  it('offers each provider, vocation and year once, years newest first', () => {
    const choices = cohortFilterChoices(rows);
    expect(choices.providers.map((c) => c.label)).toEqual(['LPK Barber Nusantara Bontang', 'LPK Teknika Kaltim']);
    expect(choices.vocations.map((c) => c.label)).toEqual(['Barbershop', 'Las Listrik']);
    expect(choices.years.map((c) => c.value)).toEqual(['2025', '2024']);
  });
});
