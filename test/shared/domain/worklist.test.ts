import { describe, expect, it } from 'vitest';
import { buildWorklist, filterWorklist, type WorklistSource } from '../../../src/shared/domain/worklist';
import type { Alumnus, Cohort, Enrollment, FollowUp } from '../../../src/shared/schema';
import { aCohort, aFollowUp, anAlumnus, anEnrollment } from '../../fixtures/builders';

const TODAY = '2024-09-10';

/** One person with one graduated enrolment in `cohort`, and their follow-ups. */
function graduate(cohort: Cohort, graduationDate: string, alumnus: Partial<Alumnus> = {}, followUps: Partial<FollowUp>[] = []) {
  const person = anAlumnus(alumnus);
  return {
    alumnus: person,
    enrollment: anEnrollment({ alumnusId: person.id, cohortId: cohort.id, graduationDate }),
    followUps: followUps.map((followUp) => aFollowUp({ alumnusId: person.id, ...followUp })),
  };
}

function sourceOf(cohorts: Cohort[], people: ReturnType<typeof graduate>[], extra: { enrollments?: Enrollment[] } = {}): WorklistSource {
  return {
    cohorts,
    alumni: people.map((p) => p.alumnus),
    enrollments: [...people.map((p) => p.enrollment), ...(extra.enrollments ?? [])],
    followUps: people.flatMap((p) => p.followUps),
  };
}

const barber = aCohort({ title: 'Barbershop', providerId: 'lpk-barber' });
const welding = aCohort({ title: 'Las listrik', providerId: 'blk' });

describe('buildWorklist', () => {
  // Graduated 2024-05-01: 3-month milestone 2024-08-01 (overdue on 10 Sep).
  const overdueLong = graduate(welding, '2024-04-01', { name: 'Budi' });
  const overdueShort = graduate(barber, '2024-05-01', { name: 'Ani' });
  // A contact set 2024-09-12 as the next date: due this week.
  const thisWeek = graduate(barber, '2024-02-01', { name: 'Citra', kecamatan: 'Bontang Utara' }, [
    { contactedAt: '2024-08-20T02:00:00Z', reached: true, status: 'seeking', nextFollowUpDate: '2024-09-12' },
  ]);
  // Graduated 2024-07-01: 3-month milestone 2024-10-01.
  const later = graduate(welding, '2024-07-01', { name: 'Dedi' });
  // Every milestone covered and nothing set: not on the list.
  const done = graduate(barber, '2023-01-01', { name: 'Eko' }, [{ contactedAt: '2024-01-05T02:00:00Z', reached: true }]);
  const rows = buildWorklist(sourceOf([barber, welding], [later, done, thisWeek, overdueShort, overdueLong]), TODAY);

  it('lists overdue first (longest overdue leading), then this week, then later; nothing-due left out', () => {
    expect(rows.map((row) => [row.alumnus.name, row.bucket, row.dueDate])).toEqual([
      ['Budi', 'overdue', '2024-07-01'],
      ['Ani', 'overdue', '2024-08-01'],
      ['Citra', 'this-week', '2024-09-12'],
      ['Dedi', 'later', '2024-10-01'],
    ]);
  });

  it('shows the cohort, days since graduation, the last known status and when it was found', () => {
    const citra = rows.find((row) => row.alumnus.name === 'Citra');
    expect(citra).toMatchObject({
      cohort: { title: 'Barbershop' },
      graduationDate: '2024-02-01',
      daysSinceGraduation: 222,
      status: 'seeking',
      statusFoundAt: '2024-08-20T02:00:00Z',
    });
    expect(rows.find((row) => row.alumnus.name === 'Budi')).toMatchObject({ status: 'never-contacted', statusFoundAt: null });
  });

  it('counts from the latest graduation of someone trained twice, and filters by either cohort', () => {
    const twice = graduate(welding, '2023-01-10', { name: 'Fajar' });
    const second = anEnrollment({ alumnusId: twice.alumnus.id, cohortId: barber.id, graduationDate: '2024-06-20' });
    const [row] = buildWorklist(sourceOf([barber, welding], [twice], { enrollments: [second] }), TODAY);
    expect(row).toMatchObject({ cohort: { id: barber.id }, graduationDate: '2024-06-20', dueDate: '2024-09-20', bucket: 'later' });
    expect(row?.providerIds.sort()).toEqual(['blk', 'lpk-barber']);
    expect(filterWorklist(row ? [row] : [], { cohortId: welding.id })).toHaveLength(1);
  });

  it('ignores voided contacts, deleted records and people who never graduated', () => {
    const voided = graduate(barber, '2024-05-01', { name: 'Gita' }, [
      { contactedAt: '2024-08-05T02:00:00Z', reached: true, voidedAt: '2024-08-06T00:00:00Z', voidReason: 'salah orang' },
    ]);
    const deleted = graduate(barber, '2024-05-01', { name: 'Hadi', deleted: true });
    const dropped = graduate(barber, '2024-05-01', { name: 'Indah' });
    dropped.enrollment = { ...dropped.enrollment, outcome: 'dropped-out', graduationDate: null };
    const result = buildWorklist(sourceOf([barber], [voided, deleted, dropped]), TODAY);
    expect(result.map((row) => [row.alumnus.name, row.status, row.dueDate])).toEqual([['Gita', 'never-contacted', '2024-08-01']]);
  });

  it('a failed attempt leaves the person unreachable and still due', () => {
    const missed = graduate(barber, '2024-05-01', { name: 'Joko' }, [{ contactedAt: '2024-08-02T02:00:00Z', reached: false }]);
    const [row] = buildWorklist(sourceOf([barber], [missed]), TODAY);
    expect(row).toMatchObject({ status: 'unreachable', statusFoundAt: null, bucket: 'overdue' });
  });
});

describe('filterWorklist', () => {
  const a = graduate(barber, '2024-05-01', { name: 'Ani', kecamatan: 'Bontang Utara' });
  const b = graduate(welding, '2024-05-01', { name: 'Budi', kecamatan: 'Bontang Selatan' }, [
    { contactedAt: '2024-08-02T02:00:00Z', reached: false },
  ]);
  const rows = buildWorklist(sourceOf([barber, welding], [a, b]), TODAY);
  const names = (filters: Parameters<typeof filterWorklist>[1]) => filterWorklist(rows, filters).map((row) => row.alumnus.name);

  it.each<[string, Parameters<typeof filterWorklist>[1], string[]]>([
    ['no filter', {}, ['Ani', 'Budi']],
    ['kecamatan', { kecamatan: 'Bontang Selatan' }, ['Budi']],
    ['provider', { providerId: 'lpk-barber' }, ['Ani']],
    ['cohort', { cohortId: welding.id }, ['Budi']],
    ['status', { status: 'unreachable' }, ['Budi']],
    ['never contacted', { status: 'never-contacted' }, ['Ani']],
    ['all at once, none match', { kecamatan: 'Bontang Utara', providerId: 'blk' }, []],
  ])('%s', (_, filters, expected) => {
    expect(names(filters)).toEqual(expected);
  });
});
