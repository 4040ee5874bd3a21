import type { AbsorptionEnrollment } from './absorption';
import { OFFICE_TIME_ZONE } from './dates';
import { statusTimeline, type StatusStep, type TimelineContact } from './status-timeline';

/** What the report reads of one live enrolment, beside whose it is. */
export type TrainingFacts = Pick<AbsorptionEnrollment, 'cohortId' | 'outcome' | 'graduationDate' | 'certification' | 'certificationIssuedDate'>;

/**
 * What the absorption report needs of one person, whatever the as-of day: the report
 * fields of their live enrolments (graduation and certification with their dates) and
 * their status steps. Kept per person with every write, so a report as of any day reads
 * one row per person instead of every contact; `absorptionFromFacts` reads them.
 */
export type PersonReportFacts = { alumnusId: string; trainings: TrainingFacts[]; steps: StatusStep[] };

export type FactsFollowUp = TimelineContact & { alumnusId: string };

/**
 * One person's facts from their enrolments and follow-ups (any order; others' records
 * are ignored). Null when they have no live enrolment: no report counts them, so
 * nothing is kept.
 */
export function personReportFacts(
  alumnusId: string,
  enrollments: readonly AbsorptionEnrollment[],
  followUps: readonly FactsFollowUp[],
  timeZone = OFFICE_TIME_ZONE,
): PersonReportFacts | null {
  const trainings = enrollments.filter((enrollment) => enrollment.alumnusId === alumnusId && !enrollment.deleted).map(trainingFacts);
  if (trainings.length === 0) return null;
  return { alumnusId, trainings, steps: statusTimeline(followUps.filter((followUp) => followUp.alumnusId === alumnusId), timeZone) };
}

/** Everyone's facts from whole tables (a rebuild, an upgrade), each person's records gathered once. */
export function reportFactsOf(
  enrollments: readonly AbsorptionEnrollment[],
  followUps: readonly FactsFollowUp[],
  timeZone = OFFICE_TIME_ZONE,
): PersonReportFacts[] {
  const trainings = new Map<string, TrainingFacts[]>();
  for (const enrollment of enrollments) {
    if (enrollment.deleted) continue;
    const list = trainings.get(enrollment.alumnusId);
    if (list === undefined) trainings.set(enrollment.alumnusId, [trainingFacts(enrollment)]);
    else list.push(trainingFacts(enrollment));
  }
  const contacts = new Map<string, FactsFollowUp[]>();
  for (const followUp of followUps) {
    if (!trainings.has(followUp.alumnusId)) continue;
    const list = contacts.get(followUp.alumnusId);
    if (list === undefined) contacts.set(followUp.alumnusId, [followUp]);
    else list.push(followUp);
  }
  return [...trainings].map(([alumnusId, mine]) => ({ alumnusId, trainings: mine, steps: statusTimeline(contacts.get(alumnusId) ?? [], timeZone) }));
}

function trainingFacts(enrollment: AbsorptionEnrollment): TrainingFacts {
  const { cohortId, outcome, graduationDate, certification, certificationIssuedDate } = enrollment;
  return { cohortId, outcome, graduationDate, certification, certificationIssuedDate };
}
