import { describe, expect, it } from 'vitest';
import { fill } from '../../../src/client/ui/screen-words';

describe('a screen’s words with counts', () => {
  it('groups counts as each language does, and leaves other numbers as they are', () => {
    expect(fill('{count} alumni perlu ditindaklanjuti.', { count: 1306 }, 'id')).toBe('1.306 alumni perlu ditindaklanjuti.');
    expect(fill('{count} dari {all} alumni', { count: 12, all: 13520 }, 'id')).toBe('12 dari 13.520 alumni');
    expect(fill('{count} alumni to follow up.', { count: 1306 }, 'en')).toBe('1,306 alumni to follow up.');
    expect(fill('Tahun {year}, baris {row}', { year: 2024, row: 1500 }, 'id')).toBe('Tahun 2024, baris 1500');
    expect(fill('{count} orang', { count: '1306' }, 'id')).toBe('1306 orang');
    expect(fill('{missing}', {}, 'id')).toBe('{missing}');
  });
});
