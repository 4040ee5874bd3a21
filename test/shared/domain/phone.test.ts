import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone } from '../../../src/shared/domain/phone';

describe('normalisePhone', () => {
  it.each([
    ['08123456789', '+628123456789'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['62812 3456 7890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
    ['  0812.3456.789  ', '+628123456789'],
    ['(0548) 21234', '+6254821234'],
    ['0548-41234567', '+6254841234567'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['letters', '0812-ABCD-7890'],
    ['no prefix', '8123456789'],
    ['another country', '+60123456789'],
    ['zero after the prefix', '+6208123456789'],
    ['too short', '0812345'],
    ['too long', '0812345678901234'],
    ['double plus', '++628123456789'],
  ])('refuses %s', (_label, input) => {
    expect(normalisePhone(input)).toBeNull();
  });

  it('is idempotent on what it returns', () => {
    const once = normalisePhone('0812-3456-7890');
    expect(once).not.toBeNull();
    expect(normalisePhone(once ?? '')).toBe(once);
  });
});

describe('formatPhone', () => {
  it.each([
    ['+6281234567890', '0812-3456-7890'],
    ['+6289993611910', '0899-9361-1910'],
    ['+628123456789', '0812-3456-789'],
    ['+62541123456', '0541-123456'],
    ['+622112345678', '021-12345678'],
    ['0812 not stored', '0812 not stored'],
    ['', ''],
  ])('%j reads as %j', (stored, shown) => {
    expect(formatPhone(stored)).toBe(shown);
  });
});
