import { describe, expect, it } from 'vitest';
import { digitHaystackOf, positionsContaining } from '../../src/client/features/alumni/digit-haystack';

describe('positionsContaining', () => {
  const numbers = [['8125550001', '8527770002'], [], ['8125550001'], ['555'], [], ['0001']];
  const haystack = digitHaystackOf(numbers, (entry) => entry);

  it.each([
    // Twice in the first entry: listed once.
    ['000', [0, 2, 5]],
    ['812555', [0, 2]],
    ['8527770002', [0]],
    ['555', [0, 2, 3]],
    // The last entry, and a run that only exists across two numbers or two entries.
    ['0001', [0, 2, 5]],
    ['00018', []],
    ['5550', [0, 2]],
    ['9', []],
  ])('finds "%s" in the entries %j', (digits, positions) => {
    expect(positionsContaining(haystack, digits)).toEqual(positions);
  });

  it('finds nothing among entries without numbers', () => {
    expect(positionsContaining(digitHaystackOf([[], []], (entry: string[]) => entry), '123')).toEqual([]);
  });
});
