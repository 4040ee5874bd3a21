import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInZone, localDateTime } from '../../../src/shared/domain/dates';

/** What Intl says, formatted the export's way: the definition the fast path must match. */
function byIntl(instant: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

describe('localDateTime', () => {
  it('reads the office clock', () => {
    expect(localDateTime('2024-08-31T16:30:00.000Z')).toBe('2024-09-01 00:30');
  });

  it('equals Intl in every zone, also on the nights clocks change (property)', () => {
    // Around the 2024 changes in New York, Lord Howe (a 30-minute change) and London; Kathmandu is +05:45.
    const zones = ['Asia/Makassar', 'America/New_York', 'Australia/Lord_Howe', 'Europe/London', 'Asia/Kathmandu', 'Pacific/Chatham'];
    const nights = ['2024-03-10T06:00:00Z', '2024-11-03T05:00:00Z', '2024-04-06T14:00:00Z', '2024-10-05T15:00:00Z', '2024-03-31T00:00:00Z', '2024-10-27T00:00:00Z'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.constantFrom(...nights), fc.integer({ min: -6 * 3_600_000, max: 6 * 3_600_000 }), (zone, night, offset) => {
        const instant = new Date(Date.parse(night) + offset).toISOString();
        expect(localDateTime(instant, zone)).toBe(byIntl(instant, zone));
      }),
      { numRuns: 2000, seed: 19 },
    );
  });

  it('gives dateInZone the day Intl gives, across clock changes and on invalid dates alike', () => {
    const zones = ['Asia/Makassar', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), (zone, time) => {
        const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(time));
        expect(dateInZone(new Date(time).toISOString(), zone)).toBe(day);
        expect(dateInZone(new Date(time), zone)).toBe(day);
      }),
      { numRuns: 3000, seed: 7 },
    );
    expect(() => dateInZone('not a date')).toThrow(RangeError);
  });
});
