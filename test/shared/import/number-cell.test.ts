import { describe, expect, it } from 'vitest';
import { cameFromNumber, cellText } from '../../../src/shared/import/cell-text';
import { isScientific, numberDigits } from '../../../src/shared/import/number-cell';

describe('the digits of a number cell', () => {
  it.each([
    ['6474031708010203', '6474031708010203'],
    ['6474031708010200', '6474031708010200'],
    ['37120.0', '37120'],
    ['6.474031708010203E+15', '6474031708010203'],
    ['6,474031708010200E+15', '6474031708010200'],
    ['6.47403170801020E15', '6474031708010200'],
  ])('%j → %j, never through a float', (text, digits) => {
    expect(numberDigits(text)).toBe(digits);
  });

  it('expands an XLSX cell written as briefly as its stored value reads back', () => {
    expect(numberDigits('6.4740317080102E+15', true)).toBe('6474031708010200');
    expect(numberDigits('6.4740317080102E+15')).toBe('6.4740317080102E+15');
    expect(numberDigits('1.5E+2', true)).toBe('150');
    expect(numberDigits('1.55E+1', true)).toBe('1.55E+1');
  });

  it.each([
    // Six significant digits: expanding them would invent a NIK.
    ['6,47405E+15'], ['6.47403E+15'], ['1.5E+2'], ['6.4740317080102345E+3'],
  ])('leaves %j as written: digits are missing or it is not a whole number', (text) => {
    expect(numberDigits(text)).toBe(text);
  });

  it('knows scientific notation as Excel writes it', () => {
    expect(['6,47405E+15', '6.47E15', '1e-3'].map(isScientific)).toEqual([true, true, true]);
    expect(['6474031708010203', 'E+15', 'Budi 6E+1', '6.4.7E+15'].map(isScientific)).toEqual([false, false, false, false]);
  });
});

describe('cells that came from numbers', () => {
  it('reads an XLSX number cell as its digits, and says it was a number', () => {
    expect(cellText({ numberText: '6.4740317080102E+15' })).toBe('6474031708010200');
    expect(cameFromNumber({ numberText: '6474031708010200' })).toBe(true);
  });

  it('takes a CSV cell in scientific notation for a number, and plain text for text', () => {
    expect(cameFromNumber('6,47405E+15')).toBe(true);
    expect(cameFromNumber('6474031708010200')).toBe(false);
    expect(cameFromNumber('Budi')).toBe(false);
    expect(cameFromNumber(new Date(0))).toBe(false);
  });
});
