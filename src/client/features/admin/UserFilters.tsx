import type { UserSummary } from '../../../shared/api/auth.api';
import { matchesQuery } from '../../../shared/domain/list-query';
import { ROLES } from '../../../shared/domain/roles';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useListWords } from '../../ui/list-words';

export type UserFilterValues = { query: string; role: string };

export const NO_USER_FILTERS: UserFilterValues = { query: '', role: '' };

/** Users matching the search (name, username, provider) and the role; '' is any. */
export function filterUsers(users: readonly UserSummary[], filters: UserFilterValues, providerNames: ReadonlyMap<string, string>): UserSummary[] {
  return users.filter(
    (user) =>
      (filters.role === '' || user.role === filters.role) &&
      matchesQuery([user.displayName, user.username, user.providerId === null ? '' : (providerNames.get(user.providerId) ?? '')], filters.query),
  );
}

type Props = { values: UserFilterValues; onChange: (values: UserFilterValues) => void };

/** Search by name or username and a role filter over the admin's user list. */
export function UserFilters({ values, onChange }: Props) {
  const t = useT();
  const l = useListWords();
  return (
    <div class="list-filters" role="search">
      <TextField label={l('search')} name="query" value={values.query} onValue={(query) => onChange({ ...values, query })} />
      <SelectField
        label={t('admin.users.role')}
        name="role"
        value={values.role}
        options={[{ value: '', label: l('allRoles') }, ...ROLES.map((value) => ({ value, label: t(`role.${value}`) }))]}
        onValue={(role) => onChange({ ...values, role })}
      />
    </div>
  );
}
