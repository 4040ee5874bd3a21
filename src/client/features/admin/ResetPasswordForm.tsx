import type { UserSummary } from '../../../shared/api/auth.api';
import { PASSWORD_MIN_LENGTH } from '../../../shared/api/auth.api';
import { useT } from '../../i18n';
import { FormProblemMessage } from '../../ui/FormProblemMessage';
import { TextField } from '../../ui/TextField';
import { useForm } from '../../ui/use-form';
import { resetPassword } from './admin-api';

type Props = { user: UserSummary; onDone: () => void; onCancel: () => void };

/**
 * Sets a password the admin then passes on (so it is shown as typed); the user's
 * sessions end and they are asked to choose their own after signing in.
 */
export function ResetPasswordForm({ user, onDone, onCancel }: Props) {
  const t = useT();
  const form = useForm({ password: '' });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    if ((await form.submit(() => resetPassword(user.id, form.values.password))) !== null) onDone();
  };

  return (
    <form class="form" noValidate onSubmit={submit} aria-label={t('admin.users.resetTitle', { name: user.displayName })}>
      <TextField
        label={t('admin.users.newPassword')}
        name="password"
        value={form.values.password}
        onValue={form.set('password')}
        error={form.error('password')}
        hint={t('admin.users.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="off"
      />
      <FormProblemMessage problem={form.problem} />
      <div class="form__actions">
        <button type="submit" class="button" disabled={form.busy}>
          {t(form.busy ? 'common.saving' : 'admin.users.resetSubmit')}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
