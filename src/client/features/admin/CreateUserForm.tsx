import type { UserSummary } from '../../../shared/api/auth.api';
import { PASSWORD_MIN_LENGTH } from '../../../shared/api/auth.api';
import type { Provider } from '../../../shared/schema/provider.schema';
import type { Role } from '../../../shared/schema/user.schema';
import { useT } from '../../i18n';
import { FormProblemMessage } from '../../ui/FormProblemMessage';
import { TextField } from '../../ui/TextField';
import { useForm } from '../../ui/use-form';
import { createUser } from './admin-api';
import { RoleProviderFields, providerIdFor } from './RoleProviderFields';

const FIRST_ROLE: Role = 'officer';

type NewUserValues = { username: string; displayName: string; role: Role; providerId: string; managesCohorts: boolean; password: string };
const EMPTY: NewUserValues = { username: '', displayName: '', role: FIRST_ROLE, providerId: '', managesCohorts: false, password: '' };

type Props = { providers: readonly Provider[]; onCreated: (user: UserSummary) => void; onCancel: () => void };

export function CreateUserForm({ providers, onCreated, onCancel }: Props) {
  const t = useT();
  const form = useForm(EMPTY);
  const { values } = form;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    const answer = await form.submit(
      () =>
        createUser({
          username: values.username,
          displayName: values.displayName,
          role: values.role,
          providerId: providerIdFor(values.role, values.providerId),
        managesCohorts: values.role === 'officer' && values.managesCohorts,
          password: values.password,
        }),
      { 'username-taken': 'username' },
    );
    if (answer !== null) onCreated(answer.user);
  };

  return (
    <form class="form card" noValidate onSubmit={submit} aria-labelledby="new-user-title">
      <h3 id="new-user-title">{t('admin.users.new')}</h3>
      <TextField label={t('login.username')} name="username" value={values.username} onValue={form.set('username')} error={form.error('username')} hint={t('admin.users.usernameHint')} autoComplete="off" />
      <TextField label={t('admin.users.displayName')} name="displayName" value={values.displayName} onValue={form.set('displayName')} error={form.error('displayName')} autoComplete="off" />
      <RoleProviderFields
        role={values.role}
        providerId={values.providerId}
        providers={providers}
        onRole={form.set('role')}
        onProvider={form.set('providerId')}
        roleError={form.error('role')}
        providerError={form.error('providerId')}
        managesCohorts={values.managesCohorts}
        onManagesCohorts={form.set('managesCohorts')}
      />
      <TextField
        label={t('admin.users.password')}
        name="password"
        value={values.password}
        onValue={form.set('password')}
        error={form.error('password')}
        hint={t('admin.users.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="off"
      />
      <FormProblemMessage problem={form.problem} />
      <div class="form__actions">
        <button type="submit" class="button" disabled={form.busy}>
          {t(form.busy ? 'common.saving' : 'admin.users.create')}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
