import { describe, expect, it } from 'vitest';
import { areaChoices, isAllowedPlace, kecamatanOptions, kelurahanOptions } from '../../../src/shared/domain/area-places';
import type { AreaPlace } from '../../../src/shared/schema/area-place.schema';

const at = '2026-12-06T09:00:00.000Z';
let next = 0;
const place = (kecamatan: string, kelurahan: string, deleted = false): AreaPlace => ({
  id: `00000000-0000-4000-8000-${String((next += 1)).padStart(12, '0')}`, createdAt: at, updatedAt: at, deleted, kecamatan, kelurahan,
});

describe('areaChoices', () => {
  it('groups the kelurahan under their kecamatan, both by name, leaving removed places out', () => {
    const choices = areaChoices([
      place('Bontang Utara', 'Loktuan'), place('Bontang Barat', 'Kanaan'), place('Bontang Utara', 'Api-Api'),
      place('Bontang Barat', 'Belimbing'), place('Bontang Selatan', 'Satimpo', true),
    ]);
    expect(choices.kecamatan).toEqual(['Bontang Barat', 'Bontang Utara']);
    expect(choices.kelurahan.get('Bontang Utara')).toEqual(['Api-Api', 'Loktuan']);
    expect(choices.kelurahan.get('Bontang Selatan')).toBeUndefined();
  });
});

describe('isAllowedPlace', () => {
  it('accepts any value while the list is empty, then only the list’s, and always "not known"', () => {
    expect(isAllowedPlace('Bontang Timur', [])).toBe(true);
    expect(isAllowedPlace('Bontang Timur', ['Bontang Utara'])).toBe(false);
    expect(isAllowedPlace(' Bontang Utara ', ['Bontang Utara'])).toBe(true);
    expect(isAllowedPlace('', ['Bontang Utara'])).toBe(true);
  });
});

describe('kecamatanOptions and kelurahanOptions', () => {
  const choices = areaChoices([place('Bontang Utara', 'Loktuan'), place('Bontang Utara', 'Api-Api'), place('Bontang Barat', 'Kanaan')]);

  it('offer the list, the kelurahan of the chosen kecamatan only', () => {
    expect(kecamatanOptions(choices, 'Bontang Barat')).toEqual(['Bontang Barat', 'Bontang Utara']);
    expect(kelurahanOptions(choices, 'Bontang Utara', '')).toEqual(['Api-Api', 'Loktuan']);
    expect(kelurahanOptions(choices, '', '')).toEqual([]);
  });

  it('keep a current value that is not on the list first, so opening the form never changes it', () => {
    expect(kecamatanOptions(choices, 'Bontang Timur ')).toEqual(['Bontang Timur', 'Bontang Barat', 'Bontang Utara']);
    expect(kelurahanOptions(choices, 'Bontang Barat', 'Lok Tuan')).toEqual(['Lok Tuan', 'Kanaan']);
  });
});
