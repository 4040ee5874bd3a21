import { describe, expect, it } from 'vitest';
import { checkNik } from '../../../src/shared/domain/nik';

describe('checkNik', () => {
  it.each([
    ['a man born 5 Jan 1990', '6474010501900001', { gender: 'male', birthDay: 5, birthMonth: 1, birthYear2: 90 }],
    ['a woman born 12 Mar 1990 (day + 40)', '6474015203900002', { gender: 'female', birthDay: 12, birthMonth: 3, birthYear2: 90 }],
    ['a woman born 31 Dec 2001', '6474037112010003', { gender: 'female', birthDay: 31, birthMonth: 12, birthYear2: 1 }],
    ['29 Feb in a leap year', '6474022902880004', { gender: 'male', birthDay: 29, birthMonth: 2, birthYear2: 88 }],
    ['29 Feb 2000 (YY 00)', '6474022902000004', { gender: 'male', birthDay: 29, birthMonth: 2, birthYear2: 0 }],
    ['separators typed by people', '6474 0105 0190 0001', { gender: 'male', birthDay: 5, birthMonth: 1, birthYear2: 90 }],
    ['dots and dashes', '64.74.01-050190-0001', { gender: 'male', birthDay: 5, birthMonth: 1, birthYear2: 90 }],
  ])('accepts %s', (_label, nik, facts) => {
    const result = checkNik(nik);
    expect(result).toEqual({ ok: true, facts: { province: '64', ...facts } });
  });

  it.each([
    ['letters', '64740105019O0001', 'nik-format'],
    ['15 digits', '647401050190000', 'nik-length'],
    ['17 digits', '64740105019000011', 'nik-length'],
    ['empty', '', 'nik-length'],
    ['province 00', '0074010501900001', 'nik-province'],
    ['day 00', '6474010001900001', 'nik-birth-date'],
    ['day 32', '6474013201900001', 'nik-birth-date'],
    ['day 40 (neither a man nor a woman)', '6474014001900001', 'nik-birth-date'],
    ['day 72 (woman, 32nd)', '6474017201900001', 'nik-birth-date'],
    ['month 13', '6474010513900001', 'nik-birth-date'],
    ['month 00', '6474010500900001', 'nik-birth-date'],
    ['31 April', '6474013104900001', 'nik-birth-date'],
    ['29 Feb in a common year', '6474012902890001', 'nik-birth-date'],
    ['a woman on 30 Feb', '6474017002880001', 'nik-birth-date'],
  ])('refuses %s with the part that is wrong', (_label, nik, problem) => {
    expect(checkNik(nik)).toEqual({ ok: false, problem });
  });
});
