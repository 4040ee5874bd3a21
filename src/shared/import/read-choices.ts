import type { EducationLevel, Gender } from '../schema/alumnus.schema';
import { normaliseHeader } from './guess-columns';

const GENDERS: Record<string, Gender> = {
  l: 'male', lk: 'male', laki: 'male', lakilaki: 'male', pria: 'male', m: 'male', male: 'male', man: 'male',
  p: 'female', pr: 'female', perempuan: 'female', wanita: 'female', w: 'female', f: 'female', female: 'female', woman: 'female',
};

/** L/P, Laki-laki/Perempuan, Pria/Wanita, M/F, Male/Female in any case; null for anything else. */
export function readGender(raw: string): Gender | null {
  return GENDERS[normaliseHeader(raw)] ?? null;
}

const EDUCATION: Record<string, EducationLevel> = {
  tidaksekolah: 'none', belumsekolah: 'none', tidakada: 'none', none: 'none', tidaktamatsd: 'none',
  sd: 'sd', mi: 'sd', paketa: 'sd', sekolahdasar: 'sd',
  smp: 'smp', mts: 'smp', sltp: 'smp', paketb: 'smp',
  sma: 'sma', ma: 'sma', slta: 'sma', paketc: 'sma', smu: 'sma',
  smk: 'smk', stm: 'smk', smea: 'smk', mak: 'smk',
  d1: 'd1', diplomai: 'd1', diploma1: 'd1',
  d2: 'd2', diplomaii: 'd2', diploma2: 'd2',
  d3: 'd3', diplomaiii: 'd3', diploma3: 'd3',
  d4: 'd4', diplomaiv: 'd4', diploma4: 'd4',
  s1: 's1', sarjana: 's1', bachelor: 's1',
  s2: 's2', magister: 's2', master: 's2',
  s3: 's3', doktor: 's3', doctor: 's3', phd: 's3',
};

/**
 * The schema's education level from what people write: "SMA", "SMA/sederajat", "SLTA",
 * "Paket C", "D-3", "Diploma III", "S-1", "Sarjana"; null for anything else.
 */
export function readEducation(raw: string): EducationLevel | null {
  const key = normaliseHeader(raw.replace(/\/\s*sederajat$/i, ''));
  return EDUCATION[key] ?? null;
}
