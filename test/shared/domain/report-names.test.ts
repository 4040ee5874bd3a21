import { describe, expect, it } from 'vitest';
import { cohortReportName, namesOf, reportNames } from '../../../src/shared/domain/report-names';

describe('report names', () => {
  const names = reportNames({
    providers: [{ id: 'p1', name: 'LPK Barber Bontang' }, { id: 'p2', name: 'BLK Bontang' }],
    cohorts: [
      { id: 'c1', title: 'Barbershop Angkatan I', providerId: 'p1' },
      { id: 'c2', title: 'Barbershop Angkatan I', providerId: 'p2' },
      { id: 'c3', title: 'Las Angkatan II', providerId: 'unknown' },
    ],
    vocations: [{ id: 'v1', name: 'Tata rias' }],
  });

  it('tells apart two providers’ cohorts of the same title', () => {
    expect(names.cohort.get('c1')).toBe('Barbershop Angkatan I — LPK Barber Bontang');
    expect(names.cohort.get('c2')).toBe('Barbershop Angkatan I — BLK Bontang');
  });

  it('keeps the bare title when the provider is not known', () => {
    expect(names.cohort.get('c3')).toBe('Las Angkatan II');
    expect(cohortReportName('Las', undefined)).toBe('Las');
  });

  it('names only the id dimensions of a group, and only those it knows', () => {
    expect(namesOf({ provider: 'p2', 'funding-source': 'apbn', vocation: 'v9' }, names)).toEqual({ provider: 'BLK Bontang' });
  });
});
