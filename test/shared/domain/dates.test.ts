import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateInZone, isCalendarDate } from '../../../src/shared/domain/dates';

describe('addMonths', () => {
  it.each([
    ['a plain day', '2024-03-15', 3, '2024-06-15'],
    ['31 Aug + 6 months is the end of a leap February', '2024-08-31', 6, '2025-02-28'],
    ['31 Aug 2023 + 6 months is 29 Feb 2024', '2023-08-31', 6, '2024-02-29'],
    ['31 Jan + 1 month in a common year', '2023-01-31', 1, '2023-02-28'],
    ['31 May + 1 month (30-day month)', '2024-05-31', 1, '2024-06-30'],
    ['across the year end', '2024-11-30', 3, '2025-02-28'],
    ['29 Feb + 12 months', '2024-02-29', 12, '2025-02-28'],
    ['backwards, clamping too', '2024-03-31', -1, '2024-02-29'],
    ['zero months', '2024-07-04', 0, '2024-07-04'],
  ])('%s', (_label, date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['into a leap day', '2024-02-28', 1, '2024-02-29'],
    ['over a year end', '2024-12-31', 1, '2025-01-01'],
    ['backwards over a month', '2024-03-01', -1, '2024-02-29'],
  ])('%s', (_label, date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('dateInZone', () => {
  it.each([
    ['late on D in UTC is D+1 in Makassar (UTC+8)', '2024-06-30T16:30:00.000Z', 'Asia/Makassar', '2024-07-01'],
    ['just before midnight in Makassar', '2024-06-30T15:59:59.999Z', 'Asia/Makassar', '2024-06-30'],
    ['Jakarta is UTC+7', '2024-06-30T16:30:00.000Z', 'Asia/Jakarta', '2024-06-30'],
    ['an explicit offset in the instant', '2024-07-01T00:30:00+08:00', 'Asia/Makassar', '2024-07-01'],
    ['UTC', '2024-06-30T23:59:59.000Z', 'UTC', '2024-06-30'],
  ])('%s', (_label, instant, zone, expected) => {
    expect(dateInZone(instant, zone)).toBe(expected);
  });

  it('defaults to the office zone', () => {
    expect(dateInZone('2024-06-30T16:30:00.000Z')).toBe('2024-07-01');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
