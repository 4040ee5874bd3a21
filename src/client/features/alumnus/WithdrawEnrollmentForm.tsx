import { useState } from 'preact/hooks';
import { asSentence, useErrorText, useT } from '../../i18n';
import { useMutate } from '../../sync/SyncProvider';
import { useAlumnusWords } from './alumnus-words';
import { TextAreaField } from './TextAreaField';

type Props = { enrollmentId: string; label: string; onDone: (withdrawn: boolean) => void };

/**
 * Withdraws an enrolment made in error (the wrong person, the wrong cohort) with a
 * reason, through the mutation layer, offline too. The server keeps the reason in the
 * audit log; the person leaves this provider's devices on the next pull unless enrolled
 * there in another cohort. The reason is required by the shared WithdrawEnrollmentSchema.
 */
export function WithdrawEnrollmentForm({ enrollmentId, label, onDone }: Props) {
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
    const result = await mutate('enrollment.withdraw', { id: enrollmentId, reason });
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
      <p class="muted">{w('withdraw.intro')}</p>
      <TextAreaField label={w('withdraw.reason')} name="reason" value={reason} onValue={setReason} error={error} />
      {problem !== null && (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      )}
      <div class="form__actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.saving') : w('withdraw.confirm')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => onDone(false)}>
          {w('void.keep')}
        </button>
      </div>
    </form>
  );
}
