import * as v from 'valibot';
import { checkNik, cleanNik } from '../domain/nik';
import {
  DeletableFields,
  IsoDateSchema,
  PhoneSchema,
  choice,
  optionalText,
  requiredText,
} from './common.schema';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const EDUCATION_LEVELS = [
  'none', 'sd', 'smp', 'sma', 'smk', 'd1', 'd2', 'd3', 'd4', 's1', 's2', 's3',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** A NIK, stored without separators; the issue names the part that is wrong. */
export const NikSchema = v.pipe(
  v.string('invalid-type'),
  v.transform(cleanNik),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const result = checkNik(dataset.value);
    if (!result.ok) addIssue({ message: result.problem });
  }),
);

/**
 * An email address as people type it, or empty: one `@` with something before it and a
 * dotted domain after it, no spaces. Only its shape is checked; nobody sends mail here.
 */
export const EmailSchema = v.pipe(
  optionalText(254),
  v.check((email) => email === '' || /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email), 'email-invalid'),
);

/** One person; may attend several cohorts (see Enrollment). */
export const AlumnusSchema = v.object({
  ...DeletableFields,
  nik: NikSchema,
  name: requiredText(120),
  gender: choice(GENDERS),
  birthDate: IsoDateSchema,
  phone: v.nullable(PhoneSchema),
  whatsapp: v.nullable(PhoneSchema),
  address: optionalText(300),
  kelurahan: optionalText(80),
  kecamatan: optionalText(80),
  education: choice(EDUCATION_LEVELS),
  // Added after the first release: a record from an older server or device has none.
  birthPlace: v.optional(optionalText(80), ''),
  email: v.optional(EmailSchema, ''),
  /** Kabupaten or kota. */
  regency: v.optional(optionalText(80), ''),
  /** Provinsi. */
  province: v.optional(optionalText(80), ''),
});
export type Alumnus = v.InferOutput<typeof AlumnusSchema>;
