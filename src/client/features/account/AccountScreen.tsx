import { useUser } from '../../auth/SessionProvider';
import { useT } from '../../i18n';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Who is signed in, and changing one's own password (every role). */
export function AccountScreen() {
  const t = useT();
  const user = useUser();
  return (
    <section class="screen screen--narrow">
      <h1>{t('account.title')}</h1>
      <dl class="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('login.username')}</dt>
        <dd class="mono">{user.username}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        {user.providerName !== null && (
          <>
            <dt>{t('account.provider')}</dt>
            <dd>{user.providerName}</dd>
          </>
        )}
      </dl>
      <ChangePasswordForm />
    </section>
  );
}
