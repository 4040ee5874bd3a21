import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { dateInZone } from '../../../shared/domain/dates';
import { FUNDING_SOURCES, type Cohort, type Provider, type Vocation } from '../../../shared/schema';
import { useUser } from '../../auth/SessionProvider';
import { asSentence, useErrorText, useT } from '../../i18n';
import { useMutate } from '../../sync/SyncProvider';
import { InputField } from '../follow-up/InputField';
import { checkCohortValues, cohortChange, cohortValuesOf, emptyCohortValues, errorsOf, type CohortErrors, type CohortField, type CohortValues } from './cohort-form-values';
import { useCohortsWords } from './cohorts-words';
import { SelectField } from '../../ui/SelectField';
import { newRecordId } from '../../../shared/record-id';

type Props = { seen: Cohort | null; vocations: readonly Vocation[]; providers: readonly Provider[]; label: string };

/**
 * Creates a cohort, or edits `seen`. Checked with the shared schema before anything is
 * written; errors go beside their fields and every value stays as typed. An edit sends
 * only the changed fields, with `base` = the values shown when the form opened, so a
 * change someone else made meanwhile is refused for review instead of overwritten.
 */
export function CohortForm({ seen, vocations, providers, label }: Props) {
  const t = useT();
  const w = useCohortsWords();
  const errorText = useErrorText();
  const user = useUser();
  const { route } = useLocation();
  const mutate = useMutate();
  const [values, setValues] = useState<CohortValues>(() => (seen === null ? emptyCohortValues(user.providerId, dateInZone(new Date())) : cohortValuesOf(seen)));
  const [errors, setErrors] = useState<CohortErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Made once per form: a double tap creates one cohort, never two.
  const [newId] = useState(() => newRecordId());

  // Provider staff write for their own provider only; the provider of a cohort never changes.
  const providerFixed = seen !== null || user.providerId !== null;
  const providerName = providers.find((provider) => provider.id === values.providerId)?.name ?? null;
  const set = (field: CohortField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const error = (field: CohortField) => (errors[field] === undefined ? null : asSentence(errorText(errors[field])));

  const fail = (found: CohortErrors) => {
    setErrors(found);
    setProblem(t('form.fixFields'));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkCohortValues(values);
    const missingProvider: CohortErrors = !providerFixed && values.providerId === '' ? { providerId: 'required' } : {};
    if (checked.kind === 'invalid' || Object.keys(missingProvider).length > 0) {
      fail({ ...missingProvider, ...(checked.kind === 'invalid' ? checked.errors : {}) });
      return;
    }
    setBusy(true);
    let result;
    let cohortId: string = newId;
    if (seen === null) {
      result = await mutate('cohort.create', { id: newId, ...checked.fields, ...(user.providerId === null ? { providerId: values.providerId } : {}) });
    } else {
      cohortId = seen.id;
      const { patch, base } = cohortChange(seen, checked.fields);
      result = Object.keys(patch).length === 0 ? ({ kind: 'ok' } as const) : await mutate('cohort.update', { id: seen.id, patch, base });
    }
    setBusy(false);
    if (result.kind === 'ok') {
      route(`/cohorts/${cohortId}`);
      return;
    }
    if (result.kind === 'invalid') fail(errorsOf(result.issues));
    else {
      setErrors({});
      setProblem(t(`sync.problem.${result.kind}`));
    }
  };

  const choose = { value: '', label: w('field.choose') };
  const dateField = (field: CohortField, extra: { hint?: string } = {}) => (
    <InputField label={w(`field.${field}` as `field.${'startDate'}`)} name={field} type="date" value={values[field]} onValue={set(field)} error={error(field)} {...extra} />
  );

  return (
    <form class="form" noValidate onSubmit={(event) => void submit(event)} aria-label={label}>
      {providerFixed ? (
        <dl class="facts">
          <dt>{w('field.provider')}</dt>
          <dd>{providerName ?? (values.providerId === '' ? w('form.noProvider') : '—')}</dd>
        </dl>
      ) : (
        <SelectField
          label={w('field.provider')}
          name="providerId"
          value={values.providerId}
          options={[choose, ...providers.map((provider) => ({ value: provider.id, label: provider.name }))]}
          onValue={set('providerId')}
          error={error('providerId')}
        />
      )}
      {vocations.length === 0 && <p class="muted">{w('form.noVocations')}</p>}
      <SelectField
        label={w('field.vocation')}
        name="vocationId"
        value={values.vocationId}
        options={[choose, ...vocations.map((vocation) => ({ value: vocation.id, label: vocation.name }))]}
        onValue={set('vocationId')}
        error={error('vocationId')}
      />
      <InputField label={w('field.title')} name="title" value={values.title} onValue={set('title')} error={error('title')} />
      <SelectField
        label={w('field.fundingSource')}
        name="fundingSource"
        value={values.fundingSource}
        options={[choose, ...FUNDING_SOURCES.map((source) => ({ value: source, label: w(`funding.${source}`) }))]}
        onValue={set('fundingSource')}
        error={error('fundingSource')}
      />
      <InputField label={w('field.budgetYear')} name="budgetYear" inputMode="numeric" value={values.budgetYear} onValue={set('budgetYear')} error={error('budgetYear')} />
      {dateField('startDate')}
      {dateField('endDate')}
      <InputField label={w('field.location')} name="location" value={values.location} onValue={set('location')} error={error('location')} />
      <InputField label={w('field.seats')} name="seats" inputMode="numeric" value={values.seats} onValue={set('seats')} error={error('seats')} hint={w('form.seatsHint')} />
      {dateField('plannedCertificationDate')}
      {dateField('actualCertificationDate')}
      {problem !== null && (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="form__actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.saving') : w('form.save')}
        </button>
        <a class="button button--secondary" href={seen === null ? '/cohorts' : `/cohorts/${seen.id}`}>
          {w('form.cancel')}
        </a>
      </div>
    </form>
  );
}
