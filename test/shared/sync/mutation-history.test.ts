import { describe, expect, it } from 'vitest';
import { MUTATION_HISTORY, upcastArgs, type MutationHistory } from '../../../src/shared/sync/mutation-history';
import { MUTATIONS } from '../../../src/shared/sync/mutations';

/** A made-up past: version 1 named the phone `hp`, version 2 added `channel`, version 3 is current. */
const history: MutationHistory = {
  upcasts: {
    1: (args) => {
      const { hp, ...rest } = args as { hp?: unknown };
      return { ...rest, phone: hp };
    },
    2: (args) => ({ channel: 'phone', ...(args as object) }),
  },
};

describe('upcastArgs', () => {
  it.each([
    [1, { hp: '0812', id: 'a' }, { channel: 'phone', phone: '0812', id: 'a' }],
    [2, { phone: '0812', id: 'a' }, { channel: 'phone', phone: '0812', id: 'a' }],
    [3, { phone: '0812', channel: 'visit', id: 'a' }, { phone: '0812', channel: 'visit', id: 'a' }],
  ])('carries version %i over to the current one, step by step', (version, args, expected) => {
    expect(upcastArgs('x.edit', version, args, 3, history)).toEqual({ ok: true, args: expected });
  });

  it('asks for an update for a version newer than it knows', () => {
    expect(upcastArgs('x.edit', 4, {}, 3, history)).toMatchObject({ ok: false, reason: 'newer-version', message: expect.stringContaining('up to version 3') as unknown });
  });

  it('asks for an update for a retired version, or one that never shipped', () => {
    const retired = { ...history, retiredBelow: { version: 2, reason: 'the old phone field had no country code' } };
    expect(upcastArgs('x.edit', 1, {}, 3, retired)).toMatchObject({ ok: false, reason: 'retired', message: expect.stringContaining('no country code') as unknown });
    expect(upcastArgs('x.edit', 2, {}, 3, retired)).toMatchObject({ ok: true });
    expect(upcastArgs('x.edit', 1, {}, 3, { upcasts: { 2: history.upcasts[2] ?? ((a) => a) } })).toMatchObject({ ok: false, reason: 'retired' });
  });
});

describe('the mutation history', () => {
  it('leads every version below the current one of each mutation to the current one, or retires it', () => {
    for (const [name, { version }] of Object.entries(MUTATIONS)) {
      const past = MUTATION_HISTORY[name as keyof typeof MUTATIONS];
      const retiredBelow = past.retiredBelow?.version ?? 1;
      for (let from = retiredBelow; from < version; from += 1) expect([name, from, typeof past.upcasts[from]]).toEqual([name, from, 'function']);
    }
  });
});
