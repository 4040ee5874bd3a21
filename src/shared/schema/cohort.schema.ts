import * as v from 'valibot';
import { isCalendarDate } from '../domain/dates';
import {
  DeletableFields,
  IdSchema,
  IsoDateSchema,
  choice,
  optionalText,
  requiredText,
} from './common.schema';

export const FUNDING_SOURCES = ['apbd-murni', 'apbd-perubahan', 'apbn', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** More than any class a provider runs: a typo, not a course. */
export const MAX_SEATS = 1000;

/** One run of a course at one provider. */
export const CohortSchema = v.pipe(
  v.object({
    ...DeletableFields,
    providerId: IdSchema,
    vocationId: IdSchema,
    title: requiredText(160),
    fundingSource: choice(FUNDING_SOURCES),
    budgetYear: v.pipe(
      v.number('invalid-type'),
      v.integer('invalid-type'),
      v.minValue(2000, 'out-of-range'),
      v.maxValue(2100, 'out-of-range'),
    ),
    startDate: IsoDateSchema,
    endDate: IsoDateSchema,
    location: optionalText(200),
    /** How many participants the course takes; null when not known (older cohorts). */
    seats: v.optional(
      v.nullable(
        v.pipe(v.number('invalid-type'), v.integer('invalid-type'), v.minValue(1, 'out-of-range'), v.maxValue(MAX_SEATS, 'out-of-range')),
      ),
      null,
    ),
    plannedCertificationDate: v.nullable(IsoDateSchema),
    actualCertificationDate: v.nullable(IsoDateSchema),
  }),
  v.forward(
    v.check((cohort) => datesInOrder(cohort.startDate, cohort.endDate), 'dates-out-of-order'),
    ['endDate'],
  ),
);
export type Cohort = v.InferOutput<typeof CohortSchema>;

/**
 * A cohort ends on or after its start. Compared only when both are real days: a start
 * date that is not one is reported alone, not also as an end before it.
 */
export function datesInOrder(startDate: string, endDate: string): boolean {
  return !isCalendarDate(startDate) || !isCalendarDate(endDate) || endDate >= startDate;
}
