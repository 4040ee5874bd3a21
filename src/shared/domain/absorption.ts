import type { Cohort } from '../schema/cohort.schema';
import type { Enrollment } from '../schema/enrollment.schema';
import type { FollowUp } from '../schema/follow-up.schema';
import { OFFICE_TIME_ZONE, type IsoDate } from './dates';
import { statusAsOf, type StatusAsOf } from './status-as-of';

export type Grouping = 'all' | 'year' | 'funding' | 'provider' | 'cohort' | 'vocation';

/**
 * One line of the supervisor's report. employed…neverContacted split the graduated
 * people, so they sum to `graduated`; `reached` = employed + business + seeking.
 */
export type AbsorptionRow = {
  key: string;
  trained: number;
  graduated: number;
  certified: number;
  employed: number;
  business: number;
  seeking: number;
  unreachable: number;
  neverContacted: number;
  reached: number;
  /** (employed + business) / graduated; null when nobody graduated (not 0: no data). */
  absorptionRate: number | null;
};

export type AbsorptionInput = {
  cohorts: readonly Cohort[];
  enrollments: readonly Enrollment[];
  followUps: readonly FollowUp[];
  asOf: IsoDate;
  groupBy: Grouping;
  timeZone?: string;
};

/** What counts about one person within one group, merged over their cohorts there. */
type Person = { graduated: boolean; certified: boolean };

/**
 * Absorption figures as of a day, by group. People, not enrollments, are counted: a
 * person trained twice in the same group is one person (graduated or certified if so in
 * any of those cohorts), while one trained in two groups counts in each. Deleted records
 * and cohorts that had not started by `asOf` are left out. With groupBy 'all' there is
 * always exactly one row, even with no data, so a report never comes back empty-handed.
 */
export function absorptionFigures(input: AbsorptionInput): AbsorptionRow[] {
  const { asOf, groupBy, timeZone = OFFICE_TIME_ZONE } = input;
  const cohorts = new Map<string, Cohort>();
  for (const cohort of input.cohorts) {
    if (!cohort.deleted && cohort.startDate <= asOf) cohorts.set(cohort.id, cohort);
  }

  const groups = new Map<string, Map<string, Person>>();
  if (groupBy === 'all') groups.set('all', new Map<string, Person>());
  for (const enrollment of input.enrollments) {
    const cohort = enrollment.deleted ? undefined : cohorts.get(enrollment.cohortId);
    if (cohort === undefined) continue;
    const key = groupKey(cohort, groupBy);
    let people = groups.get(key);
    if (people === undefined) groups.set(key, (people = new Map<string, Person>()));
    const person = people.get(enrollment.alumnusId) ?? { graduated: false, certified: false };
    person.graduated ||= graduatedBy(enrollment, asOf);
    person.certified ||= certifiedBy(enrollment, asOf);
    people.set(enrollment.alumnusId, person);
  }

  const statusOf = statusLookup(input.followUps, asOf, timeZone);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, people]) => row(key, people, statusOf));
}

function groupKey(cohort: Cohort, groupBy: Grouping): string {
  switch (groupBy) {
    case 'all':
      return 'all';
    case 'year':
      return String(cohort.budgetYear);
    case 'funding':
      return cohort.fundingSource;
    case 'provider':
      return cohort.providerId;
    case 'cohort':
      return cohort.id;
    case 'vocation':
      return cohort.vocationId;
  }
}

/** A graduation recorded without a date still counts: the outcome is known, the day is not. */
function graduatedBy(enrollment: Enrollment, asOf: IsoDate): boolean {
  return (
    enrollment.outcome === 'graduated' &&
    (enrollment.graduationDate === null || enrollment.graduationDate <= asOf)
  );
}

function certifiedBy(enrollment: Enrollment, asOf: IsoDate): boolean {
  return (
    enrollment.certification === 'competent' &&
    (enrollment.certificationIssuedDate === null || enrollment.certificationIssuedDate <= asOf)
  );
}

/**
 * Indexes follow-ups by alumnus once and remembers each person's status, so the report
 * stays linear in records even when one person appears in several groups.
 */
function statusLookup(
  followUps: readonly FollowUp[],
  asOf: IsoDate,
  timeZone: string,
): (alumnusId: string) => StatusAsOf {
  const byAlumnus = new Map<string, FollowUp[]>();
  for (const followUp of followUps) {
    const list = byAlumnus.get(followUp.alumnusId);
    if (list === undefined) byAlumnus.set(followUp.alumnusId, [followUp]);
    else list.push(followUp);
  }
  const known = new Map<string, StatusAsOf>();
  return (alumnusId) => {
    let status = known.get(alumnusId);
    if (status === undefined) {
      status = statusAsOf(byAlumnus.get(alumnusId) ?? [], asOf, timeZone);
      known.set(alumnusId, status);
    }
    return status;
  };
}

function row(
  key: string,
  people: ReadonlyMap<string, Person>,
  statusOf: (alumnusId: string) => StatusAsOf,
): AbsorptionRow {
  const counts: Record<StatusAsOf, number> = {
    employed: 0,
    business: 0,
    seeking: 0,
    unreachable: 0,
    'never-contacted': 0,
  };
  let graduated = 0;
  let certified = 0;
  for (const [alumnusId, person] of people) {
    if (person.certified) certified += 1;
    if (!person.graduated) continue;
    graduated += 1;
    counts[statusOf(alumnusId)] += 1;
  }
  return {
    key,
    trained: people.size,
    graduated,
    certified,
    employed: counts.employed,
    business: counts.business,
    seeking: counts.seeking,
    unreachable: counts.unreachable,
    neverContacted: counts['never-contacted'],
    reached: counts.employed + counts.business + counts.seeking,
    absorptionRate: graduated === 0 ? null : (counts.employed + counts.business) / graduated,
  };
}
