import type { FollowUp } from '../schema/follow-up.schema';
import { OFFICE_TIME_ZONE, dateInZone, type IsoDate } from './dates';
import { compareContacts, type ContactFacts, type StatusAsOf } from './status-as-of';

export type TimelineContact = ContactFacts & Pick<FollowUp, 'channel'>;

/**
 * From `day` on (office calendar day), until the next step, one person's status as
 * `statusAsOf` reads it, and whether the contact that gave it was the alumnus's own
 * self-report. Before the first step a person was never contacted.
 */
export type StatusStep = { day: IsoDate; status: Exclude<StatusAsOf, 'never-contacted'>; selfReported: boolean };

/**
 * One person's status over time, as steps: the server keeps these per person with each
 * write so a report as of any day reads one step per person instead of every contact.
 * The status only changes on a day someone was contacted, so the steps are `statusAsOf`
 * evaluated on each contact day — `decidingContact` stays the one definition — keeping
 * only the days where the answer changes.
 *
 * Evaluated in one sweep (`statusTimelineExtended` from no earlier steps) rather than
 * a `decidingContact` per day: every contact counted by a day is still counted by any
 * later day, so the contact deciding day D is the deciding one of the day before or one
 * contacted on D, whichever `compareContacts` puts later; and every contact day was
 * attempted. A person with years of contacts then
 * costs one office-day reading per contact instead of one per contact and day.
 */
export function statusTimeline(followUps: readonly TimelineContact[], timeZone = OFFICE_TIME_ZONE): StatusStep[] {
  return statusTimelineExtended([], followUps, timeZone);
}

/**
 * `statusTimeline` of a person's contacts and `later` ones, from the steps of the former
 * alone: every contact of `later` must be strictly later (`contactedAt`) than every
 * contact the steps came from, as a phone's newly logged contacts nearly always are. The
 * status of the last step is then what those contacts decided (a contact deciding it is
 * earlier than any of `later`, so any reached one of them decides after it), and they
 * touch no day before the first of `later`: the steps before that day stand and the
 * sweep goes on from there. A property test holds it equal to `statusTimeline` over all
 * the contacts (test/shared/domain/status-timeline.test.ts).
 */
export function statusTimelineExtended(steps: readonly StatusStep[], later: readonly TimelineContact[], timeZone = OFFICE_TIME_ZONE): StatusStep[] {
  const byDay = later
    .filter((f) => f.voidedAt === null)
    .map((contact) => ({ contact, day: dateInZone(contact.contactedAt, timeZone) }))
    // Stable: contacts that tie in compareContacts keep their given order, as decidingContact reads them.
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const first = byDay[0];
  if (first === undefined) return [...steps];
  const before = steps.at(-1);
  // What the earlier contacts decided: a status, or nothing (unreachable, or no contact).
  let decided: Pick<StatusStep, 'status' | 'selfReported'> | undefined = before?.status === 'unreachable' ? undefined : before;
  let deciding: TimelineContact | undefined;
  const extended = steps.filter((step) => step.day < first.day);
  for (const [index, { contact, day }] of byDay.entries()) {
    // The schema guarantees a status on reached follow-ups; one without is only an attempt.
    if (contact.reached && contact.status !== null && (deciding === undefined || compareContacts(contact, deciding) > 0)) {
      deciding = contact;
      decided = { status: contact.status, selfReported: contact.channel === 'self-report' };
    }
    if (byDay[index + 1]?.day === day) continue;
    const status = decided?.status ?? 'unreachable';
    const selfReported = decided?.selfReported ?? false;
    const last = extended.at(-1);
    if (last?.status === status && last.selfReported === selfReported) continue;
    extended.push({ day, status, selfReported });
  }
  return extended;
}

/** The status as of `asOf` read from a timeline: the last step on or before that day. */
export function statusFromTimeline(steps: readonly StatusStep[], asOf: IsoDate): StatusAsOf {
  return stepAsOf(steps, asOf)?.status ?? 'never-contacted';
}

/** The step in force on `asOf` (steps are in day order), undefined before the first contact. */
export function stepAsOf(steps: readonly StatusStep[], asOf: IsoDate): StatusStep | undefined {
  let found: StatusStep | undefined;
  for (const step of steps) {
    if (step.day > asOf) break;
    found = step;
  }
  return found;
}
