import * as v from 'valibot';
import { IdSchema } from '../schema/common.schema';
import { CohortSchema, FUNDING_SOURCES, datesInOrder, type Cohort } from '../schema/cohort.schema';
import type { Enrollment } from '../schema/enrollment.schema';
import { PageQueryEntries, QueryYearSchema, type Page } from './page.api';

/**
 * Cohorts on the wire. Provider staff create and edit their own provider's cohorts; every
 * role that reads data lists them (provider staff: their provider's only).
 */

const cohort = CohortSchema.pipe[0].entries;

/** `GET /api/cohorts?providerId=&budgetYear=&fundingSource=&limit=&offset=` */
export const CohortListQuerySchema = v.object({
  providerId: v.optional(IdSchema),
  budgetYear: v.optional(QueryYearSchema),
  fundingSource: v.optional(v.picklist(FUNDING_SOURCES, 'invalid-choice')),
  ...PageQueryEntries,
});
export type CohortListQuery = v.InferOutput<typeof CohortListQuerySchema>;

/**
 * `POST /api/cohorts`. `id` may be made by the client (records are created offline);
 * `providerId` defaults to the signer's own provider. The server sets the timestamps.
 */
export const NewCohortSchema = v.pipe(
  v.object({
    id: v.optional(IdSchema),
    providerId: v.optional(IdSchema),
    vocationId: cohort.vocationId,
    title: cohort.title,
    fundingSource: cohort.fundingSource,
    budgetYear: cohort.budgetYear,
    startDate: cohort.startDate,
    endDate: cohort.endDate,
    location: v.optional(cohort.location, ''),
    seats: cohort.seats,
    plannedCertificationDate: v.optional(cohort.plannedCertificationDate, null),
    actualCertificationDate: v.optional(cohort.actualCertificationDate, null),
  }),
  v.forward(v.check((input) => datesInOrder(input.startDate, input.endDate), 'dates-out-of-order'), ['endDate']),
);
export type NewCohortRequest = v.InferOutput<typeof NewCohortSchema>;

/**
 * `PATCH /api/cohorts/:id`: any subset of the editable fields. A cohort never moves to
 * another provider (that would move its alumni between scopes).
 */
export const CohortPatchSchema = v.partial(
  v.pick(CohortSchema.pipe[0], [
    'vocationId', 'title', 'fundingSource', 'budgetYear', 'startDate', 'endDate', 'location', 'seats',
    'plannedCertificationDate', 'actualCertificationDate',
  ]),
);
export type CohortPatch = v.InferOutput<typeof CohortPatchSchema>;

/** An enrollment of a cohort with the enrolled person's name, for the cohort screen. */
export type CohortEnrollment = Enrollment & { alumnusName: string };

export type CohortListResponse = { cohorts: Cohort[]; page: Page };
/** `GET /api/cohorts/:id`: enrollments ordered by the alumnus's name. */
export type CohortDetailResponse = { cohort: Cohort; enrollments: CohortEnrollment[] };
export type CohortResponse = { cohort: Cohort };
