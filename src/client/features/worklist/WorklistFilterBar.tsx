import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { StatusAsOf } from '../../../shared/domain/status-as-of';
import { FILTER_KEYS, NO_FILTERS, STATUS_CHOICES, type Choice, type FilterChoices, type FilterKey, type FilterValues } from './worklist-filters';
import { useWorklistWords, type WorklistWord } from './worklist-words';

type Props = {
  values: FilterValues;
  choices: FilterChoices;
  onChange: (values: FilterValues) => void;
  grouped: boolean;
  onGrouped: (grouped: boolean) => void;
  /** The screen's heading, on one line with the button. */
  heading: ComponentChildren;
  /** The count line, under the panel. */
  children: ComponentChildren;
};

/**
 * One line above the list, the heading and a "Saring" button, so that at 360×740
 * six people or more are whole on the first screen. The button opens kecamatan,
 * provider, cohort and status as labelled native selects (the phone's own picker, one
 * thumb) and the grouping by kecamatan; open from the start when a remembered filter
 * narrows the list.
 */
export function WorklistFilterBar({ values, choices, onChange, grouped, onGrouped, heading, children }: Props) {
  const w = useWorklistWords();
  const panelId = useId();
  const active = FILTER_KEYS.filter((key) => values[key] !== '').length;
  // Fixed at mount: a prop that followed `active` would fold the panel under the thumb
  // of someone who just cleared the filters.
  const [open, setOpen] = useState(active > 0);

  const set = (key: FilterKey, value: string) =>
    // Another provider's cohorts are not among the choices any more.
    onChange(key === 'providerId' ? { ...values, providerId: value, cohortId: '' } : { ...values, [key]: value });

  const statusChoices = STATUS_CHOICES.map((status: StatusAsOf) => ({ value: status, label: w(`status.${status}`) }));

  return (
    <div class="worklist-filters">
      <div class="worklist-filters__bar">
        {heading}
        <button type="button" class="button button--secondary worklist-filters__toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {w('filters.title')}
          {active > 0 && (
            <span class="badge">
              {active}
              <span class="visually-hidden"> {w('filters.active', { count: active })}</span>
            </span>
          )}
        </button>
      </div>
      <div id={panelId} class="worklist-filters__panel" hidden={!open}>
        <div class="worklist-filters__fields">
          <FilterSelect label="filters.kecamatan" value={values.kecamatan} choices={choices.kecamatan} onValue={(value) => set('kecamatan', value)} />
          <FilterSelect label="filters.provider" value={values.providerId} choices={choices.providerId} onValue={(value) => set('providerId', value)} />
          <FilterSelect label="filters.cohort" value={values.cohortId} choices={choices.cohortId} onValue={(value) => set('cohortId', value)} />
          <FilterSelect label="filters.status" value={values.status} choices={statusChoices} onValue={(value) => set('status', value)} />
        </div>
        <label class="check worklist-filters__group">
          <input type="checkbox" checked={grouped} onChange={(event) => onGrouped(event.currentTarget.checked)} />
          <span>{w('filters.groupByKecamatan')}</span>
        </label>
        {active > 0 && (
          <button type="button" class="button button--secondary" onClick={() => onChange(NO_FILTERS)}>
            {w('filters.clear')}
          </button>
        )}
      </div>
      {children}
    </div>
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
