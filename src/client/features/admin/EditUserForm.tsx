import type { UserSummary } from '../../../shared/api/auth.api';
import type { Provider } from '../../../shared/schema/provider.schema';
import { useT } from '../../i18n';
import { CheckboxField } from '../../ui/CheckboxField';
import { FormProblemMessage } from '../../ui/FormProblemMessage';
import { TextField } from '../../ui/TextField';
import { useForm } from '../../ui/use-form';
import { updateUser } from './admin-api';
import { RoleProviderFields, providerIdFor } from './RoleProviderFields';

type Props = {
  user: UserSummary;
  providers: readonly Provider[];
  onSaved: (user: UserSummary) => void;
  onCancel: () => void;
};

/** Name, role, provider, and the active flag: unticking it deactivates (the server ends their sessions). */
export function EditUserForm({ user, providers, onSaved, onCancel }: Props) {
  const t = useT();
  const form = useForm({ displayName: user.displayName, role: user.role, providerId: user.providerId ?? '', managesCohorts: user.managesCohorts, active: user.active });
  const { values } = form;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (form.busy) return;
    const answer = await form.submit(() =>
      updateUser(user.id, {
        displayName: values.displayName,
        role: values.role,
        providerId: providerIdFor(values.role, values.providerId),
        managesCohorts: values.role === 'officer' && values.managesCohorts,
        active: values.active,
      }),
    );
    if (answer !== null) onSaved(answer.user);
  };

  return (
    <form class="form" noValidate onSubmit={submit} aria-label={t('admin.users.editTitle', { name: user.displayName })}>
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
      <CheckboxField
        label={t('admin.users.active')}
        name="active"
        checked={values.active}
        onChecked={form.set('active')}
        hint={t('admin.users.activeHint')}
        error={form.error('active')}
      />
      <FormProblemMessage problem={form.problem} />
      <div class="form__actions">
        <button type="submit" class="button" disabled={form.busy}>
          {t(form.busy ? 'common.saving' : 'common.save')}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
