import { describe, expect, it } from 'vitest';
import { BOOLEAN_FIELDS, fromRow, toRow } from '../../src/server/db/rows';

describe('toRow / fromRow', () => {
  it('turns booleans into 0/1 and leaves everything else alone', () => {
    expect(toRow({ id: 'a', deleted: true, reached: false, phone: null, budgetYear: 2024, name: 'x' })).toEqual({
      id: 'a', deleted: 1, reached: 0, phone: null, budgetYear: 2024, name: 'x',
    });
  });

  it('turns the named fields back into booleans, whatever the driver returned', () => {
    const row = { id: 'a', reached: 1, active: 0, legacy: '1', count: 1 };
    expect(fromRow(row, ['reached', 'active', 'legacy'])).toEqual({ id: 'a', reached: true, active: false, legacy: true, count: 1 });
  });

  it('round-trips an entity', () => {
    const user = { id: 'u', username: 'budi', active: true, providerId: null };
    expect(fromRow(toRow(user), ['active'])).toEqual(user);
  });

  it('lists the boolean fields of each entity table', () => {
    expect(BOOLEAN_FIELDS.followUps).toEqual(['reached']);
    expect(BOOLEAN_FIELDS.alumni).toEqual(['deleted']);
  });
});
