import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_MILESTONE_MONTHS, dueState, nextDueDate, type DueState } from '../../../src/shared/domain/due-date';
import type { FollowUp } from '../../../src/shared/schema';
import { aFollowUp, anId } from '../../fixtures/builders';

const ALUMNUS = anId();
const VOIDED = { voidedAt: '2024-12-31T00:00:00.000Z' };

/** A reached contact at 10:00 in Makassar on `day`. */
function reachedOn(day: string, extra: Partial<FollowUp> = {}): FollowUp {
  return aFollowUp({ alumnusId: ALUMNUS, reached: true, contactedAt: `${day}T02:00:00Z`, ...extra });
}

function attemptOn(day: string, extra: Partial<FollowUp> = {}): FollowUp {
  return aFollowUp({ alumnusId: ALUMNUS, reached: false, contactedAt: `${day}T02:00:00Z`, ...extra });
}

// Graduated 30 Mar 2024: milestones 30 Jun 2024, 30 Sep 2024, 30 Mar 2025;
// each is covered by a reach from a month before it (30 May, 30 Aug, 28 Feb 2025).
const GRADUATED = '2024-03-30';

describe('nextDueDate', () => {
  it('uses 3, 6 and 12 months', () => {
    expect(FOLLOW_UP_MILESTONE_MONTHS).toEqual([3, 6, 12]);
  });

  it.each<[string, string | null, FollowUp[], string | null]>([
    ['not graduated, nothing set', null, [], null],
    ['not graduated, a date set by the last contact', null, [attemptOn('2024-04-10', { nextFollowUpDate: '2024-05-01' })], '2024-05-01'],
    ['graduated, never contacted: the 3-month milestone', GRADUATED, [], '2024-06-30'],
    ['31 Aug + 3 months is 30 Nov', '2024-08-31', [], '2024-11-30'],
    ['31 Aug + 6 months is the end of February (after the 3-month one is covered)', '2024-08-31', [reachedOn('2024-11-20')], '2025-02-28'],
    ['31 Aug 2023 + 6 months is 29 Feb in a leap year', '2023-08-31', [reachedOn('2023-11-20')], '2024-02-29'],
    ['reached three weeks early covers the milestone', GRADUATED, [reachedOn('2024-06-10')], '2024-09-30'],
    ['reached exactly a month early covers it', GRADUATED, [reachedOn('2024-05-30')], '2024-09-30'],
    ['reached more than a month early does not', GRADUATED, [reachedOn('2024-05-29')], '2024-06-30'],
    ['late on 29 May UTC is 30 May in Makassar: covered', GRADUATED,
      [aFollowUp({ alumnusId: ALUMNUS, contactedAt: '2024-05-29T16:30:00Z' })], '2024-09-30'],
    ['23:30 on 29 May in Makassar: not covered', GRADUATED,
      [aFollowUp({ alumnusId: ALUMNUS, contactedAt: '2024-05-29T15:30:00Z' })], '2024-06-30'],
    ['an unreached attempt covers nothing (stays overdue)', GRADUATED, [attemptOn('2024-07-01')], '2024-06-30'],
    ['reached after the 6-month milestone skips the missed ones', GRADUATED, [reachedOn('2024-10-05')], '2025-03-30'],
    ['reached on the 6-month window covers 3 and 6', GRADUATED, [reachedOn('2024-08-30')], '2025-03-30'],
    ['all milestones covered, nothing set', GRADUATED, [reachedOn('2024-06-30'), reachedOn('2024-09-30'), reachedOn('2025-03-01')], null],
    ['all milestones covered, a date set', GRADUATED, [reachedOn('2025-03-01', { nextFollowUpDate: '2025-09-01' })], '2025-09-01'],
    ['a set date earlier than the milestone wins', GRADUATED, [reachedOn('2024-06-10', { nextFollowUpDate: '2024-08-01' })], '2024-08-01'],
    ['a milestone earlier than the set date wins', GRADUATED, [reachedOn('2024-06-10', { nextFollowUpDate: '2024-12-01' })], '2024-09-30'],
    ['an unreached last contact still sets the date', GRADUATED,
      [reachedOn('2024-06-10'), attemptOn('2024-07-01', { nextFollowUpDate: '2024-07-10' })], '2024-07-10'],
    ['only the last contact\'s date applies', GRADUATED,
      [reachedOn('2024-06-10', { nextFollowUpDate: '2024-07-01' }), reachedOn('2024-06-20')], '2024-09-30'],
    ['a set date in the past is still the answer (overdue)', GRADUATED,
      [attemptOn('2024-04-05', { nextFollowUpDate: '2024-04-06' })], '2024-04-06'],
    ['a voided reach covers nothing', GRADUATED, [reachedOn('2024-06-10', VOIDED)], '2024-06-30'],
    ['a voided last contact\'s date is ignored', GRADUATED,
      [reachedOn('2024-06-10', { nextFollowUpDate: '2024-12-01' }), attemptOn('2024-07-01', { ...VOIDED, nextFollowUpDate: '2024-07-02' })],
      '2024-09-30'],
    ['order of the input does not matter', GRADUATED,
      [attemptOn('2024-07-01', { nextFollowUpDate: '2024-07-10' }), reachedOn('2024-06-10', { nextFollowUpDate: '2024-12-01' })], '2024-07-10'],
  ])('%s', (_label, graduationDate, followUps, expected) => {
    expect(nextDueDate(graduationDate, followUps)).toBe(expected);
  });

  it('reads contact days in the zone it is given', () => {
    // 15:30Z on 29 May is 29 May in Jakarta (UTC+7) but 30 May in Kiritimati (UTC+14).
    const early = [aFollowUp({ alumnusId: ALUMNUS, contactedAt: '2024-05-29T15:30:00Z' })];
    expect(nextDueDate(GRADUATED, early, 'Asia/Jakarta')).toBe('2024-06-30');
    expect(nextDueDate(GRADUATED, early, 'Pacific/Kiritimati')).toBe('2024-09-30');
  });
});

describe('dueState', () => {
  it.each<[string | null, string, DueState]>([
    [null, '2024-07-01', 'none'],
    ['2024-06-30', '2024-07-01', 'overdue'],
    ['2023-12-31', '2024-01-01', 'overdue'],
    ['2024-07-01', '2024-07-01', 'due-today'],
    ['2024-07-02', '2024-07-01', 'upcoming'],
  ])('due %s on %s is %s', (due, today, expected) => {
    expect(dueState(due, today)).toBe(expected);
  });
});
