import type { FollowUp } from '../schema/follow-up.schema';
import { OFFICE_TIME_ZONE, addMonths, type IsoDate } from './dates';
import { compareContacts, isOnOrAfterDay } from './status-as-of';

/** Months after graduation at which every alumnus should be followed up. */
export const FOLLOW_UP_MILESTONE_MONTHS = [3, 6, 12] as const;

/**
 * How early a reached contact may come and still count for a milestone: an officer who
 * finds someone at home three weeks early should not be sent back three weeks later.
 */
const EARLY_GRACE_MONTHS = 1;

/**
 * When this alumnus is next due, or null when nothing is due any more.
 *
 * DESIGN: "due at 3, 6 and 12 months after graduation, or on the date the last contact
 * set, whichever comes first". The rule:
 * - Milestones are graduation + 3, 6 and 12 months (month ends clamp: 31 Aug + 6 months
 *   is the last day of February).
 * - A milestone is covered by a non-voided REACHED follow-up on or after the milestone
 *   minus one month. Failed attempts cover nothing: we still do not know the status.
 * - Candidate 1 is the first uncovered milestone. It is always later than the latest
 *   reached contact's day (otherwise that contact would cover it), so a contact at
 *   month 7 skips the 6-month milestone rather than leaving it overdue forever.
 * - Candidate 2 is the nextFollowUpDate of the latest non-voided follow-up, reached or
 *   not; when that contact set no date, earlier contacts' dates no longer apply.
 * - The result is the earlier candidate; null when there is neither (not graduated and
 *   no date set, or every milestone covered and no date set).
 * `graduationDate` is null for people who have not graduated; the caller decides that.
 */
export function nextDueDate(
  graduationDate: IsoDate | null,
  followUps: readonly FollowUp[],
  timeZone = OFFICE_TIME_ZONE,
): IsoDate | null {
  let latest: FollowUp | undefined;
  let latestReached: FollowUp | undefined;
  for (const followUp of followUps) {
    if (followUp.voidedAt !== null) continue;
    if (latest === undefined || compareContacts(followUp, latest) > 0) latest = followUp;
    if (followUp.reached && (latestReached === undefined || compareContacts(followUp, latestReached) > 0)) {
      latestReached = followUp;
    }
  }

  const candidates: IsoDate[] = [];
  const milestone = graduationDate === null ? null : firstUncoveredMilestone(graduationDate, latestReached, timeZone);
  if (milestone !== null) candidates.push(milestone);
  if (latest?.nextFollowUpDate) candidates.push(latest.nextFollowUpDate);
  return candidates.reduce<IsoDate | null>((earliest, date) => (earliest === null || date < earliest ? date : earliest), null);
}

/**
 * Only the latest reached contact matters: if any reached contact falls in or after a
 * milestone's window, the latest one does too.
 */
function firstUncoveredMilestone(
  graduationDate: IsoDate,
  latestReached: FollowUp | undefined,
  timeZone: string,
): IsoDate | null {
  for (const months of FOLLOW_UP_MILESTONE_MONTHS) {
    const milestone = addMonths(graduationDate, months);
    const windowOpens = addMonths(milestone, -EARLY_GRACE_MONTHS);
    const covered = latestReached !== undefined && isOnOrAfterDay(latestReached.contactedAt, windowOpens, timeZone);
    if (!covered) return milestone;
  }
  return null;
}

export type DueState = 'overdue' | 'due-today' | 'upcoming' | 'none';

/** Where a due date stands on `today` (a day in the office's zone); overdue items lead the list. */
export function dueState(due: IsoDate | null, today: IsoDate): DueState {
  if (due === null) return 'none';
  if (due < today) return 'overdue';
  return due === today ? 'due-today' : 'upcoming';
}
