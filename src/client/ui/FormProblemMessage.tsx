import { asSentence, useErrorText, useT } from '../i18n';
import { useOnline } from '../app/use-online';
import type { FormProblem } from './form-errors';

/**
 * A form's problem in the user's language, announced when it appears. An unreachable
 * server reads differently offline (expected, says what to do) and online (a bad link).
 */
export function FormProblemMessage({ problem }: { problem: FormProblem | null }) {
  const t = useT();
  const errorText = useErrorText();
  const online = useOnline();
  if (problem === null) return null;
  let text: string;
  if (problem.kind === 'unreachable') text = t(online ? 'online.unreachable' : 'online.required');
  else if (problem.kind === 'fields') text = t('form.fixFields');
  else if (problem.code === 'rate-limited' && problem.retryAfterSeconds) {
    const minutes = Math.max(1, Math.ceil(problem.retryAfterSeconds / 60));
    text = t(minutes === 1 ? 'error.rateLimited.one' : 'error.rateLimited.other', { minutes });
  } else text = asSentence(errorText(problem.code));
  return (
    <p class="form-problem" role="alert">
      {text}
    </p>
  );
}
