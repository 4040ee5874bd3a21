import * as v from 'valibot';
import { NewEnrollmentSchema } from '../api/enrollments.api';
import { cleanNik } from '../domain/nik';
import { toFieldIssues } from '../schema/issues';
import type { ColumnMapping, ImportField } from './import-fields';
import type { CellProblem } from './import-problem';
import { parseImportDate } from './parse-import-date';
import { readEducation, readGender } from './read-choices';
import { splitBirthPlaceDate } from './split-birth-place-date';

/** The person a row describes, as `enrollment.create` takes it (the id is chosen at import). */
const PersonSchema = v.omit(NewEnrollmentSchema.entries.alumnus, ['id']);
export type ImportedPerson = v.InferOutput<typeof PersonSchema>;

/** One row checked on its own: the person when every cell is right, else each cell's problems. */
export type RowCheck = { nik: string; person: ImportedPerson | null; problems: CellProblem[] };

/**
 * Checks one row with the same schema the device and the server apply to an enrolment,
 * after reading the spreadsheet forms of gender, education and dates. A NIK the file held
 * as a number (`numberColumns`) is held back until someone checks or retypes it. Checks that need
 * the other rows or the device's data (duplicates, already enrolled) come after, in
 * `checkSheet`.
 */
export function validateRow(cells: readonly string[], mapping: ColumnMapping, numberColumns: readonly number[] = []): RowCheck {
  const text = (field: ImportField): string => {
    const index = mapping.indexOf(field);
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };
  const problems: CellProblem[] = [];
  const problem = (field: ImportField, code: CellProblem['code']) => problems.push({ field, code });

  // U+FFFD is what a wrong decoding leaves of a letter: stored, it would stay wrong for good.
  for (const [column, field] of mapping.entries()) {
    if (field !== null && (cells[column] ?? '').includes('\uFFFD')) problem(field, 'unreadable-character');
  }

  // An empty NIK is missing, not "of the wrong length".
  if (text('nik') === '') problem('nik', 'required');

  const genderText = text('gender');
  const gender = readGender(genderText);
  if (gender === null) problem('gender', genderText === '' ? 'required' : 'gender-unknown');

  const educationText = text('education');
  const education = readEducation(educationText);
  if (education === null) problem('education', educationText === '' ? 'required' : 'education-unknown');

  // A birth-date column wins over the date inside a TTL column.
  const dateField: ImportField = text('birthDate') === '' && text('birthPlaceDate') !== '' ? 'birthPlaceDate' : 'birthDate';
  const birthPlaceDate = splitBirthPlaceDate(text('birthPlaceDate'));
  const dateText = dateField === 'birthDate' ? text('birthDate') : birthPlaceDate.date;
  // Likewise a place-of-birth column wins over the place inside a TTL column.
  const placeField: ImportField = text('birthPlace') === '' && birthPlaceDate.place !== '' ? 'birthPlaceDate' : 'birthPlace';
  const birthPlace = placeField === 'birthPlace' ? text('birthPlace') : birthPlaceDate.place;
  const reading = dateText === '' ? null : parseImportDate(dateText);
  if (reading === null) problem(dateField, 'required');
  else if (!reading.ok) problem(dateField, reading.problem);

  // A "No HP/WA" column fills whichever of the two has no column of its own.
  const shared = text('phoneWhatsapp');
  const phoneField: ImportField = text('phone') === '' && shared !== '' ? 'phoneWhatsapp' : 'phone';
  const whatsappField: ImportField = text('whatsapp') === '' && shared !== '' ? 'phoneWhatsapp' : 'whatsapp';
  const phone = text(phoneField);
  const whatsapp = text(whatsappField);

  const input = {
    nik: text('nik'),
    name: text('name'),
    // Placeholders where the cell already failed above: the schema then reports the rest.
    gender: gender ?? 'male',
    birthDate: reading?.ok ? reading.date : '2000-01-01',
    phone: phone === '' ? null : phone,
    whatsapp: whatsapp === '' ? null : whatsapp,
    address: text('address'),
    kelurahan: text('kelurahan'),
    kecamatan: text('kecamatan'),
    education: education ?? 'none',
    birthPlace,
    email: text('email'),
    regency: text('regency'),
    province: text('province'),
  };
  const parsed = v.safeParse(PersonSchema, input);
  if (!parsed.success) {
    const fieldOf: Record<string, ImportField> = { phone: phoneField, whatsapp: whatsappField, birthPlace: placeField };
    for (const issue of toFieldIssues(parsed.issues)) {
      const field = fieldOf[issue.path] ?? (issue.path as ImportField);
      if (!problems.some((known) => known.field === field)) problem(field, issue.code);
    }
  }
  // After the schema, so a NIK that is also malformed (`6,47403E+15`) says so too.
  const nikColumn = mapping.indexOf('nik');
  if (nikColumn >= 0 && numberColumns.includes(nikColumn) && input.nik !== '') problem('nik', 'nik-from-number');
  const nik = cleanNik(input.nik);
  return { nik, person: problems.length === 0 && parsed.success ? parsed.output : null, problems };
}
