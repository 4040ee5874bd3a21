import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadsheetText } from '../../../src/shared/domain/spreadsheet-text';

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
  ])('%j → %j', (text, expected) => {
    expect(spreadsheetText(text)).toBe(expected);
  });

  it('never leaves a formula start and only ever adds one quote (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = spreadsheetText(text);
        expect(/^[=+\-@\t\r]/.test(safe)).toBe(false);
        expect(safe === text || safe === `'${text}`).toBe(true);
      }),
    );
  });
});
