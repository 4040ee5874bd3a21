import { useId } from 'preact/hooks';
import type { RowResult } from '../../../shared/import/check-sheet';
import type { ColumnMapping, ImportField } from '../../../shared/import/import-fields';
import { asSentence } from '../../i18n';
import { useImportWords } from './import-words';
import { useProblemWords } from './problem-text';

type Props = {
  result: RowResult;
  cells: readonly string[];
  mapping: ColumnMapping;
  onCell: (column: number, value: string) => void;
  onConfirmNik: () => void;
  /** For a row whose NIK is listed more than once: its radio group, and whether it is the row kept. */
  keep: { group: string; kept: boolean } | null;
  onKeep: () => void;
};

/**
 * One row that needs attention, as a card: every mapped cell is an input labelled
 * "Baris 12: NIK" for screen readers, with what is wrong beside it. Typing checks the
 * row again at once.
 */
export function PreviewRow({ result, cells, mapping, onCell, onConfirmNik, keep, onKeep }: Props) {
  const w = useImportWords();
  const id = useId();
  const ready = result.person !== null;
  // Only a NIK whose one doubt is the number cell can be confirmed; a malformed one must be retyped.
  const nikProblems = result.problems.filter((problem) => problem.field === 'nik');
  const confirmable = nikProblems.length > 0 && nikProblems.every((problem) => problem.code === 'nik-from-number');
  return (
    <li class={ready ? 'import-row import-row--ready' : 'import-row'} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} class="import-row__title">
        {w('preview.row', { number: result.number })}
        <span class="import-row__state">{ready ? w('preview.rowReady') : w('preview.rowProblems', { count: result.problems.length })}</span>
      </h3>
      <div class="import-row__cells">
        {mapping.map((field, column) =>
          field === null ? null : (
            <CellField key={column} id={`${id}-${column}`} row={result.number} field={field} value={cells[column] ?? ''} result={result} onValue={(value) => onCell(column, value)} />
          ),
        )}
      </div>
      {keep !== null && (
        <p class="import-row__keep">
          <label>
            <input type="radio" name={keep.group} checked={keep.kept} onChange={onKeep} /> {w('preview.keepRow', { number: result.number })}
          </label>
        </p>
      )}
      {confirmable && (
        <p class="import-row__confirm">
          <button type="button" class="button button--secondary" onClick={onConfirmNik}>
            {w('preview.confirmNik', { nik: cells[mapping.indexOf('nik')] ?? '' })}
          </button>
        </p>
      )}
    </li>
  );
}

type CellProps = { id: string; row: number; field: ImportField; value: string; result: RowResult; onValue: (value: string) => void };

function CellField({ id, row, field, value, result, onValue }: CellProps) {
  const w = useImportWords();
  const words = useProblemWords();
  const problems = result.problems.filter((problem) => problem.field === field);
  const error = problems.map((problem) => asSentence(words.problem(problem))).join(' ');
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label class="field__label" for={id}>
        <span class="visually-hidden">{w('preview.row', { number: row })}: </span>
        {words.field(field)}
      </label>
      <input
        id={id}
        type="text"
        class="field__input"
        value={value}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      {error && (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
