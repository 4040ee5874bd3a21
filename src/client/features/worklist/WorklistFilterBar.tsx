import { useId, useState } from 'preact/hooks';
import type { StatusAsOf } from '../../../shared/domain/status-as-of';
import { FILTER_KEYS, NO_FILTERS, STATUS_CHOICES, type Choice, type FilterChoices, type FilterKey, type FilterValues } from './worklist-filters';
import { useWorklistWords, type WorklistWord } from './worklist-words';

type Props = { values: FilterValues; choices: FilterChoices; onChange: (values: FilterValues) => void };

/**
 * Kecamatan, provider, cohort and status, as labelled native selects (the phone's own
 * picker, one thumb). Folded away under "Filters" so that at 360 px the first rows are
 * in view; open from the start when a remembered filter narrows the list.
 */
export function WorklistFilterBar({ values, choices, onChange }: Props) {
  const w = useWorklistWords();
  const active = FILTER_KEYS.filter((key) => values[key] !== '').length;
  // Fixed at mount: a prop that followed `active` would fold the panel under the thumb
  // of someone who just cleared the filters.
  const [openAtFirst] = useState(active > 0);

  const set = (key: FilterKey, value: string) =>
    // Another provider's cohorts are not among the choices any more.
    onChange(key === 'providerId' ? { ...values, providerId: value, cohortId: '' } : { ...values, [key]: value });

  const statusChoices = STATUS_CHOICES.map((status: StatusAsOf) => ({ value: status, label: w(`status.${status}`) }));

  return (
    <details class="worklist-filters" open={openAtFirst}>
      <summary class="worklist-filters__summary">
        {w('filters.title')}
        {active > 0 && <span class="badge">{active}</span>}
      </summary>
      <div class="worklist-filters__fields">
        <FilterSelect label="filters.kecamatan" value={values.kecamatan} choices={choices.kecamatan} onValue={(value) => set('kecamatan', value)} />
        <FilterSelect label="filters.provider" value={values.providerId} choices={choices.providerId} onValue={(value) => set('providerId', value)} />
        <FilterSelect label="filters.cohort" value={values.cohortId} choices={choices.cohortId} onValue={(value) => set('cohortId', value)} />
        <FilterSelect label="filters.status" value={values.status} choices={statusChoices} onValue={(value) => set('status', value)} />
      </div>
      {active > 0 && (
        <button type="button" class="button button--secondary" onClick={() => onChange(NO_FILTERS)}>
          {w('filters.clear')}
        </button>
      )}
    </details>
  );
}

type SelectProps = { label: WorklistWord; value: string; choices: readonly Choice[]; onValue: (value: string) => void };

function FilterSelect({ label, value, choices, onValue }: SelectProps) {
  const w = useWorklistWords();
  const id = useId();
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {w(label)}
      </label>
      <select id={id} class="field__input" value={value} onChange={(event) => onValue(event.currentTarget.value)}>
        <option value="">{w('filters.all')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
