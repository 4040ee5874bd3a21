import type { MutationInput } from '../../sync/mutate';
import type { Alumnus } from '../../../shared/schema';

/** The enrol form's fields, as typed. */
export type EnrolValues = {
  nik: string;
  name: string;
  gender: string;
  birthDate: string;
  phone: string;
  address: string;
  kelurahan: string;
  kecamatan: string;
  education: string;
};
export type EnrolField = keyof EnrolValues;

export const EMPTY_ENROL: EnrolValues = { nik: '', name: '', gender: '', birthDate: '', phone: '', address: '', kelurahan: '', kecamatan: '', education: '' };

const FIELDS = Object.keys(EMPTY_ENROL) as EnrolField[];

type Ids = { enrollmentId: string; alumnusId: string; cohortId: string };

/**
 * `enrollment.create`'s arguments. NIK first: a person already known is enrolled as
 * they are (their record, not what the form holds); otherwise a new alumnus is made
 * from the fields, the one number given serving as phone and WhatsApp, as the paper
 * forms' "No HP/WA" does. Blank choices are absent, so the schema says "required".
 */
export function enrolArgs(values: EnrolValues, existing: Alumnus | null, ids: Ids): MutationInput<'enrollment.create'> {
  if (existing !== null) {
    const { createdAt: _c, updatedAt: _u, deleted: _d, ...person } = existing;
    return { id: ids.enrollmentId, cohortId: ids.cohortId, alumnus: person };
  }
  const blank = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const phone = blank(values.phone) ?? null;
  return {
    id: ids.enrollmentId,
    cohortId: ids.cohortId,
    alumnus: {
      id: ids.alumnusId,
      nik: values.nik,
      name: values.name,
      gender: blank(values.gender) as 'male' | 'female',
      birthDate: blank(values.birthDate) as string,
      phone,
      whatsapp: phone,
      address: values.address,
      kelurahan: values.kelurahan,
      kecamatan: values.kecamatan,
      education: blank(values.education) as Alumnus['education'],
    },
  };
}

/** `alumnus.birthDate` → `birthDate`; anything it cannot place goes beside the NIK. */
export function enrolFieldOf(path: string): EnrolField {
  const name = path.replace(/^alumnus\./, '');
  if (name === 'whatsapp') return 'phone';
  return FIELDS.find((field) => field === name) ?? 'nik';
}
