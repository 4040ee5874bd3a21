import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFormulaLike, plainText, spreadsheetText } from '../../../src/shared/domain/spreadsheet-text';

describe('spreadsheetText', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klik")', `'=HYPERLINK("http://evil.example","klik")`],
    ['+6281234567890', "'+6281234567890"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['LPK Barber Nusantara', 'LPK Barber Nusantara'],
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    ['', ''],
    ["'already quoted", "'already quoted"],
    // Control and invisible characters go first, so they cannot hide a formula start.
    ['\u0001=HYPERLINK("http://evil.example")', `'=HYPERLINK("http://evil.example")`],
    ['\u200B\u202E+62812', "'+62812"],
    ['\uFEFF@SUM(A1)', "'@SUM(A1)"],
    ['Budi\u0007 Santoso', 'Budi Santoso'],
  ])('%j → %j', (text, expected) => {
    expect(spreadsheetText(text)).toBe(expected);
  });

  it('never leaves a formula start and only ever adds one quote (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = spreadsheetText(text);
        expect(/^[=+\-@\t\r]/.test(safe)).toBe(false);
        expect(safe === plainText(text) || safe === `'${plainText(text)}`).toBe(true);
        expect(isFormulaLike(safe)).toBe(false);
      }),
    );
  });

  it('keeps tab, line feed and carriage return, and every printable character', () => {
    expect(plainText('a\tb\nc\rd é 😀 ـ')).toBe('a\tb\nc\rd é 😀 ـ');
    expect(isFormulaLike('\u0001=1')).toBe(true);
    expect(isFormulaLike('a=1')).toBe(false);
  });
});
