import { useEffect, useRef, useState } from 'preact/hooks';
import type { IsoDate } from '../../../shared/domain/dates';
import { ALUMNUS_STATUSES, OFFICER_CHANNELS, UNREACHED_REASONS, type FollowUp } from '../../../shared/schema/follow-up.schema';
import { useUser } from '../../auth/SessionProvider';
import { asSentence, useErrorText, useT } from '../../i18n';
import { useMutate } from '../../sync/SyncProvider';
import { TextAreaField } from '../alumnus/TextAreaField';
import { buildFollowUp, contactForRule, fieldOf, type FieldErrors, type FormField } from './build-follow-up';
import { ChoiceGroup } from './ChoiceGroup';
import { clearDraft, draftKey, readDraft, writeDraft } from './follow-up-draft';
import { emptyValues, valuesFromDraft, type FollowUpValues, type TextField } from './follow-up-values';
import { useFollowUpWords } from './follow-up-words';
import { InputField } from './InputField';
import { LocationField } from './LocationField';
import { proposeNextDate } from './propose-next-date';
import { StatusFields } from './StatusFields';
import { newRecordId } from '../../../shared/record-id';

type Props = {
  alumnus: { id: string; name: string };
  graduationDate: IsoDate | null;
  /** The alumnus's follow-ups on this device, voided ones included (the rule skips them). */
  followUps: readonly FollowUp[];
  onSaved: () => void;
};

type Problem = { kind: 'fields' } | { kind: 'text'; text: string };

/**
 * Logs one contact through the mutation layer: applied on this device (the timeline and
 * worklist show it at once) and queued for the server in one step, offline or not. The
 * common case is four taps and a save: channel, reached, status, save. Everything typed
 * is kept as a draft while the form is open, and stays in the fields whatever the answer.
 */
export function FollowUpForm({ alumnus, graduationDate, followUps, onSaved }: Props) {
  const t = useT();
  const w = useFollowUpWords();
  const errorText = useErrorText();
  const mutate = useMutate();
  const user = useUser();
  const key = draftKey(user.id, alumnus.id);

  const [initial] = useState(() => {
    const now = new Date();
    const restored = valuesFromDraft(readDraft(key), now);
    return { restored: restored !== null, values: restored ?? emptyValues(now) };
  });
  const [values, setValues] = useState<FollowUpValues>(initial.values);
  const [restored, setRestored] = useState(initial.restored);
  // Made once per form: a double tap on save or a retry logs the same contact, never two.
  const [id] = useState(() => newRecordId());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // Only what the officer typed is a draft: opening the form and leaving stores nothing.
  const edited = useRef(false);

  useEffect(() => {
    if (edited.current) writeDraft(key, values);
  }, [key, values]);

  const update = (patch: Partial<FollowUpValues>) => {
    edited.current = true;
    setValues((current) => ({ ...current, ...patch }));
  };
  const set = (field: TextField) => (value: string) => {
    edited.current = true;
    setValues((current) => {
      const next = { ...current };
      next[field] = value;
      return next;
    });
  };
  const error = (field: FormField) => {
    const code = errors[field];
    return code === undefined ? null : asSentence(errorText(code));
  };

  // Re-proposed as the contact's time or outcome changes, until the officer picks a date.
  const contact = contactForRule(values, { id, alumnusId: alumnus.id, officerId: user.id, now: new Date() });
  const proposed = proposeNextDate(graduationDate, followUps, contact);
  const nextDate = values.nextDateChosen ? values.nextFollowUpDate : (proposed ?? '');

  const discard = () => {
    clearDraft(key);
    edited.current = false;
    setValues(emptyValues(new Date()));
    setRestored(false);
    setErrors({});
    setProblem(null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const built = buildFollowUp({ ...values, nextFollowUpDate: nextDate }, { id, alumnusId: alumnus.id, officerId: user.id, now: new Date() });
    if (built.kind === 'invalid') {
      showInvalid(built.errors, built.unplaced);
      return;
    }
    setBusy(true);
    const result = await mutate('follow-up.log', built.args);
    setBusy(false);
    if (result.kind === 'ok') {
      edited.current = false;
      clearDraft(key);
      onSaved();
      return;
    }
    if (result.kind === 'invalid') {
      const placed: FieldErrors = {};
      let unplaced: string | null = null;
      for (const issue of result.issues) {
        const field = fieldOf(issue.path);
        if (field === null) unplaced ??= issue.code;
        else placed[field] ??= issue.code;
      }
      showInvalid(placed, unplaced);
      return;
    }
    setErrors({});
    setProblem({ kind: 'text', text: t(`sync.problem.${result.kind}`) });
  };

  const showInvalid = (placed: FieldErrors, unplaced: string | null) => {
    setErrors(placed);
    setProblem(unplaced === null ? { kind: 'fields' } : { kind: 'text', text: asSentence(errorText(unplaced)) });
  };

  return (
    <form class="form follow-up-form" noValidate onSubmit={submit} aria-label={w('formLabel', { name: alumnus.name })}>
      {restored && (
        <div class="notice follow-up-form__draft" role="status">
          <p>{w('draft.restored')}</p>
          <button type="button" class="button button--secondary" onClick={discard}>
            {w('draft.discard')}
          </button>
        </div>
      )}
      <ChoiceGroup
        legend={w('channel')}
        name="channel"
        value={values.channel}
        options={OFFICER_CHANNELS.map((channel) => ({ value: channel, label: w(`channel.${channel}`) }))}
        onValue={set('channel')}
        error={error('channel')}
      />
      <ChoiceGroup
        legend={w('reached')}
        name="reached"
        value={values.reached}
        options={[
          { value: 'yes', label: w('reached.yes') },
          { value: 'no', label: w('reached.no') },
        ]}
        onValue={(value) => update({ reached: value === 'yes' ? 'yes' : 'no' })}
        error={error('reached')}
      />
      {values.reached === 'no' && (
        <ChoiceGroup
          legend={w('reason')}
          name="unreachedReason"
          value={values.unreachedReason}
          options={UNREACHED_REASONS.map((reason) => ({ value: reason, label: w(`reason.${reason}`) }))}
          onValue={set('unreachedReason')}
          error={error('unreachedReason')}
        />
      )}
      {values.reached === 'yes' && (
        <>
          <ChoiceGroup
            legend={w('status')}
            name="status"
            value={values.status}
            options={ALUMNUS_STATUSES.map((status) => ({ value: status, label: w(`status.${status}`) }))}
            onValue={set('status')}
            error={error('status')}
          />
          <StatusFields values={values} set={set} error={error} />
        </>
      )}
      <TextAreaField label={w('notes')} name="notes" value={values.notes} onValue={set('notes')} error={error('notes')} />
      <InputField
        label={w('contactedAt')}
        name="contactedAt"
        type="datetime-local"
        value={values.contactedAt}
        onValue={set('contactedAt')}
        error={error('contactedAt')}
      />
      <InputField
        label={w('nextDate')}
        name="nextFollowUpDate"
        type="date"
        hint={w(proposed === null ? 'nextDate.hint.none' : 'nextDate.hint')}
        value={nextDate}
        onValue={(value) => update({ nextFollowUpDate: value, nextDateChosen: true })}
        error={error('nextFollowUpDate')}
      />
      <LocationField gps={values.gps} onGps={(gps) => update({ gps })} error={error('gps')} />
      {problem !== null && (
        <p class="form-problem" role="alert">
          {problem.kind === 'fields' ? t('form.fixFields') : problem.text}
        </p>
      )}
      <div class="form__actions">
        <button type="submit" class="button follow-up-form__save" disabled={busy}>
          {busy ? t('common.saving') : w('save')}
        </button>
      </div>
    </form>
  );
}
