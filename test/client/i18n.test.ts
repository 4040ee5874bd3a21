import { describe, expect, it } from 'vitest';
import { FIELD_ERROR_CODES, REQUEST_ERROR_CODES } from '../../src/shared/errors';
import { en } from '../../src/client/i18n/en';
import { formatDate, formatDateTime } from '../../src/client/i18n/format';
import { id } from '../../src/client/i18n/id';
import { describeErrorCode, interpolate } from '../../src/client/i18n/translate';

describe('interpolate', () => {
  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Alamat {path} tidak ada.', { path: '/x' })).toBe('Alamat /x tidak ada.');
    expect(interpolate('{n} dari {total}', { n: 3 })).toBe('3 dari {total}');
    expect(interpolate('tanpa isian')).toBe('tanpa isian');
  });
});

describe('dictionaries', () => {
  it('have the same keys and no empty words', () => {
    expect(Object.keys(en.messages).sort()).toEqual(Object.keys(id.messages).sort());
    for (const dictionary of [id, en]) {
      for (const words of [...Object.values(dictionary.messages), ...Object.values(dictionary.errors)]) {
        expect(words.trim()).not.toBe('');
      }
    }
  });

  it('have words for every error code, and a fallback for unknown ones', () => {
    for (const code of [...FIELD_ERROR_CODES, ...REQUEST_ERROR_CODES]) {
      expect(describeErrorCode(id, code)).toBe(id.errors[code]);
      expect(describeErrorCode(en, code)).toBe(en.errors[code]);
    }
    expect(describeErrorCode(en, 'from-a-newer-server')).toBe('An unknown error occurred (from-a-newer-server).');
  });
});

describe('format', () => {
  it('shows a calendar date without shifting the day', () => {
    expect(formatDate('2024-08-31', 'id')).toBe('31 Agu 2024');
    expect(formatDate('2024-08-31', 'en')).toBe('31 Aug 2024');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('shows an instant on the office clock (Asia/Makassar, UTC+8)', () => {
    // 16:30 UTC on the 31st is already 00:30 on 1 September in Makassar.
    expect(formatDateTime('2024-08-31T16:30:00.000Z', 'id')).toMatch(/^1 Sep 2024.*00[.:]30 WITA$/);
    expect(formatDateTime('2024-08-31T16:30:00.000Z', 'en')).toMatch(/^1 Sept? 2024.*00:30 (GMT\+8|WITA)$/);
    expect(formatDateTime('2024-08-31T16:30:00.000Z', 'en', 'UTC')).toMatch(/^31 Aug 2024.*16:30 UTC$/);
    expect(formatDateTime('garbage', 'id')).toBe('garbage');
  });
});
