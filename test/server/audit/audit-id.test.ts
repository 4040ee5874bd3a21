import { describe, expect, it } from 'vitest';
import { auditIdGenerator } from '../../../src/server/audit/audit-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('auditIdGenerator', () => {
  it('makes UUID v7 ids that sort in the order they were made, many within one millisecond', () => {
    let ms = Date.parse('2026-12-06T03:00:00.000Z');
    const next = auditIdGenerator(() => ms);
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
    const next = auditIdGenerator(() => ms);
    const first = next();
    ms -= 60_000;
    const second = next();
    expect(second > first).toBe(true);
  });
});
