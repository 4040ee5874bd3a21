import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/shared/domain/dates';
import { decidingContact, statusAsOf } from '../../../src/shared/domain/status-as-of';
import { statusFromTimeline, statusTimeline, type TimelineContact } from '../../../src/shared/domain/status-timeline';
import type { AlumnusStatus } from '../../../src/shared/schema';
import { aFollowUp } from '../../fixtures/builders';

// Few instants, around office midnight (16:00Z in Makassar), so ties and day edges happen often.
const INSTANTS = ['2024-06-30T15:59:59Z', '2024-06-30T16:00:00Z', '2024-07-15T02:00:00Z', '2024-09-01T02:00:00Z', '2024-09-01T20:00:00Z'];
const contact: fc.Arbitrary<TimelineContact> = fc
  .record({
    contactedAt: fc.constantFrom(...INSTANTS),
    createdAt: fc.constantFrom(...INSTANTS),
    reached: fc.boolean(),
    status: fc.constantFrom<AlumnusStatus>('employed', 'business', 'seeking'),
    voided: fc.boolean(),
    selfReport: fc.boolean(),
  })
  .map(({ reached, status, voided, selfReport, ...times }) =>
    aFollowUp({
      ...times,
      reached,
      status: reached ? status : null,
      channel: selfReport ? 'self-report' : 'phone',
      voidedAt: voided ? '2024-12-01T00:00:00Z' : null,
    }),
  );

describe('statusTimeline', () => {
  it('reads the same status as statusAsOf on every day (property)', () => {
    const days = ['2024-06-29', '2024-06-30', '2024-07-01', '2024-07-15', '2024-08-31', '2024-09-01', '2024-09-02'];
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 8 }), (contacts) => {
        const steps = statusTimeline(contacts);
        for (const day of days) {
          expect(statusFromTimeline(steps, day)).toBe(statusAsOf(contacts, day));
          const step = steps.filter((s) => s.day <= day).at(-1);
          expect(step?.selfReported ?? false).toBe(decidingContact(contacts, day).deciding?.channel === 'self-report');
        }
      }),
      { numRuns: 300, seed: 19 },
    );
  });

  it('keeps only the days where the answer changes', () => {
    const steps = statusTimeline([
      aFollowUp({ contactedAt: '2024-07-01T02:00:00Z', reached: true, status: 'seeking', channel: 'phone' }),
      aFollowUp({ contactedAt: '2024-07-05T02:00:00Z', reached: false, status: null, channel: 'phone' }),
      aFollowUp({ contactedAt: '2024-08-01T02:00:00Z', reached: true, status: 'employed', channel: 'phone' }),
    ]);
    expect(steps).toEqual([
      { day: '2024-07-01', status: 'seeking', selfReported: false },
      { day: '2024-08-01', status: 'employed', selfReported: false },
    ]);
    expect(statusFromTimeline(steps, addDays('2024-07-01', -1))).toBe('never-contacted');
  });
});
