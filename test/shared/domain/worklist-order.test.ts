import { describe, expect, it } from 'vitest';
import type { StatusAsOf } from '../../../src/shared/domain/status-as-of';
import { compareWorklistRows, groupByKecamatan, type DueBucket, type WorklistRow } from '../../../src/shared/domain/worklist';

/** A row with only what the order reads. */
function row(name: string, bucket: DueBucket, dueDate: string, status: StatusAsOf, kecamatan = ''): WorklistRow {
  return {
    alumnus: { id: `id-${name}`, name, nik: '6474010101900001', phone: null, whatsapp: null, kecamatan, kelurahan: '' },
    cohort: null,
    cohortIds: [],
    providerIds: [],
    graduationDate: null,
    status,
    statusFoundAt: null,
    dueDate,
    daysSinceGraduation: null,
    bucket,
  };
}

const names = (rows: readonly WorklistRow[]) => rows.map((r) => r.alumnus.name);

describe('compareWorklistRows', () => {
  const cases: { title: string; rows: WorklistRow[]; expected: string[] }[] = [
    {
      title: 'overdue: never contacted before any tried, whatever the due date',
      rows: [row('Ani', 'overdue', '2024-01-01', 'seeking'), row('Budi', 'overdue', '2024-08-01', 'never-contacted')],
      expected: ['Budi', 'Ani'],
    },
    {
      title: 'overdue, never contacted: the milestone missed longest ago first',
      rows: [row('Ani', 'overdue', '2024-08-01', 'never-contacted'), row('Budi', 'overdue', '2024-02-01', 'never-contacted')],
      expected: ['Budi', 'Ani'],
    },
    {
      title: 'overdue, tried before (unreachable counts as tried): longest overdue first',
      rows: [row('Ani', 'overdue', '2024-08-01', 'unreachable'), row('Budi', 'overdue', '2024-03-01', 'employed')],
      expected: ['Budi', 'Ani'],
    },
    {
      title: 'overdue before this week before later, even a never-contacted one later',
      rows: [row('Ani', 'later', '2024-12-01', 'never-contacted'), row('Budi', 'this-week', '2024-09-12', 'seeking'), row('Citra', 'overdue', '2024-09-01', 'seeking')],
      expected: ['Citra', 'Budi', 'Ani'],
    },
    {
      title: 'this week: by due date only, never contacted gets no head start',
      rows: [row('Ani', 'this-week', '2024-09-13', 'never-contacted'), row('Budi', 'this-week', '2024-09-11', 'seeking')],
      expected: ['Budi', 'Ani'],
    },
    {
      title: 'same due date and status: by name as Indonesian sorts it',
      rows: [row('dedi', 'overdue', '2024-08-01', 'seeking'), row('Citra', 'overdue', '2024-08-01', 'seeking')],
      expected: ['Citra', 'dedi'],
    },
  ];
  for (const { title, rows, expected } of cases) {
    it(title, () => {
      expect(names([...rows].sort(compareWorklistRows))).toEqual(expected);
      expect(names([...rows].reverse().sort(compareWorklistRows))).toEqual(expected);
    });
  }
});

describe('groupByKecamatan', () => {
  it('groups by kecamatan by name, keeps the list order inside, puts the unknown area last', () => {
    const rows = [
      row('Ani', 'overdue', '2024-01-01', 'never-contacted', 'Bontang Utara'),
      row('Budi', 'overdue', '2024-02-01', 'never-contacted', ''),
      row('Citra', 'overdue', '2024-03-01', 'seeking', 'Bontang Barat'),
      row('Dedi', 'overdue', '2024-04-01', 'seeking', 'Bontang Utara'),
      row('Eko', 'overdue', '2024-05-01', 'seeking', '  '),
    ];
    expect(groupByKecamatan(rows).map((group) => [group.kecamatan, names(group.rows)])).toEqual([
      ['Bontang Barat', ['Citra']],
      ['Bontang Utara', ['Ani', 'Dedi']],
      [null, ['Budi', 'Eko']],
    ]);
  });

  it('gives no group for an empty list', () => {
    expect(groupByKecamatan([])).toEqual([]);
  });
});
