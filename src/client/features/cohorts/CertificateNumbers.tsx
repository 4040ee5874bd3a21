import { useId } from 'preact/hooks';
import { parsePastedColumn } from '../../../shared/domain/bulk-enrollment-edit';
import { ChoiceGroup } from '../follow-up/ChoiceGroup';
import { InputField } from '../follow-up/InputField';
import { useCohortsWords } from './cohorts-words';
import type { Participant } from './use-cohort-page';

export type NumbersHow = 'each' | 'paste';
export type NumbersInput = { how: NumbersHow; each: Readonly<Record<string, string>>; pasted: string };

/** The certificate numbers typed or pasted, one per selected row, in the rows' order. */
export function numbersOf(input: NumbersInput, rows: readonly Participant[]): string[] {
  return input.how === 'paste' ? parsePastedColumn(input.pasted) : rows.map(({ enrollment }) => input.each[enrollment.id] ?? '');
}

type Props = {
  rows: readonly Participant[];
  input: NumbersInput;
  onInput: (input: NumbersInput) => void;
  /** Already in words: the column's problem (a count mismatch), and each row's by enrolment id. */
  error: string | null;
  rowErrors: ReadonlyMap<string, string>;
};

/**
 * Certificate numbers for the selected participants: one input each, or a column pasted
 * from a spreadsheet (one number a line, in the order of the selected rows) with a
 * preview pairing each name with its number, and the count mismatch said at once.
 */
export function CertificateNumbers({ rows, input, onInput, error, rowErrors }: Props) {
  const w = useCohortsWords();
  const pasteId = useId();
  const nameOf = (row: Participant) => row.alumnus?.name ?? w('review.empty');
  const pasted = parsePastedColumn(input.pasted);
  const mismatch = input.pasted.trim() !== '' && pasted.length !== rows.length ? w('bulk.count-mismatch', { numbers: pasted.length, rows: rows.length }) : null;
  const shownError = error ?? mismatch;
  const described = [`${pasteId}-hint`, shownError === null ? '' : `${pasteId}-error`].filter(Boolean).join(' ');

  return (
    <div class="cohort__numbers">
      <ChoiceGroup
        legend={w('bulk.numbersHow')}
        name="numbersHow"
        value={input.how}
        options={[
          { value: 'each', label: w('bulk.numbersHow.each') },
          { value: 'paste', label: w('bulk.numbersHow.paste') },
        ]}
        onValue={(how) => onInput({ ...input, how: how === 'paste' ? 'paste' : 'each' })}
      />
      {input.how === 'each' ? (
        <ol class="cohort__number-list">
          {rows.map((row) => (
            <li key={row.enrollment.id}>
              <InputField
                label={w('bulk.numberOf', { name: nameOf(row) })}
                name={`number-${row.enrollment.id}`}
                value={input.each[row.enrollment.id] ?? ''}
                onValue={(value) => onInput({ ...input, each: { ...input.each, [row.enrollment.id]: value } })}
                error={rowErrors.get(row.enrollment.id) ?? null}
              />
            </li>
          ))}
        </ol>
      ) : (
        <>
          <div class={shownError === null ? 'field' : 'field field--invalid'}>
            <label class="field__label" for={pasteId}>
              {w('bulk.paste')}
            </label>
            <textarea
              id={pasteId}
              class="field__input mono"
              name="pastedNumbers"
              rows={6}
              autoComplete="off"
              spellcheck={false}
              value={input.pasted}
              aria-invalid={shownError === null ? undefined : true}
              aria-describedby={described}
              onInput={(event) => onInput({ ...input, pasted: event.currentTarget.value })}
            />
            <p id={`${pasteId}-hint`} class="field__hint">
              {w('bulk.paste.hint')}
            </p>
            {shownError !== null && (
              <p id={`${pasteId}-error`} class="field__error">
                {shownError}
              </p>
            )}
          </div>
          {pasted.length > 0 && (
            <table class="cohort__preview">
              <caption>{w('bulk.preview')}</caption>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.enrollment.id}>
                    <th scope="row">{nameOf(row)}</th>
                    <td class="mono">{pasted[index] || w('bulk.previewNone')}</td>
                    {rowErrors.has(row.enrollment.id) && <td class="field__error">{rowErrors.get(row.enrollment.id)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
