import { useErrorText } from '../../i18n';
import type { CellProblem } from '../../../shared/import/import-problem';
import type { ImportField } from '../../../shared/import/import-fields';
import { useImportWords, type ImportWord } from './import-words';

const OWN_WORDS = new Set<string>(['gender-unknown', 'education-unknown', 'date-unreadable', 'invalid-date', 'unreadable-character', 'nik-from-number', 'duplicate-in-file', 'duplicate-left-out', 'already-enrolled', 'not-stored']);

export type ProblemWords = {
  /** What is wrong with one cell, as a phrase ("NIK harus tepat 16 angka"). */
  problem: (problem: CellProblem) => string;
  field: (field: ImportField) => string;
  /** A row's problems for the `Kesalahan` column: "NIK: …; Tanggal lahir: …". */
  row: (problems: readonly CellProblem[]) => string;
};

/**
 * Problems in the user's language: the import's own words for what only an import
 * finds, the app's error words for the shared schema's codes (the same words a form
 * shows for a bad NIK or phone number).
 */
export function useProblemWords(): ProblemWords {
  const w = useImportWords();
  const errorText = useErrorText();
  const problem = ({ code, rows }: CellProblem) =>
    OWN_WORDS.has(code) ? w(`problem.${code}` as ImportWord, { rows: (rows ?? []).join(', ') }) : errorText(code);
  const field = (name: ImportField) => w(`field.${name}`);
  return {
    problem,
    field,
    row: (problems) => problems.map((each) => `${field(each.field)}: ${problem(each)}`).join('; '),
  };
}
