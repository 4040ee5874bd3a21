import type { SelfReportCoverage } from '../api/reports.api';
import type { FollowUp } from '../schema/follow-up.schema';
import type { SelfReportLink } from '../schema/self-report-link.schema';
import { peopleAsOf, type AbsorptionInput } from './absorption';
import { OFFICE_TIME_ZONE, addDays, type IsoDate } from './dates';
import { compareContacts, isOnOrAfterDay, type ContactFacts } from './status-as-of';

export type CoverageFollowUp = ContactFacts & Pick<FollowUp, 'alumnusId' | 'channel'>;
export type CoverageLink = Pick<SelfReportLink, 'alumnusId' | 'createdAt' | 'answeredAt' | 'withdrawnAt'>;

export type CoverageInput = Pick<AbsorptionInput, 'cohorts' | 'enrollments' | 'asOf' | 'timeZone'> & {
  followUps: readonly CoverageFollowUp[];
  links: readonly CoverageLink[];
};

/**
 * How much of a report the alumni told themselves, as of a day, over the report's
 * people (everyone trained in a cohort started by then):
 * - `statuses`: graduates whose status as of the day (the latest reached, unvoided
 *   contact with a status, as `statusAsOf` reads it) came from a self-report link;
 * - `linksSent`: links made by the day and not withdrawn by then;
 * - `linksAnswered`: of those, the ones answered by the day.
 * Days are the office's calendar days, as everywhere in the report.
 */
export function selfReportCoverage(input: CoverageInput): SelfReportCoverage {
  const { asOf, timeZone = OFFICE_TIME_ZONE } = input;
  const { trained, graduated } = peopleAsOf(input);
  const dayAfter = addDays(asOf, 1);
  const byDay = (instant: string | null) => instant !== null && !isOnOrAfterDay(instant, dayAfter, timeZone);

  const deciding = new Map<string, CoverageFollowUp>();
  for (const followUp of input.followUps) {
    if (!graduated.has(followUp.alumnusId) || followUp.voidedAt !== null || !followUp.reached || followUp.status === null) continue;
    if (!byDay(followUp.contactedAt)) continue;
    const latest = deciding.get(followUp.alumnusId);
    if (latest === undefined || compareContacts(followUp, latest) > 0) deciding.set(followUp.alumnusId, followUp);
  }
  let statuses = 0;
  for (const followUp of deciding.values()) if (followUp.channel === 'self-report') statuses += 1;

  return { statuses, ...linkCoverage(input.links.filter((link) => trained.has(link.alumnusId)), asOf, timeZone) };
}

/** Of `links` (already narrowed to the report's people), those sent by `asOf` and not withdrawn by then, and of them those answered by then. */
export function linkCoverage(links: readonly CoverageLink[], asOf: IsoDate, timeZone = OFFICE_TIME_ZONE): Omit<SelfReportCoverage, 'statuses'> {
  const dayAfter = addDays(asOf, 1);
  const byDay = (instant: string | null) => instant !== null && !isOnOrAfterDay(instant, dayAfter, timeZone);
  let linksSent = 0;
  let linksAnswered = 0;
  for (const link of links) {
    if (!byDay(link.createdAt) || byDay(link.withdrawnAt)) continue;
    linksSent += 1;
    if (byDay(link.answeredAt)) linksAnswered += 1;
  }
  return { linksSent, linksAnswered };
}
