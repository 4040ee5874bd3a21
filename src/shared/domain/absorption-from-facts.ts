import type { ReportDimension, SelfReportCoverage } from '../api/reports.api';
import { peopleAsOf, tallyAbsorption, type AbsorptionCohort, type AbsorptionEnrollment, type AbsorptionResult } from './absorption';
import { OFFICE_TIME_ZONE, type IsoDate } from './dates';
import type { PersonReportFacts } from './report-facts';
import { linkCoverage, type CoverageLink } from './self-report-coverage';
import { stepAsOf } from './status-timeline';

export type FactsReportInput = {
  cohorts: readonly AbsorptionCohort[];
  people: readonly PersonReportFacts[];
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
  const { asOf, groupBy, timeZone = OFFICE_TIME_ZONE } = input;
  const enrollments: AbsorptionEnrollment[] = [];
  const steps = new Map<string, PersonReportFacts['steps']>();
  for (const { alumnusId, trainings, steps: mine } of input.people) {
    steps.set(alumnusId, mine);
    for (const training of trainings) enrollments.push({ ...training, alumnusId, deleted: false });
  }
  const stepOf = (alumnusId: string) => stepAsOf(steps.get(alumnusId) ?? [], asOf);
  const figures = tallyAbsorption({ cohorts: input.cohorts, enrollments, asOf, groupBy }, (alumnusId) => stepOf(alumnusId)?.status ?? 'never-contacted');

  const { trained, graduated } = peopleAsOf({ cohorts: input.cohorts, enrollments, asOf });
  let statuses = 0;
  for (const alumnusId of graduated) if (stepOf(alumnusId)?.selfReported === true) statuses += 1;
  const links = linkCoverage(input.links.filter((link) => trained.has(link.alumnusId)), asOf, timeZone);
  return { ...figures, selfReport: { statuses, ...links } };
}
