import * as v from 'valibot';
import { AlumnusSchema, type Alumnus } from '../schema/alumnus.schema';
import { plainText } from '../domain/spreadsheet-text';
import { IdSchema, storableText } from '../schema/common.schema';
import { EnrollmentSchema, type Enrollment } from '../schema/enrollment.schema';

const person = AlumnusSchema.entries;
const enrollment = EnrollmentSchema.entries;

/**
 * `POST /api/enrollments`: a person into a cohort, NIK first. When an alumnus with this
 * NIK exists (a person trained twice), that alumnus is enrolled and the other fields of
 * `alumnus` are ignored; otherwise a new alumnus is made from them (`alumnus.id` may be
 * client-made). The same NIK twice in one cohort is a 409 `conflict`.
 */
export const NewEnrollmentSchema = v.object({
  id: v.optional(IdSchema),
  cohortId: IdSchema,
  alumnus: v.object({
    id: v.optional(IdSchema),
    nik: person.nik,
    name: person.name,
    gender: person.gender,
    birthDate: person.birthDate,
    phone: v.optional(person.phone, null),
    whatsapp: v.optional(person.whatsapp, null),
    address: v.optional(person.address, ''),
    kelurahan: v.optional(person.kelurahan, ''),
    kecamatan: v.optional(person.kecamatan, ''),
    education: person.education,
    birthPlace: person.birthPlace,
    email: person.email,
    regency: person.regency,
    province: person.province,
  }),
  outcome: v.optional(enrollment.outcome, 'enrolled'),
  graduationDate: v.optional(enrollment.graduationDate, null),
  certification: v.optional(enrollment.certification, 'none'),
  certificationScheduledDate: v.optional(enrollment.certificationScheduledDate, null),
  certificationIssuedDate: v.optional(enrollment.certificationIssuedDate, null),
  certificateNumber: v.optional(enrollment.certificateNumber, ''),
});
export type NewEnrollmentRequest = v.InferOutput<typeof NewEnrollmentSchema>;

/** `PATCH /api/enrollments/:id`: outcome, graduation and certification. */
export const EnrollmentPatchSchema = v.partial(
  v.pick(EnrollmentSchema, [
    'outcome', 'graduationDate', 'certification', 'certificationScheduledDate', 'certificationIssuedDate', 'certificateNumber',
  ]),
);
export type EnrollmentPatch = v.InferOutput<typeof EnrollmentPatchSchema>;

/**
 * `POST /api/enrollments/:id/withdraw`: takes back an enrolment made in error (the wrong
 * person, the wrong cohort), with the reason, which the audit log keeps. The person
 * leaves the provider's records unless enrolled there elsewhere.
 */
export const WithdrawEnrollmentSchema = v.object({
  reason: v.pipe(v.string('invalid-type'), storableText(), v.transform(plainText), v.trim(), v.minLength(1, 'reason-required'), v.maxLength(500, 'too-long')),
});
export type WithdrawEnrollmentRequest = v.InferOutput<typeof WithdrawEnrollmentSchema>;

/** `alumnusCreated` is false when the NIK named a known person, whose record is returned. */
export type NewEnrollmentResponse = { enrollment: Enrollment; alumnus: Alumnus; alumnusCreated: boolean };
export type EnrollmentResponse = { enrollment: Enrollment };
