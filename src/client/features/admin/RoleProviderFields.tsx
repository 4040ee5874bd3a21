import { ROLES, type Role } from '../../../shared/schema/user.schema';
import type { Provider } from '../../../shared/schema/provider.schema';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/SelectField';

type Props = {
  role: Role;
  providerId: string;
  providers: readonly Provider[];
  onRole: (role: Role) => void;
  onProvider: (providerId: string) => void;
  roleError: string | null;
  providerError: string | null;
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The provider goes with the role: asked for, and sent, only for provider staff. */
export function providerIdFor(role: Role, providerId: string): string | null {
  return role === 'provider-staff' && providerId !== '' ? providerId : null;
}

/** Role, and the provider when the role is provider staff. */
export function RoleProviderFields({ role, providerId, providers, onRole, onProvider, roleError, providerError }: Props) {
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
    </>
  );
}
