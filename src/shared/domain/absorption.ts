import type { AbsorptionFigures, AbsorptionGroup, ReportDimension } from '../api/reports.api';
import type { Cohort } from '../schema/cohort.schema';
import type { Enrollment } from '../schema/enrollment.schema';
import type { FollowUp } from '../schema/follow-up.schema';
import { OFFICE_TIME_ZONE, type IsoDate } from './dates';
import { statusAsOf, type ContactFacts, type StatusAsOf } from './status-as-of';

/** The fields the report reads: a server loads only these columns, a client passes whole rows. */
export type AbsorptionCohort = Pick<
  Cohort,
  'id' | 'deleted' | 'startDate' | 'budgetYear' | 'fundingSource' | 'providerId' | 'vocationId'
>;
export type AbsorptionEnrollment = Pick<
  Enrollment,
  'cohortId' | 'alumnusId' | 'deleted' | 'outcome' | 'graduationDate' | 'certification' | 'certificationIssuedDate'
>;
export type AbsorptionFollowUp = ContactFacts & Pick<FollowUp, 'alumnusId'>;

/** One group's figures with its key; the server adds `names` to make an AbsorptionGroup. */
export type AbsorptionFiguresGroup = Omit<AbsorptionGroup, 'names'>;

export type AbsorptionResult = { total: AbsorptionFigures; groups: AbsorptionFiguresGroup[] };

export type AbsorptionInput = {
  cohorts: readonly AbsorptionCohort[];
  enrollments: readonly AbsorptionEnrollment[];
  followUps: readonly AbsorptionFollowUp[];
  asOf: IsoDate;
  /** No, one or two dimensions; with none, `groups` is empty and only `total` counts. */
  groupBy: readonly ReportDimension[];
  timeZone?: string;
};

/** What counts about one person within one group, merged over their cohorts there. */
export type Person = { graduated: boolean; certified: boolean };
type Group = { keys: Partial<Record<ReportDimension, string>>; people: Map<string, Person> };

/**
 * Absorption figures as of a day, in total and by group. People, not enrollments, are
 * counted: a person trained twice in the same group is one person (graduated or
 * certified if so in any of those cohorts), while one trained in two groups counts in
 * each — and once in `total`, so groups may add up to more than the total. Deleted
 * records and cohorts that had not started by `asOf` are left out. Groups are sorted by
 * key, which joins the dimension values by `,` in `groupBy` order.
 */
export function absorptionFigures(input: AbsorptionInput): AbsorptionResult {
  const { total, groups } = tallyAbsorption(input, statusLookup(input.followUps, input.asOf, input.timeZone ?? OFFICE_TIME_ZONE));
  return { total, groups };
}

/**
 * The figures of `absorptionFigures` with each person's status as of the day given by
 * `statusOf`: the one tally behind both the rule over every contact and the device's
 * fast path over stored status steps (absorption-from-facts.ts). `everyone` is the
 * report's people (as `peopleAsOf` finds them), graduation and certification merged.
 */
export function tallyAbsorption(
  input: Pick<AbsorptionInput, 'cohorts' | 'enrollments' | 'asOf' | 'groupBy'>,
  statusOf: (alumnusId: string) => StatusAsOf,
): AbsorptionResult & { everyone: ReadonlyMap<string, Readonly<Person>> } {
  const { asOf, groupBy } = input;
  const cohorts = new Map<string, AbsorptionCohort>();
  for (const cohort of input.cohorts) {
    if (!cohort.deleted && cohort.startDate <= asOf) cohorts.set(cohort.id, cohort);
  }

  const everyone = new Map<string, Person>();
  const groups = new Map<string, Group>();
  // A cohort's group is found once, not once per enrolment: a report has far fewer cohorts than people.
  const groupOfCohort = new Map<string, Group>();
  for (const enrollment of input.enrollments) {
    const cohort = enrollment.deleted ? undefined : cohorts.get(enrollment.cohortId);
    if (cohort === undefined) continue;
    addPerson(everyone, enrollment, asOf);
    if (groupBy.length === 0) continue;
    let group = groupOfCohort.get(cohort.id);
    if (group === undefined) {
      const keys = Object.fromEntries(groupBy.map((dimension) => [dimension, dimensionValue(cohort, dimension)]));
      const key = groupBy.map((dimension) => keys[dimension]).join(',');
      group = groups.get(key);
      if (group === undefined) groups.set(key, (group = { keys, people: new Map<string, Person>() }));
      groupOfCohort.set(cohort.id, group);
    }
    addPerson(group.people, enrollment, asOf);
  }

  return {
    everyone,
    total: figures(everyone, statusOf),
    groups: [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, group]) => ({ key, keys: group.keys, ...figures(group.people, statusOf) })),
  };
}

/**
 * The people a report as of `asOf` counts (trained: enrolled in a cohort started by
 * then) and, of them, the graduates, by the same rules as `absorptionFigures`.
 */
export function peopleAsOf(input: Pick<AbsorptionInput, 'cohorts' | 'enrollments' | 'asOf'>): { trained: Set<string>; graduated: Set<string> } {
  const started = new Set(input.cohorts.filter((cohort) => !cohort.deleted && cohort.startDate <= input.asOf).map((cohort) => cohort.id));
  const trained = new Set<string>();
  const graduated = new Set<string>();
  for (const enrollment of input.enrollments) {
    if (enrollment.deleted || !started.has(enrollment.cohortId)) continue;
    trained.add(enrollment.alumnusId);
    if (graduatedBy(enrollment, input.asOf)) graduated.add(enrollment.alumnusId);
  }
  return { trained, graduated };
}

export function dimensionValue(cohort: AbsorptionCohort, dimension: ReportDimension): string {
  switch (dimension) {
    case 'year':
      return String(cohort.budgetYear);
    case 'funding-source':
      return cohort.fundingSource;
    case 'provider':
      return cohort.providerId;
    case 'cohort':
      return cohort.id;
    case 'vocation':
      return cohort.vocationId;
  }
}

function addPerson(people: Map<string, Person>, enrollment: AbsorptionEnrollment, asOf: IsoDate): void {
  const person = people.get(enrollment.alumnusId) ?? { graduated: false, certified: false };
  person.graduated ||= graduatedBy(enrollment, asOf);
  person.certified ||= certifiedBy(enrollment, asOf);
  people.set(enrollment.alumnusId, person);
}

/** A graduation recorded without a date still counts: the outcome is known, the day is not. */
function graduatedBy(enrollment: AbsorptionEnrollment, asOf: IsoDate): boolean {
  return (
    enrollment.outcome === 'graduated' &&
    (enrollment.graduationDate === null || enrollment.graduationDate <= asOf)
  );
}

function certifiedBy(enrollment: AbsorptionEnrollment, asOf: IsoDate): boolean {
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
  followUps: readonly AbsorptionFollowUp[],
  asOf: IsoDate,
  timeZone: string,
): (alumnusId: string) => StatusAsOf {
  const byAlumnus = new Map<string, AbsorptionFollowUp[]>();
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

function figures(people: ReadonlyMap<string, Person>, statusOf: (alumnusId: string) => StatusAsOf): AbsorptionFigures {
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
  return withRates({
    trained: people.size,
    graduated,
    certified,
    employed: counts.employed,
    business: counts.business,
    seeking: counts.seeking,
    unreachable: counts.unreachable,
    neverContacted: counts['never-contacted'],
  });
}

/** The figures derived from the counts: `reached` and the absorption rate (null when nobody graduated). */
export function withRates(counts: Omit<AbsorptionFigures, 'reached' | 'absorptionRate'>): AbsorptionFigures {
  return {
    ...counts,
    reached: counts.employed + counts.business + counts.seeking,
    absorptionRate: counts.graduated === 0 ? null : (counts.employed + counts.business) / counts.graduated,
  };
}
