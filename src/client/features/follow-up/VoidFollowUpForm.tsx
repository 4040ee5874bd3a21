import { useState } from 'preact/hooks';
import { asSentence, useErrorText, useT } from '../../i18n';
import { useMutate } from '../../sync/SyncProvider';
import { useAlumnusWords } from '../alumnus/alumnus-words';
import { TextAreaField } from '../alumnus/TextAreaField';

type Props = { followUpId: string; label: string; onDone: () => void };

/**
 * Voids a mistaken follow-up with a reason, through the mutation layer: the entry stays
 * in the timeline, struck through with the reason (append-only: a correction is a new
 * contact, never a rewrite). The reason is required by the shared VoidFollowUpSchema,
 * and stays in the field whatever the answer.
 */
export function VoidFollowUpForm({ followUpId, label, onDone }: Props) {
  const t = useT();
  const w = useAlumnusWords();
  const errorText = useErrorText();
  const mutate = useMutate();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await mutate('follow-up.void', { id: followUpId, reason });
    setBusy(false);
    if (result.kind === 'ok') {
      onDone();
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
      <TextAreaField label={w('void.reason')} name="reason" value={reason} onValue={setReason} error={error} />
      {problem !== null && (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="form__actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.saving') : w('void.confirm')}
        </button>
        <button type="button" class="button button--secondary" onClick={onDone}>
          {w('void.keep')}
        </button>
      </div>
    </form>
  );
}
