import { useState } from 'preact/hooks';
import { PASSWORD_MIN_LENGTH } from '../../../shared/api/auth.api';
import { apiRequest } from '../../api/api-request';
import { useSessionStore } from '../../auth/SessionProvider';
import { asSentence, useErrorText, useT } from '../../i18n';
import { FormProblemMessage } from '../../ui/FormProblemMessage';
import { TextField } from '../../ui/TextField';
import { NO_ERRORS, formErrorsFrom, type FormErrors } from '../../ui/form-errors';

type Field = 'currentPassword' | 'newPassword' | 'repeat';
const FIELDS: readonly Field[] = ['currentPassword', 'newPassword', 'repeat'];

/** `POST /api/auth/password`. The server ends the user's other sessions, keeps this one. */
export function ChangePasswordForm() {
  const t = useT();
  const errorText = useErrorText();
  const store = useSessionStore();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const fieldError = (field: Field) => {
    const code = errors.fields[field];
    if (code === undefined) return null;
    return code === 'password-mismatch' ? t('password.mismatch') : asSentence(errorText(code));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    if (values.newPassword !== values.repeat) {
      setErrors({ fields: { repeat: 'password-mismatch' }, problem: { kind: 'fields' } });
      return;
    }
    setBusy(true);
    const result = await apiRequest('/api/auth/password', {
      method: 'POST',
      body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
    });
    setBusy(false);
    if (result.kind === 'ok') {
      setValues({ currentPassword: '', newPassword: '', repeat: '' });
      setErrors(NO_ERRORS);
      setDone(true);
      store.passwordChanged();
      return;
    }
    // A wrong current password is refused with `invalid-credentials`.
    setErrors(formErrorsFrom(result, FIELDS, { 'invalid-credentials': 'currentPassword' }));
  };

  return (
    <form class="form" noValidate onSubmit={submit}>
      <h2>{t('password.title')}</h2>
      <TextField
        label={t('password.current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={values.currentPassword}
        onValue={set('currentPassword')}
        error={fieldError('currentPassword')}
      />
      <TextField
        label={t('password.new')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        value={values.newPassword}
        onValue={set('newPassword')}
        error={fieldError('newPassword')}
      />
      <TextField
        label={t('password.repeat')}
        name="repeat"
        type="password"
        autoComplete="new-password"
        value={values.repeat}
        onValue={set('repeat')}
        error={fieldError('repeat')}
      />
      <FormProblemMessage problem={errors.problem} />
      {done && (
        <p class="notice notice--success" role="status">
          {t('password.saved')}
        </p>
      )}
      <div class="form__actions">
        <button type="submit" class="button" disabled={busy}>
          {t(busy ? 'common.saving' : 'password.submit')}
        </button>
      </div>
    </form>
  );
}
