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
 * Evaluated in one sweep rather than a `decidingContact` per day: every contact counted
 * by a day is still counted by any later day, so the contact deciding day D is the
 * deciding one of the day before or one contacted on D, whichever `compareContacts`
 * puts later; and every contact day was attempted. A person with years of contacts then
 * costs one office-day reading per contact instead of one per contact and day.
 */
export function statusTimeline(followUps: readonly TimelineContact[], timeZone = OFFICE_TIME_ZONE): StatusStep[] {
  const byDay = followUps
    .filter((f) => f.voidedAt === null)
    .map((contact) => ({ contact, day: dateInZone(contact.contactedAt, timeZone) }))
    // Stable: contacts that tie in compareContacts keep their given order, as decidingContact reads them.
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const steps: StatusStep[] = [];
  let deciding: TimelineContact | undefined;
  for (const [index, { contact, day }] of byDay.entries()) {
    // The schema guarantees a status on reached follow-ups; one without is only an attempt.
    if (contact.reached && contact.status !== null && (deciding === undefined || compareContacts(contact, deciding) > 0)) deciding = contact;
    if (byDay[index + 1]?.day === day) continue;
    const status = deciding?.status ?? 'unreachable';
    const selfReported = deciding?.channel === 'self-report';
    const last = steps.at(-1);
    if (last?.status === status && last.selfReported === selfReported) continue;
    steps.push({ day, status, selfReported });
  }
  return steps;
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
