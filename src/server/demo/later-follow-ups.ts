import { addDays, addMonths, type IsoDate } from '../../shared/domain/dates';
import { nextDueDate } from '../../shared/domain/due-date';
import { statusAsOf } from '../../shared/domain/status-as-of';
import type { FollowUp } from '../../shared/schema';
import { daysBetween, workdayOnOrAfter } from './clock';
import type { Finding, FollowUpWriter, Trainee } from './follow-up-writer';
import { unreachedReason } from './follow-ups';
import type { Rng } from './random';

/** The first working Monday of 2025: the office picks the follow-ups up after the new year. */
const RESUMED_ON: IsoDate = '2025-01-06';
/** Share of 3- and 6-month milestones the office leaves to the 12-month tracer round. */
const TRACER_SHARE = 0.85;
/** Most due people are reached within weeks; the rest wait for a quieter month. */
const ON_TIME_SHARE = 0.7;
/** After this many failed attempts in a row the officer stops trying for half a year. */
const MAX_ATTEMPTS = 3;
/**
 * Contacts per person after 2024, at most: the office's four officers cannot call 1,300
 * people at every milestone, and every contact is a record each device downloads.
 */
const MAX_CONTACTS = 8;

type Current = 'employed' | 'business' | 'seeking' | 'unknown';

/**
 * The follow-ups from January 2025 up to the day before `today`, at the office's usual
 * pace: each graduate is contacted when the shared due-date rule says so (3, 6 and 12
 * months after graduation, or the date the last contact set), most within a few weeks
 * of it, some months late. After the 12-month milestone the office keeps a yearly
 * tracer contact with people in work or business and a half-yearly one with those still
 * seeking; two years on, settled people leave the list. What is due but not yet done on
 * `today` is the worklist's overdue group, the rest its "this week" and "later".
 *
 * `graduates` holds one entry per person (their latest graduation); `history` their
 * contacts so far. Returns the new records in contact order.
 */
export function writeLaterFollowUps(
  rng: Rng,
  writer: FollowUpWriter,
  graduates: readonly Trainee[],
  history: readonly FollowUp[],
  today: IsoDate,
): FollowUp[] {
  const byPerson = new Map<string, FollowUp[]>();
  for (const record of history) {
    const list = byPerson.get(record.alumnusId);
    if (list) list.push(record);
    else byPerson.set(record.alumnusId, [record]);
  }
  const written: FollowUp[] = [];
  for (const person of graduates) {
    const contacts = [...(byPerson.get(person.alumnus.id) ?? [])];
    let current: Current = currentStatus(contacts);
    let failures = 0;
    let last = addDays(RESUMED_ON, -1);
    for (let n = 0; n < MAX_CONTACTS; n += 1) {
      const due = nextDueDate(person.graduationDate, contacts);
      if (due === null) break;
      const lag = rng.chance(ON_TIME_SHARE) ? rng.int(-5, 21) : rng.int(30, 120);
      // An early milestone is mostly left for the yearly tracer round (11–13 months after
      // graduation), whose one contact covers it too; the 2024 backlog otherwise goes
      // over the first quarter, not all in one January.
      const tracer = addMonths(person.graduationDate, 11);
      const wanted =
        due < tracer && rng.chance(TRACER_SHARE) ? addDays(tracer, rng.int(0, 45))
        : due < RESUMED_ON ? addDays(RESUMED_ON, rng.int(0, 80))
        : addDays(due, lag);
      const date = workdayOnOrAfter(wanted > last ? wanted : addDays(last, 1));
      if (date >= today) break;
      const finding = nextFinding(rng, person, current, last, date);
      const record = writer.log(person, date, finding);
      failures = finding.status === 'unreached' ? failures + 1 : 0;
      if (finding.status !== 'unreached') current = finding.status;
      record.nextFollowUpDate = nextDate(rng, person.graduationDate, date, finding, failures);
      if (failures >= MAX_ATTEMPTS) failures = 0;
      contacts.push(record);
      written.push(record);
      last = date;
    }
  }
  return written;
}

function currentStatus(contacts: readonly FollowUp[]): Current {
  const status = statusAsOf(contacts, '9999-12-31');
  return status === 'employed' || status === 'business' || status === 'seeking' ? status : 'unknown';
}

/** What a contact finds: mostly the same as last time, some moves into and out of work. */
function nextFinding(rng: Rng, person: Trainee, current: Current, last: IsoDate, date: IsoDate): Finding {
  const reachable = person.alumnus.phone === null && person.alumnus.whatsapp === null ? 0.65 : 0.85;
  if (!rng.chance(reachable)) return { status: 'unreached', reason: unreachedReason(rng) };
  const since = addDays(last, rng.int(1, Math.max(1, daysBetween(last, date))));
  const table: Record<Current, readonly (readonly [Current, number])[]> = {
    employed: [['employed', 85], ['seeking', 10], ['business', 5]],
    business: [['business', 90], ['seeking', 7], ['employed', 3]],
    seeking: [['seeking', 72], ['employed', 20], ['business', 8]],
    unknown: [['seeking', 55], ['employed', 30], ['business', 15]],
  };
  const found = rng.weighted(table[current]);
  if (found === 'employed') return { status: 'employed', since, newJob: current === 'employed' && rng.chance(0.1) };
  if (found === 'business') return { status: 'business', since };
  return { status: 'seeking' };
}

/** The next date an officer writes down; null leaves it to the 3/6/12-month milestones. */
function nextDate(rng: Rng, graduated: IsoDate, date: IsoDate, finding: Finding, failures: number): IsoDate | null {
  const milestonesDone = date >= addMonths(graduated, 11);
  if (finding.status === 'unreached') {
    if (failures < MAX_ATTEMPTS && rng.chance(0.3)) return addDays(date, rng.int(7, 21));
    return milestonesDone ? addDays(date, rng.int(150, 200)) : null;
  }
  if (finding.status === 'seeking') {
    if (!milestonesDone) return rng.chance(0.4) ? addDays(date, rng.int(45, 75)) : null;
    return rng.chance(0.45) ? addDays(date, rng.int(150, 200)) : null;
  }
  // Past the 12-month milestone, a few in work or business get a yearly call (a new
  // job, a business that grew); for the rest the follow-up is done.
  if (!milestonesDone || date >= addMonths(graduated, 24) || !rng.chance(0.2)) return null;
  return addDays(date, rng.int(330, 390));
}
