import { describe, expect, it } from 'vitest';
import { nameKey, sameName } from '../../../src/shared/domain/same-name';

describe('sameName', () => {
  it.each([
    ['case and spacing', 'Fajar Nugroho', '  fajar   NUGROHO '],
    ['words run together', 'Nur Aini', 'Nuraini'],
    ['punctuation', 'Nur-Aini', 'Nur Aini'],
    ['apostrophe', "Ma'ruf Amin", 'Maruf Amin'],
    ['accents', 'José Dão', 'Jose Dao'],
    ['oe for u', 'Soekarno', 'Sukarno'],
    ['dj for j', 'Djoko Susilo', 'Joko Susilo'],
    ['tj for c', 'Tjahjo Kumolo', 'Cahyo Kumolo'],
    ['nj for ny', 'Njoman', 'Nyoman'],
    ['sj for sy', 'Sjamsuddin', 'Syamsudin'],
    ['j for y', 'Jusuf Kalla', 'Yusuf Kalla'],
    ['doubled letters', 'Muhammad Ayyub', 'Muhamad Ayub'],
    ['y at a word end', 'Hendry Saputra', 'Hendri Saputra'],
    ['Muhammad spelt Mochamad', 'Mochamad Rizki', 'Muhammad Rizki'],
    ['Muhammad shortened to Moh.', 'Moh. Rizky', 'Muhammad Rizki'],
    ['Muhammad shortened to Mhd', 'Mhd Rizki', 'Mohammad Rizki'],
  ])('takes %s as the same name: %s ~ %s', (_label, a, b) => {
    expect(sameName(a, b)).toBe(true);
    expect(sameName(b, a)).toBe(true);
  });

  it.each([
    ['an initial for a word', 'Fajar N.', 'Fajar Nugroho'],
    ['a missing word', 'Siti Aminah', 'Siti'],
    ['another first name', 'Budi Santoso', 'Andi Santoso'],
    ['a letter changed', 'Rina Wati', 'Rini Wati'],
    ['words swapped', 'Aminah Siti', 'Siti Aminah'],
    ['y/i inside a word', 'Yanto', 'Ianto'],
    ['M. is not Muhammad', 'M. Rizki', 'Muhammad Rizki'],
    ['empty names', '', ' '],
    ['punctuation only', '.', '-'],
  ])('tells apart %s: %s / %s', (_label, a, b) => {
    expect(sameName(a, b)).toBe(false);
  });

  it('folds to one key per name', () => {
    expect(nameKey('Moch. Djoko Soesilo')).toBe('muhamadyokosusilo');
    expect(nameKey('Muhammad Joko Susilo')).toBe('muhamadyokosusilo');
  });
});
