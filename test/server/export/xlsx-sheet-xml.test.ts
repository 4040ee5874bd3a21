import { describe, expect, it } from 'vitest';
import { excelSerial } from '../../../src/server/export/xlsx-sheet-xml';

describe('excelSerial', () => {
  it('reads dates and minutes as Excel serials: days since 1899-12-30, the time as the fraction', () => {
    expect(excelSerial('1970-01-01')).toBe(25569);
    expect(excelSerial('2024-08-31')).toBe(45535);
    expect(excelSerial('2024-08-01 10:05')).toBeCloseTo(45505 + (10 * 60 + 5) / 1440, 12);
    expect(excelSerial('2024-08-01T10:05:33.000Z')).toBe(excelSerial('2024-08-01 10:05'));
    // An unreadable time is no time: the date alone, as a pattern with an optional time reads it.
    expect(excelSerial('2024-08-01 1')).toBe(45505);
    expect(excelSerial('2024-08-01X10:05')).toBe(45505);
  });

  it('answers null for text that is not such a date', () => {
    for (const text of ['', 'besok', '2024-8-01', '2024/08/01', '2024-08-0', '２０２４-08-01', '-2024-08-01']) expect(excelSerial(text), text).toBeNull();
  });
});
