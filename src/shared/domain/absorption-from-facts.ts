import type { ReportDimension, SelfReportCoverage } from '../api/reports.api';
import { tallyAbsorption, type AbsorptionCohort, type AbsorptionEnrollment, type AbsorptionResult } from './absorption';
import { OFFICE_TIME_ZONE, type IsoDate } from './dates';
import type { PersonReportFacts } from './report-facts';
import { linkCoverage, type CoverageLink } from './self-report-coverage';
import { stepAsOf, type StatusStep } from './status-timeline';

/**
 * People's facts arranged once for any number of reports (a supervisor changes the day
 * and the grouping while the data stays put): every live enrolment with whose it is,
 * and each person's steps by id.
 */
export type FactsIndex = { enrollments: readonly AbsorptionEnrollment[]; steps: ReadonlyMap<string, readonly StatusStep[]> };

export function indexFacts(people: readonly PersonReportFacts[]): FactsIndex {
  const enrollments: AbsorptionEnrollment[] = [];
  const steps = new Map<string, readonly StatusStep[]>();
  for (const { alumnusId, trainings, steps: mine } of people) {
    steps.set(alumnusId, mine);
    for (const training of trainings) enrollments.push({ ...training, alumnusId, deleted: false });
  }
  return { enrollments, steps };
}

export type FactsReportInput = {
  cohorts: readonly AbsorptionCohort[];
  facts: FactsIndex;
  links: readonly CoverageLink[];
  asOf: IsoDate;
  groupBy: readonly ReportDimension[];
  timeZone?: string;
};

/**
 * `absorptionFigures` and `selfReportCoverage` (the shared rules over every contact)
 * computed from each person's kept facts instead: the same tally, each status read as
 * the step in force on the day. The cost follows people, not contacts, whatever the
 * day. A property test holds it equal to the rules on random histories
 * (test/shared/domain/absorption-from-facts.test.ts).
 */
export function absorptionFromFacts(input: FactsReportInput): AbsorptionResult & { selfReport: SelfReportCoverage } {
  const { asOf, groupBy, timeZone = OFFICE_TIME_ZONE, facts } = input;
  // Each person's step is looked up once, though they may count in several groups.
  const known = new Map<string, StatusStep | undefined>();
  const stepOf = (alumnusId: string) => {
    if (known.has(alumnusId)) return known.get(alumnusId);
    const step = stepAsOf(facts.steps.get(alumnusId) ?? [], asOf);
    known.set(alumnusId, step);
    return step;
  };
  const { everyone, total, groups } = tallyAbsorption({ cohorts: input.cohorts, enrollments: facts.enrollments, asOf, groupBy }, (alumnusId) => stepOf(alumnusId)?.status ?? 'never-contacted');

  let statuses = 0;
  for (const [alumnusId, person] of everyone) if (person.graduated && stepOf(alumnusId)?.selfReported === true) statuses += 1;
  const links = linkCoverage(input.links.filter((link) => everyone.has(link.alumnusId)), asOf, timeZone);
  return { total, groups, selfReport: { statuses, ...links } };
}
