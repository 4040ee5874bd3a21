import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInZone } from '../../../src/shared/domain/dates';
import { isOnOrAfterDay, statusAsOf, type StatusAsOf } from '../../../src/shared/domain/status-as-of';
import type { AlumnusStatus, FollowUp } from '../../../src/shared/schema';
import { aFollowUp, anId } from '../../fixtures/builders';

const ALUMNUS = anId();

function reached(status: AlumnusStatus, contactedAt: string, extra: Partial<FollowUp> = {}): FollowUp {
  return aFollowUp({ alumnusId: ALUMNUS, reached: true, status, contactedAt, ...extra });
}

function attempt(contactedAt: string, extra: Partial<FollowUp> = {}): FollowUp {
  return aFollowUp({ alumnusId: ALUMNUS, reached: false, contactedAt, ...extra });
}

const VOIDED = { voidedAt: '2024-07-02T00:00:00.000Z' };

describe('statusAsOf', () => {
  it.each<[string, FollowUp[], string, StatusAsOf]>([
    ['no follow-ups', [], '2024-08-31', 'never-contacted'],
    ['one reached contact', [reached('seeking', '2024-07-01T02:00:00Z')], '2024-08-31', 'seeking'],
    ['the latest reached contact wins', [
      reached('business', '2024-08-01T02:00:00Z'),
      reached('seeking', '2024-05-01T02:00:00Z'),
    ], '2024-08-31', 'business'],
    ['a contact after the as-of date does not count', [
      reached('seeking', '2024-05-01T02:00:00Z'),
      reached('employed', '2024-09-01T02:00:00Z'),
    ], '2024-08-31', 'seeking'],
    ['only contacts after the as-of date: never contacted then', [
      reached('employed', '2024-09-01T02:00:00Z'),
    ], '2024-08-31', 'never-contacted'],
    ['a contact on the as-of day counts', [reached('business', '2024-08-31T10:00:00Z')], '2024-08-31', 'business'],
    ['late on D in UTC is already D+1 in Makassar, after the as-of day', [
      reached('seeking', '2024-05-01T02:00:00Z'),
      reached('employed', '2024-08-31T16:30:00Z'),
    ], '2024-08-31', 'seeking'],
    ['just before midnight in Makassar is still D', [
      reached('employed', '2024-08-31T15:59:59Z'),
    ], '2024-08-31', 'employed'],
    ['an instant with an explicit +08:00 offset', [
      reached('employed', '2024-09-01T00:10:00+08:00'),
    ], '2024-08-31', 'never-contacted'],
    ['a voided reached contact never counts', [
      reached('seeking', '2024-05-01T02:00:00Z'),
      reached('employed', '2024-07-01T02:00:00Z', VOIDED),
    ], '2024-08-31', 'seeking'],
    ['a voided contact alone leaves the person never contacted', [
      reached('employed', '2024-07-01T02:00:00Z', VOIDED),
    ], '2024-08-31', 'never-contacted'],
    ['a voided attempt is not an attempt', [attempt('2024-07-01T02:00:00Z', VOIDED)], '2024-08-31', 'never-contacted'],
    ['only failed attempts: unreachable', [
      attempt('2024-06-01T02:00:00Z'),
      attempt('2024-07-01T02:00:00Z'),
    ], '2024-08-31', 'unreachable'],
    ['reached then unreached stays at the reached status', [
      reached('business', '2024-06-01T02:00:00Z'),
      attempt('2024-07-01T02:00:00Z'),
    ], '2024-08-31', 'business'],
    ['an attempt before the date and a reach after it', [
      attempt('2024-06-01T02:00:00Z'),
      reached('employed', '2024-09-02T02:00:00Z'),
    ], '2024-08-31', 'unreachable'],
    ['same contactedAt: the later createdAt wins', [
      reached('employed', '2024-07-01T02:00:00Z', { createdAt: '2024-07-03T00:00:00.000Z' }),
      reached('seeking', '2024-07-01T02:00:00Z', { createdAt: '2024-07-02T00:00:00.000Z' }),
    ], '2024-08-31', 'employed'],
    ['same contactedAt and createdAt: the larger id wins', [
      reached('seeking', '2024-07-01T02:00:00Z', { id: '00000000-0000-4000-8000-00000000000a' }),
      reached('business', '2024-07-01T02:00:00Z', { id: '00000000-0000-4000-8000-00000000000b' }),
    ], '2024-08-31', 'business'],
    ['instants compare as times, not strings', [
      reached('employed', '2024-07-01T09:00:00+08:00'), // 01:00Z
      reached('seeking', '2024-07-01T02:00:00Z'),
    ], '2024-08-31', 'seeking'],
  ])('%s', (_label, followUps, asOf, expected) => {
    expect(statusAsOf(followUps, asOf)).toBe(expected);
  });

  it.each<[string, string, string, StatusAsOf]>([
    ['Makassar (default): 16:30Z is the next day', 'Asia/Makassar', '2024-08-31T16:30:00Z', 'never-contacted'],
    ['Jakarta (UTC+7): 16:30Z is still the day', 'Asia/Jakarta', '2024-08-31T16:30:00Z', 'employed'],
    ['UTC+14: 10:00Z is already the next day', 'Pacific/Kiritimati', '2024-08-31T10:00:00Z', 'never-contacted'],
    ['UTC−11: 10:30Z the next day is still the day', 'Pacific/Pago_Pago', '2024-09-01T10:30:00Z', 'employed'],
    ['New York on the night clocks go back', 'America/New_York', '2024-11-04T04:30:00Z', 'employed'],
  ])('in another zone: %s', (_label, zone, contactedAt, expected) => {
    const asOf = zone === 'America/New_York' ? '2024-11-03' : '2024-08-31';
    expect(statusAsOf([reached('employed', contactedAt)], asOf, zone)).toBe(expected);
  });

  it('does not depend on the order of the follow-ups (property)', () => {
    // Few distinct instants, so ties on contactedAt and createdAt happen often.
    const instants = ['2024-06-30T15:59:59Z', '2024-06-30T16:00:00Z', '2024-07-15T02:00:00Z', '2024-09-01T02:00:00Z'];
    const followUp = fc
      .record({
        contactedAt: fc.constantFrom(...instants),
        createdAt: fc.constantFrom(...instants),
        reached: fc.boolean(),
        status: fc.constantFrom<AlumnusStatus>('employed', 'business', 'seeking'),
        voided: fc.boolean(),
      })
      .map(({ reached: isReached, status, voided, ...times }) =>
        isReached
          ? reached(status, times.contactedAt, { createdAt: times.createdAt, ...(voided ? VOIDED : {}) })
          : attempt(times.contactedAt, { createdAt: times.createdAt, ...(voided ? VOIDED : {}) }),
      );
    const asOf = fc.constantFrom('2024-06-30', '2024-07-01', '2024-08-31', '2024-12-31');
    const withShuffle = fc
      .array(followUp, { maxLength: 8 })
      .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })));
    fc.assert(
      fc.property(withShuffle, asOf, ([list, shuffled], day) => {
        expect(statusAsOf(shuffled, day)).toBe(statusAsOf(list, day));
        expect(statusAsOf([...list].reverse(), day)).toBe(statusAsOf(list, day));
      }),
      { numRuns: 200 },
    );
  });

  it('counts a contact exactly when its day in the zone is on or before asOf (property)', () => {
    const zones = ['Asia/Makassar', 'Asia/Jakarta', 'UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York'];
    const start = Date.parse('2024-10-30T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        fc.constantFrom(...zones),
        fc.constantFrom('2024-10-31', '2024-11-02', '2024-11-03', '2024-11-05'),
        (offset, zone, asOf) => {
          const contactedAt = new Date(start + offset).toISOString();
          const expected = dateInZone(contactedAt, zone) <= asOf ? 'employed' : 'never-contacted';
          expect(statusAsOf([reached('employed', contactedAt)], asOf, zone)).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('isOnOrAfterDay', () => {
  it.each<[string, string, string, boolean]>([
    ['2024-05-29T16:00:00Z', '2024-05-30', 'Asia/Makassar', true],
    ['2024-05-29T15:59:59.999Z', '2024-05-30', 'Asia/Makassar', false],
    ['2024-05-29T16:00:00Z', '2024-05-30', 'Asia/Jakarta', false],
    ['2024-05-28T00:00:00Z', '2024-05-30', 'Pacific/Kiritimati', false],
    ['2024-06-01T00:00:00Z', '2024-05-30', 'Pacific/Pago_Pago', true],
    ['2024-05-30T00:00:00+08:00', '2024-05-30', 'Asia/Makassar', true],
  ])('%s on or after %s in %s: %s', (instant, day, zone, expected) => {
    expect(isOnOrAfterDay(instant, day, zone)).toBe(expected);
  });
});
