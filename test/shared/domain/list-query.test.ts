import { describe, expect, it } from 'vitest';
import { matchesQuery, pageOf } from '../../../src/shared/domain/list-query';

describe('matchesQuery', () => {
  const cohort = ['Pelatihan Las Listrik Angkatan II Tahun 2024', 'LPK Teknika Kaltim', 'Las Listrik'];
  it.each([
    ['', true],
    ['   ', true],
    ['las', true],
    ['LAS ii', true],
    ['tekn 2024', true],
    ['listrik kaltim', true],
    ['barber', false],
    ['las barber', false],
    ['stri', false], // the start of a word, not any part of it
  ])('%j → %s', (query, expected) => {
    expect(matchesQuery(cohort, query)).toBe(expected);
  });

  it('ignores case, accents and punctuation', () => {
    expect(matchesQuery(['Hj. Nurlaela Syam', 'lpk.mandiri'], 'nurlaéla')).toBe(true);
    expect(matchesQuery(['Hj. Nurlaela Syam', 'lpk.mandiri'], 'mandiri')).toBe(true);
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 45 }, (_, i) => i + 1);
  it.each([
    [1, { page: 1, pages: 3, total: 45, first: 1, last: 20 }],
    [3, { page: 3, pages: 3, total: 45, first: 41, last: 45 }],
    [9, { page: 3, pages: 3, total: 45, first: 41, last: 45 }],
    [0, { page: 1, pages: 3, total: 45, first: 1, last: 20 }],
  ])('page %i', (page, expected) => {
    const result = pageOf(rows, page);
    expect(result).toMatchObject(expected);
    expect(result.rows).toEqual(rows.slice(expected.first - 1, expected.last));
  });

  it('has one empty page for an empty list', () => {
    expect(pageOf([], 1)).toEqual({ rows: [], page: 1, pages: 1, total: 0, first: 0, last: 0 });
  });
});
