import type { ErrorCode } from '../errors';
import type { DateProblem } from './parse-import-date';
import type { ImportField } from './import-fields';

/**
 * What can be wrong with one cell: the shared codes (a NIK's length, digits, province or
 * date part; a phone number; a missing value; a refusal by the device), plus what only an
 * import can find — an unreadable gender, education or date, a letter lost to a wrong decoding (U+FFFD),
 * a NIK that went through a number cell (to check: Excel keeps 15 digits), the same NIK twice in the
 * file (and a row left out because the clerk kept another row of it), a person already in the cohort, and a row the device could not store.
 */
export type ImportProblemCode =
  | ErrorCode
  | DateProblem
  | 'gender-unknown'
  | 'education-unknown'
  | 'unreadable-character'
  | 'nik-from-number'
  | 'duplicate-in-file'
  | 'duplicate-left-out'
  | 'already-enrolled'
  | 'not-stored';

/** One problem of one cell; `rows` names the other rows (sheet row numbers) of a duplicate. */
export type CellProblem = { field: ImportField; code: ImportProblemCode; rows?: readonly number[] };
