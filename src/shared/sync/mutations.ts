import * as v from 'valibot';
import { AlumnusContactPatchSchema } from '../api/alumni.api';
import { CohortPatchSchema, NewCohortSchema } from '../api/cohorts.api';
import { EnrollmentPatchSchema, NewEnrollmentSchema, WithdrawEnrollmentSchema } from '../api/enrollments.api';
import { NewFollowUpSchema, VoidFollowUpSchema } from '../api/follow-ups.api';
import { IdSchema } from '../schema/common.schema';
import { SelfReportTokenSchema } from '../schema/self-report-link.schema';

/**
 * Every change a device can queue, by name, with the version of its arguments. The client
 * applies a mutation to its own tables when the user acts and again on top of each pulled
 * page; the server applies it once, in `mid` order, with the same argument schema. A
 * mutation whose shape changes gets a new version; the server keeps accepting the old
 * one for as long as devices may hold it in their outbox.
 *
 * Ids are made on the device, so a record created offline keeps its id for good.
 */

/** The same fields as `POST /api/follow-ups`, with the id always made on the device. */
const LogFollowUpArgs = v.object({ ...NewFollowUpSchema.entries, id: IdSchema });

const VoidFollowUpArgs = v.object({ id: IdSchema, ...VoidFollowUpSchema.entries });

/** Last writer wins per field, by the mutation's hybrid logical clock. */
const UpdateAlumnusContactArgs = v.object({ id: IdSchema, patch: AlumnusContactPatchSchema });

const CreateCohortArgs = v.pipe(
  v.object({ ...NewCohortSchema.pipe[0].entries, id: IdSchema }),
  v.forward(v.check((input) => input.endDate >= input.startDate, 'dates-out-of-order'), ['endDate']),
);

/**
 * Compare-and-set: `base` holds the value the editor saw of each field in `patch`. A
 * field whose stored value differs from its `base` was changed by someone else meanwhile:
 * the whole mutation is refused with `conflict` and the current values, for review.
 */
const UpdateCohortArgs = v.object({ id: IdSchema, patch: CohortPatchSchema, base: CohortPatchSchema });

const CreateEnrollmentArgs = v.object({
  ...NewEnrollmentSchema.entries,
  id: IdSchema,
  alumnus: v.object({ ...NewEnrollmentSchema.entries.alumnus.entries, id: IdSchema }),
});

const UpdateEnrollmentArgs = v.object({ id: IdSchema, patch: EnrollmentPatchSchema, base: EnrollmentPatchSchema });

const WithdrawEnrollmentArgs = v.object({ id: IdSchema, ...WithdrawEnrollmentSchema.entries });

/**
 * A personal answer link, made offline: the device draws the token (it keeps it to show
 * and resend the URL) and the server stores only its SHA-256. 30 days, one answer.
 */
const CreateSelfReportLinkArgs = v.object({ id: IdSchema, alumnusId: IdSchema, token: SelfReportTokenSchema });

const WithdrawSelfReportLinkArgs = v.object({ id: IdSchema });

export const MUTATIONS = {
  'follow-up.log': { version: 1, args: LogFollowUpArgs },
  'follow-up.void': { version: 1, args: VoidFollowUpArgs },
  'alumnus.update-contact': { version: 1, args: UpdateAlumnusContactArgs },
  'cohort.create': { version: 1, args: CreateCohortArgs },
  'cohort.update': { version: 1, args: UpdateCohortArgs },
  'enrollment.create': { version: 1, args: CreateEnrollmentArgs },
  'enrollment.update': { version: 1, args: UpdateEnrollmentArgs },
  'enrollment.withdraw': { version: 1, args: WithdrawEnrollmentArgs },
  'self-report-link.create': { version: 1, args: CreateSelfReportLinkArgs },
  'self-report-link.withdraw': { version: 1, args: WithdrawSelfReportLinkArgs },
} as const;

export type MutationName = keyof typeof MUTATIONS;
export type MutationArgs<N extends MutationName> = v.InferOutput<(typeof MUTATIONS)[N]['args']>;

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(MUTATIONS, name);
}
