import * as v from 'valibot';
import { DeletableFields, IdSchema, IsoDateSchema, choice, optionalText } from './common.schema';

export const ENROLLMENT_OUTCOMES = ['enrolled', 'graduated', 'not-graduated', 'dropped-out'] as const;
export type EnrollmentOutcome = (typeof ENROLLMENT_OUTCOMES)[number];

export const CERTIFICATION_STATES = ['none', 'scheduled', 'competent', 'not-yet-competent'] as const;
export type CertificationState = (typeof CERTIFICATION_STATES)[number];

/** A person in a cohort. */
export const EnrollmentSchema = v.object({
  ...DeletableFields,
  cohortId: IdSchema,
  alumnusId: IdSchema,
  outcome: choice(ENROLLMENT_OUTCOMES),
  graduationDate: v.nullable(IsoDateSchema),
  certification: choice(CERTIFICATION_STATES),
  certificationScheduledDate: v.nullable(IsoDateSchema),
  certificationIssuedDate: v.nullable(IsoDateSchema),
  certificateNumber: optionalText(80),
});
export type Enrollment = v.InferOutput<typeof EnrollmentSchema>;
