import type { AlumnusStatus, FollowUp } from '../schema/follow-up.schema';
import { OFFICE_TIME_ZONE, addDays, dateInZone, type IsoDate } from './dates';

/**
 * What we knew about one alumnus on a given day. DESIGN's "unknown" is split in two
 * because each calls for a different action: 'unreachable' (every attempt up to that day
 * failed: find a new number) and 'never-contacted' (nobody tried yet: go and visit).
 */
export type StatusAsOf = AlumnusStatus | 'unreachable' | 'never-contacted';

/** The fields of a follow-up these rules read, so a report can load only those columns. */
export type ContactFacts = Pick<FollowUp, 'id' | 'contactedAt' | 'createdAt' | 'reached' | 'status' | 'voidedAt'>;

/**
 * The status of the latest reached follow-up whose contact day (in `timeZone`) is on or
 * before `asOf`. `followUps` are one alumnus's, in any order. Voided follow-ups never
 * count: a void corrects a mistake, so the report must read as if it never happened.
 * A later failed attempt does not erase what an earlier reached one found.
 */
export function statusAsOf(
  followUps: readonly ContactFacts[],
  asOf: IsoDate,
  timeZone = OFFICE_TIME_ZONE,
): StatusAsOf {
  const { deciding, attempted } = decidingContact(followUps, asOf, timeZone);
  if (deciding?.status) return deciding.status;
  return attempted ? 'unreachable' : 'never-contacted';
}

/**
 * The contact that decides `statusAsOf` (the latest reached one with a status by
 * `asOf`), and whether anyone tried by then. Exposed so the status timeline can say
 * which contact, and through which channel, gave a status.
 */
export function decidingContact<F extends ContactFacts>(
  followUps: readonly F[],
  asOf: IsoDate,
  timeZone = OFFICE_TIME_ZONE,
): { deciding: F | undefined; attempted: boolean } {
  const counts = contactedBy(asOf, timeZone);
  let deciding: F | undefined;
  let attempted = false;
  for (const followUp of followUps) {
    if (followUp.voidedAt !== null || !counts(followUp.contactedAt)) continue;
    attempted = true;
    // The schema guarantees a status on reached follow-ups; one without is only an attempt.
    if (!followUp.reached || followUp.status === null) continue;
    if (deciding === undefined || compareContacts(followUp, deciding) > 0) deciding = followUp;
  }
  return { deciding, attempted };
}

/**
 * Orders follow-ups by when the contact happened, then by createdAt and id, so two
 * contacts logged for the same minute on two offline phones always resolve the same way.
 * Instants are compared as numbers: offsets other than Z would break string order.
 */
export function compareContacts(a: ContactFacts, b: ContactFacts): number {
  return (
    Date.parse(a.contactedAt) - Date.parse(b.contactedAt) ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const DAY_MS = 86_400_000;

/**
 * Whether an instant falls on or after `day` in `timeZone`, without formatting every
 * instant: building an Intl.DateTimeFormat (inside dateInZone) costs ~0.2 ms, and a
 * report or worklist walks thousands of follow-ups on a phone. Every zone's offset is
 * under a day, so an instant more than a day from UTC midnight starting `day` is settled
 * by arithmetic alone; only the few in between ask dateInZone, which keeps the answer
 * exact even on nights when clocks change.
 */
export function isOnOrAfterDay(instant: string, day: IsoDate, timeZone: string): boolean {
  const time = Date.parse(instant);
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  if (time >= midnightUtc + DAY_MS) return true;
  if (time < midnightUtc - DAY_MS) return false;
  return dateInZone(instant, timeZone) >= day;
}

/** "Contacted on or before day D in this zone" is "not on or after D + 1". */
function contactedBy(asOf: IsoDate, timeZone: string): (contactedAt: string) => boolean {
  const dayAfter = addDays(asOf, 1);
  return (contactedAt) => !isOnOrAfterDay(contactedAt, dayAfter, timeZone);
}
