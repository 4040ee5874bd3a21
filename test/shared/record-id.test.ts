import { describe, expect, it } from 'vitest';
import { newRecordId, timeOrderedIds } from '../../src/shared/record-id';
import { IdSchema } from '../../src/shared/schema/common.schema';
import * as v from 'valibot';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedIds', () => {
  it('makes UUID v7 ids that sort in the order they were made, many within one millisecond', () => {
    let ms = Date.parse('2026-12-06T03:00:00.000Z');
    const next = timeOrderedIds(() => ms);
    const ids: string[] = [];
    // 5,000 in one millisecond (past the 4,096 a counter holds), then the clock moves on.
    for (let i = 0; i < 5000; i += 1) ids.push(next());
    ms += 1;
    for (let i = 0; i < 10; i += 1) ids.push(next());
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('never sorts a later id before an earlier one when the clock steps back', () => {
    let ms = Date.parse('2026-12-06T03:00:00.000Z');
    const next = timeOrderedIds(() => ms);
    const first = next();
    ms -= 60_000;
    const second = next();
    expect(second > first).toBe(true);
  });

  it('draws its random tail from the random source, a block at a time', () => {
    const fills: number[] = [];
    const next = timeOrderedIds(() => 0, (bytes) => {
      fills.push(bytes.length);
      bytes.fill(0xff);
    });
    const id = next();
    for (let i = 0; i < 511; i += 1) next();
    expect(fills).toHaveLength(1);
    next();
    expect(fills).toHaveLength(2);
    // All ones: the variant's two top bits are still 10.
    expect(id).toBe('00000000-0000-7000-bfff-ffffffffffff');
  });

  it('makes ids every record schema accepts, unique across many', () => {
    const ids = Array.from({ length: 20_000 }, () => newRecordId());
    expect(ids.every((id) => v.is(IdSchema, id) && UUID_V7.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
