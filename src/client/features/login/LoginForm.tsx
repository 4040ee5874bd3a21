import { useState } from 'preact/hooks';
import { useSessionStore } from '../../auth/SessionProvider';
import type { SignInOutcome } from '../../auth/session-store';
import { useOnline } from '../../app/use-online';
import { asSentence, useErrorText, useT } from '../../i18n';
import { FormProblemMessage } from '../../ui/FormProblemMessage';
import { TextField } from '../../ui/TextField';
import { NO_ERRORS, formErrorsFrom, type FormErrors } from '../../ui/form-errors';

type Field = 'username' | 'password';
const FIELDS: readonly Field[] = ['username', 'password'];

function errorsOf(outcome: Exclude<SignInOutcome, { kind: 'signed-in' | 'offline' }>): FormErrors<Field> {
  if (outcome.kind === 'unreachable') return formErrorsFrom({ kind: 'unreachable' }, FIELDS);
  const { error, retryAfterSeconds } = outcome;
  return formErrorsFrom({ kind: 'error', status: 0, error, retryAfterSeconds }, FIELDS);
}

/**
 * Username and password. Offline it says so instead of pretending to try: signing in
 * needs the network once. On success the session changes and the `/login` route sends
 * the user to their role's home.
 */
export function LoginForm({ fixedUsername }: { fixedUsername?: string }) {
  const t = useT();
  const errorText = useErrorText();
  const store = useSessionStore();
  const online = useOnline();
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || !online) return;
    const missing: Partial<Record<Field, string>> = {};
    if (username.trim() === '') missing.username = 'required';
    if (password === '') missing.password = 'required';
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, problem: { kind: 'fields' } });
      return;
    }
    setBusy(true);
    const outcome = await store.signIn(username, password);
    if (outcome.kind === 'signed-in') return;
    setBusy(false);
    setErrors(outcome.kind === 'offline' ? NO_ERRORS : errorsOf(outcome));
  };

  const fieldError = (field: Field) => {
    const code = errors.fields[field];
    return code === undefined ? null : asSentence(errorText(code));
  };

  return (
    <form class="form" noValidate onSubmit={submit}>
      <TextField
        label={t('login.username')}
        name="username"
        autoComplete="username"
        value={username}
        readOnly={fixedUsername !== undefined}
        onValue={setUsername}
        error={fieldError('username')}
      />
      <TextField
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onValue={setPassword}
        error={fieldError('password')}
      />
      {online ? (
        <FormProblemMessage problem={errors.problem} />
      ) : (
        <p class="notice" role="status">
          {t('login.offline')}
        </p>
      )}
      <div class="form__actions">
        <button type="submit" class="button" disabled={busy}>
          {t(busy ? 'login.submitting' : 'login.submit')}
        </button>
      </div>
    </form>
  );
}
