import { useState } from 'preact/hooks';
import { asSentence, useErrorText, useT } from '../../i18n';
import type { MutateResult } from '../../sync/mutate';
import { TextAreaField } from './TextAreaField';

type Props = {
  label: string;
  /** A sentence above the field saying what the action does; none for a plain reason. */
  intro?: string;
  reasonLabel: string;
  confirm: string;
  keep: string;
  /** Queues the change with the typed reason (the shared schema requires one). */
  send: (reason: string) => Promise<MutateResult>;
  /** true once the change is queued, false when the person keeps the record as it is. */
  onDone: (done: boolean) => void;
};

/**
 * A correction that needs a reason (voiding a follow-up, withdrawing an enrolment): the
 * reason's refusal beside the field, anything else above the buttons, and what was typed
 * kept whatever the answer.
 */
export function ReasonForm({ label, intro, reasonLabel, confirm, keep, send, onDone }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await send(reason);
    setBusy(false);
    if (result.kind === 'ok') {
      onDone(true);
      return;
    }
    if (result.kind === 'invalid') {
      const beside = result.issues.find((issue) => issue.path === 'reason');
      const other = result.issues.find((issue) => issue.path !== 'reason');
      setError(beside === undefined ? null : asSentence(errorText(beside.code)));
      setProblem(other === undefined ? t('form.fixFields') : asSentence(errorText(other.code)));
      return;
    }
    setError(null);
    setProblem(t(`sync.problem.${result.kind}`));
  };

  return (
    <form class="form timeline__void-form" noValidate onSubmit={submit} aria-label={label}>
      {intro !== undefined && <p class="muted">{intro}</p>}
      <TextAreaField label={reasonLabel} name="reason" value={reason} onValue={setReason} error={error} />
      {problem !== null && (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="form__actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.saving') : confirm}
        </button>
        <button type="button" class="button button--secondary" onClick={() => onDone(false)}>
          {keep}
        </button>
      </div>
    </form>
  );
}
