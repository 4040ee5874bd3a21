import { describe, expect, it } from 'vitest';
import { selfReportExpiry, selfReportLinkState } from '../../../src/shared/domain/self-report';

const MADE = '2024-08-01T02:00:00.000Z';
const EXPIRES = selfReportExpiry(MADE);

describe('selfReportLinkState', () => {
  it('gives a link 30 days', () => {
    expect(EXPIRES).toBe('2024-08-31T02:00:00.000Z');
  });

  it.each([
    ['open, before its expiry', 'open', '2024-08-31T01:59:59.999Z', 'waiting'],
    ['open, at its expiry', 'open', '2024-08-31T02:00:00.000Z', 'expired'],
    ['answered, even after its expiry', 'answered', '2024-09-30T00:00:00.000Z', 'answered'],
    ['withdrawn, even after its expiry', 'withdrawn', '2024-09-30T00:00:00.000Z', 'withdrawn'],
  ] as const)('%s', (_label, status, now, state) => {
    expect(selfReportLinkState({ status, expiresAt: EXPIRES }, new Date(now))).toBe(state);
  });
});
