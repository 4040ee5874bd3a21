import { useId } from 'preact/hooks';
import { REPORT_DIMENSIONS, type ReportDimension } from '../../../shared/api/reports.api';
import { SelectField } from '../../ui/SelectField';
import { useReportsWords } from './reports-words';

export type Grouping = { first: ReportDimension; second: ReportDimension | null };

type Props = {
  asOf: string;
  asOfValid: boolean;
  onAsOf: (value: string) => void;
  grouping: Grouping;
  onGrouping: (grouping: Grouping) => void;
};

/** The report's question: figures as of which day, grouped by what (one dimension, or two). */
export function ReportControls({ asOf, asOfValid, onAsOf, grouping, onGrouping }: Props) {
  const w = useReportsWords();
  const id = useId();
  const dimensionOptions = REPORT_DIMENSIONS.map((dimension) => ({ value: dimension, label: w(`dimension.${dimension}`) }));
  const secondOptions = [
    { value: '', label: w('groupBy.none') },
    ...dimensionOptions.filter((option) => option.value !== grouping.first),
  ];

  return (
    <div class="report-controls">
      <div class={asOfValid ? 'field' : 'field field--invalid'}>
        <label class="field__label" for={`${id}-as-of`}>
          {w('asOf')}
        </label>
        <input
          id={`${id}-as-of`}
          class="field__input"
          type="date"
          name="asOf"
          value={asOf}
          required
          aria-invalid={asOfValid ? undefined : true}
          aria-describedby={asOfValid ? `${id}-hint` : `${id}-hint ${id}-error`}
          onInput={(event) => onAsOf(event.currentTarget.value)}
        />
        <p id={`${id}-hint`} class="field__hint">
          {w('asOf.hint')}
        </p>
        {!asOfValid && (
          <p id={`${id}-error`} class="field__error">
            {w('asOf.invalid')}
          </p>
        )}
      </div>
      <SelectField
        label={w('groupBy')}
        name="groupBy"
        value={grouping.first}
        options={dimensionOptions}
        onValue={(value) => {
          const first = value as ReportDimension;
          // The same dimension twice is no grouping: the second one gives way.
          onGrouping({ first, second: grouping.second === first ? null : grouping.second });
        }}
      />
      <SelectField
        label={w('groupBy.then')}
        name="groupByThen"
        value={grouping.second ?? ''}
        options={secondOptions}
        onValue={(value) => onGrouping({ first: grouping.first, second: value === '' ? null : (value as ReportDimension) })}
      />
    </div>
  );
}
