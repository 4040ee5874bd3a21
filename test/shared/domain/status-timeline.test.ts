import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICE_TIME_ZONE, addDays, dateInZone } from '../../../src/shared/domain/dates';
import { decidingContact, statusAsOf } from '../../../src/shared/domain/status-as-of';
import { statusFromTimeline, statusTimeline, statusTimelineExtended, type StatusStep, type TimelineContact } from '../../../src/shared/domain/status-timeline';
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

/**
 * Instants on a few consecutive days, often a millisecond either side of office midnight
 * (16:00Z in Makassar) and of UTC midnight, written in UTC or with the office's offset.
 */
const FIRST_DAY_MS = Date.parse('2024-06-28T00:00:00Z');
const TIMES_OF_DAY_MS = [0, 1, 2 * 3_600_000, 16 * 3_600_000 - 1, 16 * 3_600_000, 16 * 3_600_000 + 1, 24 * 3_600_000 - 1];
const anInstant = fc
  .record({ day: fc.integer({ min: 0, max: 4 }), time: fc.constantFrom(...TIMES_OF_DAY_MS), withOffset: fc.boolean() })
  .map(({ day, time, withOffset }) => {
    const utc = new Date(FIRST_DAY_MS + day * 86_400_000 + time).toISOString();
    if (!withOffset) return utc;
    return `${new Date(Date.parse(utc) + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
  });
const aHistoryContact: fc.Arbitrary<TimelineContact> = fc
  .record({
    // Few ids, so even contacts equal in time and creation, ordered by id alone, happen.
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    contactedAt: anInstant,
    createdAt: anInstant,
    reached: fc.boolean(),
    // A reached self-report may carry no status: an attempt, as decidingContact reads it.
    status: fc.constantFrom<AlumnusStatus | null>('employed', 'business', 'seeking', null),
    voided: fc.boolean(),
    channel: fc.constantFrom<TimelineContact['channel']>('phone', 'whatsapp', 'visit', 'self-report'),
  })
  .map(({ reached, status, voided, ...facts }) => ({ ...facts, reached, status: reached ? status : null, voidedAt: voided ? '2024-12-01T00:00:00Z' : null }));

/**
 * A history where some contacts come again under the same id, time and creation with
 * another finding: compareContacts cannot order such twins, and decidingContact keeps
 * the first of them it reads.
 */
const aHistory = fc
  .tuple(
    fc.array(aHistoryContact, { maxLength: 12 }),
    fc.array(fc.record({ of: fc.nat(), status: fc.constantFrom<AlumnusStatus>('employed', 'business', 'seeking'), channel: fc.constantFrom<TimelineContact['channel']>('phone', 'self-report') }), { maxLength: 4 }),
  )
  .map(([contacts, twins]) => {
    const all = [...contacts];
    for (const { of, status, channel } of twins) {
      const original = contacts[of % Math.max(contacts.length, 1)];
      if (original !== undefined) all.splice(of % (all.length + 1), 0, { ...original, reached: true, status, channel });
    }
    return all;
  });

/** The timeline by its definition: statusAsOf and decidingContact asked on every contact day. */
function timelineByEveryDay(contacts: readonly TimelineContact[], timeZone: string): StatusStep[] {
  const days = [...new Set(contacts.filter((c) => c.voidedAt === null).map((c) => dateInZone(c.contactedAt, timeZone)))].sort();
  const steps: StatusStep[] = [];
  for (const day of days) {
    const status = statusAsOf(contacts, day, timeZone);
    if (status === 'never-contacted') throw new Error(`${day} is a contact day`);
    const selfReported = decidingContact(contacts, day, timeZone).deciding?.channel === 'self-report';
    const last = steps.at(-1);
    if (last?.status !== status || last.selfReported !== selfReported) steps.push({ day, status, selfReported });
  }
  return steps;
}

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

  it('gives the steps of statusAsOf asked on every contact day, in any order of contacts (property)', () => {
    fc.assert(
      fc.property(aHistory, fc.constantFrom(OFFICE_TIME_ZONE, 'UTC', 'America/Sao_Paulo'), (contacts, timeZone) => {
        const expected = timelineByEveryDay(contacts, timeZone);
        expect(statusTimeline(contacts, timeZone)).toEqual(expected);
        expect(statusTimeline([...contacts].reverse(), timeZone)).toEqual(timelineByEveryDay([...contacts].reverse(), timeZone));
      }),
      { numRuns: 1000, seed: 23 },
    );
  });

  it('goes on from the steps of earlier contacts with later ones as from all of them (property)', () => {
    fc.assert(
      fc.property(aHistory, fc.nat(), fc.constantFrom(OFFICE_TIME_ZONE, 'UTC', 'America/Sao_Paulo'), (contacts, cut, timeZone) => {
        // Split at one contact's instant: those up to it are stored, the ones after are logged now.
        const times = [...new Set(contacts.map((c) => Date.parse(c.contactedAt)))].sort((a, b) => a - b);
        const until = times.length === 0 ? -Infinity : (times[cut % (times.length + 1)] ?? -Infinity);
        const stored = contacts.filter((c) => Date.parse(c.contactedAt) <= until);
        const later = contacts.filter((c) => Date.parse(c.contactedAt) > until);
        expect(statusTimelineExtended(statusTimeline(stored, timeZone), later, timeZone)).toEqual(statusTimeline(contacts, timeZone));
      }),
      { numRuns: 1000, seed: 29 },
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
