import { ROLES, type Role } from '../../../shared/schema/user.schema';
import type { Provider } from '../../../shared/schema/provider.schema';
import { useT } from '../../i18n';
import { CheckboxField } from '../../ui/CheckboxField';
import { SelectField } from '../../ui/SelectField';

type Props = {
  role: Role;
  providerId: string;
  providers: readonly Provider[];
  onRole: (role: Role) => void;
  onProvider: (providerId: string) => void;
  roleError: string | null;
  providerError: string | null;
  managesCohorts: boolean;
  onManagesCohorts: (granted: boolean) => void;
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The provider goes with the role: asked for, and sent, only for provider staff. */
export function providerIdFor(role: Role, providerId: string): string | null {
  return role === 'provider-staff' && providerId !== '' ? providerId : null;
}

/** Role, and what goes with it: the provider for provider staff, cohort rights for officers. */
export function RoleProviderFields({ role, providerId, providers, onRole, onProvider, roleError, providerError, managesCohorts, onManagesCohorts }: Props) {
  const t = useT();
  const choices = providers.filter((provider) => !provider.deleted || provider.id === providerId);
  return (
    <>
      <SelectField
        label={t('admin.users.role')}
        name="role"
        value={role}
        options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
        onValue={(value) => isRole(value) && onRole(value)}
        error={roleError}
      />
      {role === 'provider-staff' && (
        <SelectField
          label={t('admin.users.provider')}
          name="providerId"
          value={providerId}
          options={[{ value: '', label: t('admin.users.chooseProvider') }, ...choices.map(({ id, name }) => ({ value: id, label: name }))]}
          onValue={onProvider}
          error={providerError}
        />
      )}
      {role === 'officer' && (
        <CheckboxField
          label={t('admin.users.managesCohorts')}
          name="managesCohorts"
          checked={managesCohorts}
          onChecked={onManagesCohorts}
          hint={t('admin.users.managesCohortsHint')}
        />
      )}
    </>
  );
}
