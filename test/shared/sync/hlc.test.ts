import { describe, expect, it } from 'vitest';
import { clampHlc, compareHlc, decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../../../src/shared/sync/hlc';

const T = 1_725_069_600_000; // 2024-08-31T02:00:00Z

describe('hybrid logical clock', () => {
  it('encodes to text that sorts like the clock and decodes back', () => {
    const clocks = [
      { ms: 9, counter: 0, node: 'b' },
      { ms: T, counter: 0, node: 'a' },
      { ms: T, counter: 2, node: 'a' },
      { ms: T, counter: 10, node: 'a' },
      { ms: T, counter: 10, node: 'b' },
      { ms: T + 1, counter: 0, node: 'a' },
    ];
    const texts = clocks.map(encodeHlc);
    expect([...texts].sort(compareHlc)).toEqual(texts);
    expect(texts.map(decodeHlc)).toEqual(clocks);
  });

  it.each(['', 'yesterday', '1725069600000:00001:a', '001725069600000:1:a', '001725069600000:00001:'])(
    'refuses %j as a clock',
    (text) => expect(decodeHlc(text)).toBeNull(),
  );

  it.each([
    ['the first event takes the wall time', null, T, { ms: T, counter: 0 }],
    ['a later wall time resets the counter', { ms: T, counter: 4, node: 'n' }, T + 5, { ms: T + 5, counter: 0 }],
    ['the same millisecond counts up', { ms: T, counter: 4, node: 'n' }, T, { ms: T, counter: 5 }],
    ['a wall clock that went back still moves forward', { ms: T, counter: 4, node: 'n' }, T - 60_000, { ms: T, counter: 5 }],
    ['a full counter borrows the next millisecond', { ms: T, counter: 99_999, node: 'n' }, T, { ms: T + 1, counter: 0 }],
  ])('tick: %s', (_, last, now, expected) => {
    expect(tickHlc(last, now, 'n')).toEqual({ ...expected, node: 'n' });
  });

  it('after receiving a clock from the future, the next local event sorts after it', () => {
    const remote = { ms: T + 10_000, counter: 3, node: 'far' };
    const local = receiveHlc({ ms: T, counter: 0, node: 'n' }, remote, T, 'n');
    expect(local).toEqual({ ms: T + 10_000, counter: 4, node: 'n' });
    expect(compareHlc(encodeHlc(tickHlc(local, T + 1, 'n')), encodeHlc(remote))).toBe(1);
  });

  it('receiving an older clock keeps the local one ahead', () => {
    expect(receiveHlc({ ms: T, counter: 7, node: 'n' }, { ms: T - 1, counter: 50, node: 'x' }, T - 5, 'n')).toEqual({ ms: T, counter: 8, node: 'n' });
  });

  it('the server clamps a clock running more than the allowed skew ahead', () => {
    const nextYear = { ms: T + 365 * 86_400_000, counter: 1, node: 'phone' };
    expect(clampHlc(nextYear, T, 60_000)).toEqual({ ms: T, counter: 1, node: 'phone' });
    const slightlyAhead = { ms: T + 30_000, counter: 0, node: 'phone' };
    expect(clampHlc(slightlyAhead, T, 60_000)).toBe(slightlyAhead);
  });
});
