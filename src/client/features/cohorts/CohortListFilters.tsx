import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useListWords } from '../../ui/list-words';
import { NO_COHORT_FILTERS, type Choice, type CohortFilters } from './cohort-list-filter';
import { useCohortsWords } from './cohorts-words';

type Props = {
  values: CohortFilters;
  choices: { providers: Choice[]; vocations: Choice[]; years: Choice[] };
  onChange: (values: CohortFilters) => void;
};

const FUNDING = ['apbd-murni', 'apbd-perubahan', 'apbn', 'other'] as const;

/** Search and the four filters over the cohort list; a provider's staff have one provider, so no provider filter. */
export function CohortListFilters({ values, choices, onChange }: Props) {
  const l = useListWords();
  const w = useCohortsWords();
  const all = { value: '', label: l('all') };
  const set = (key: keyof CohortFilters) => (value: string) => onChange({ ...values, [key]: value });
  const active = Object.values(values).some((value) => value !== '');
  return (
    <div class="list-filters" role="search">
      <TextField label={l('search')} name="query" value={values.query} onValue={set('query')} />
      {choices.providers.length > 1 && (
        <SelectField label={w('field.provider')} name="providerId" value={values.providerId} options={[all, ...choices.providers]} onValue={set('providerId')} />
      )}
      <SelectField label={w('field.budgetYear')} name="budgetYear" value={values.budgetYear} options={[all, ...choices.years]} onValue={set('budgetYear')} />
      <SelectField
        label={w('field.fundingSource')}
        name="fundingSource"
        value={values.fundingSource}
        options={[all, ...FUNDING.map((value) => ({ value, label: w(`funding.${value}`) }))]}
        onValue={set('fundingSource')}
      />
      <SelectField label={w('field.vocation')} name="vocationId" value={values.vocationId} options={[all, ...choices.vocations]} onValue={set('vocationId')} />
      {active && (
        <button type="button" class="button button--secondary list-filters__clear" onClick={() => onChange(NO_COHORT_FILTERS)}>
          {l('clear')}
        </button>
      )}
    </div>
  );
}
