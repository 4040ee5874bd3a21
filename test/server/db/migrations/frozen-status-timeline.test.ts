import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statusTimeline20261206 } from '../../../../src/server/db/migrations/frozen/status-timeline-2026-12-06';
import { statusTimeline, type TimelineContact } from '../../../../src/shared/domain/status-timeline';
import type { AlumnusStatus } from '../../../../src/shared/schema';
import { aFollowUp } from '../../../fixtures/builders';

/*
 * The status-steps migration fills the table with a frozen copy of the timeline rule.
 * Today the copy and the live rule must agree. Should this fail after the live rule
 * changed, the change is real for every install's stored steps: add a migration that
 * rebuilds them with a new frozen copy of the new rule, and compare that one here.
 */

// Instants around office midnight (16:00Z in Makassar), written both ways the app stores them, so
// day edges and same-minute ties happen often; a few ids so ties fall through to the id.
const INSTANTS = ['2024-06-30T15:59:59Z', '2024-06-30T16:00:00.000Z', '2024-06-30T16:00:00Z', '2024-07-15T02:00:00Z', '2024-09-01T02:00:00Z', '2024-09-01T20:00:00.000Z'];
const IDS = ['0a', '0b', '1f', 'f0'];
const contact: fc.Arbitrary<TimelineContact> = fc
  .record({
    id: fc.constantFrom(...IDS),
    contactedAt: fc.constantFrom(...INSTANTS),
    createdAt: fc.constantFrom(...INSTANTS),
    reached: fc.boolean(),
    status: fc.constantFrom<AlumnusStatus>('employed', 'business', 'seeking'),
    voided: fc.boolean(),
    channel: fc.constantFrom('phone', 'visit', 'whatsapp', 'self-report'),
  })
  .map(({ reached, status, voided, ...rest }) =>
    aFollowUp({ ...rest, reached, status: reached ? status : null, voidedAt: voided ? '2024-12-01T00:00:00Z' : null }),
  );

describe('the frozen status timeline of 2026-12-06', () => {
  it('gives the live rule’s steps on random histories (property)', () => {
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 10 }), (contacts) => {
        expect(statusTimeline20261206(contacts)).toEqual(statusTimeline(contacts));
      }),
      { numRuns: 1000, seed: 1206 },
    );
  });

  it('marks a self-reported status and drops a voided contact', () => {
    const steps = statusTimeline20261206([
      aFollowUp({ contactedAt: '2024-07-01T02:00:00Z', reached: true, status: 'seeking', channel: 'phone' }),
      aFollowUp({ contactedAt: '2024-07-20T02:00:00Z', reached: true, status: 'business', channel: 'self-report' }),
      aFollowUp({ contactedAt: '2024-08-01T02:00:00Z', reached: true, status: 'employed', channel: 'phone', voidedAt: '2024-08-02T00:00:00Z' }),
    ]);
    expect(steps).toEqual([
      { day: '2024-07-01', status: 'seeking', selfReported: false },
      { day: '2024-07-20', status: 'business', selfReported: true },
    ]);
  });
});
