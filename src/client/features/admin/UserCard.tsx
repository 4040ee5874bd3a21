import type { UserSummary } from '../../../shared/api/auth.api';
import type { Provider } from '../../../shared/schema/provider.schema';
import { useT } from '../../i18n';
import { EditUserForm } from './EditUserForm';
import { ResetPasswordForm } from './ResetPasswordForm';

type Props = {
  user: UserSummary;
  providers: readonly Provider[];
  providerName: string | null;
  editing: 'edit' | 'password' | null;
  onEdit: (kind: 'edit' | 'password' | null) => void;
  onSaved: (user: UserSummary) => void;
  onPasswordReset: () => void;
};

/** One user: who, role, provider, active; its buttons name the user for screen readers. */
export function UserCard({ user, providers, providerName, editing, onEdit, onSaved, onPasswordReset }: Props) {
  const t = useT();
  return (
    <li class={user.active ? 'card' : 'card card--inactive'}>
      <h3 class="card__title">{user.displayName}</h3>
      <p class="card__meta">
        <span class="mono">{user.username}</span> · {t(`role.${user.role}`)}
        {providerName !== null && ` · ${providerName}`}
        {user.managesCohorts && ` · ${t('admin.users.isCohortManager')}`}
      </p>
      <p class={user.active ? 'badge' : 'badge badge--off'}>{t(user.active ? 'admin.users.isActive' : 'admin.users.isInactive')}</p>
      {editing === 'edit' && <EditUserForm user={user} providers={providers} onSaved={onSaved} onCancel={() => onEdit(null)} />}
      {editing === 'password' && <ResetPasswordForm user={user} onDone={onPasswordReset} onCancel={() => onEdit(null)} />}
      {editing === null && (
        <div class="card__actions">
          <button type="button" class="button button--secondary" onClick={() => onEdit('edit')}>
            {t('common.edit')}
            <span class="visually-hidden"> {user.displayName}</span>
          </button>
          <button type="button" class="button button--secondary" onClick={() => onEdit('password')}>
            {t('admin.users.resetPassword')}
            <span class="visually-hidden"> {user.displayName}</span>
          </button>
        </div>
      )}
    </li>
  );
}
