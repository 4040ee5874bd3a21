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
});
export type Alumnus = v.InferOutput<typeof AlumnusSchema>;
