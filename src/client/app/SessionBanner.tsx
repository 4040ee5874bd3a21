import { useLocation } from 'preact-iso';
import { useSession } from '../auth/SessionProvider';
import { useT } from '../i18n';

/**
 * Says so when the server ended the session (the user keeps working; their changes
 * wait for the next sign-in) or when the password was chosen by someone else.
 */
export function SessionBanner() {
  const t = useT();
  const session = useSession();
  const { path } = useLocation();
  if (session.status === 'expired') {
    if (path === '/login') return null;
    return (
      <div class="banner banner--warning" role="alert">
        <p>
          <strong>{t('session.expired.message', { name: session.user.displayName })}</strong> {t('session.expired.keepWorking')}
        </p>
        <a class="button" href="/login">
          {t('session.expired.action')}
        </a>
      </div>
    );
  }
  if (session.status === 'signed-in' && session.mustChangePassword && path !== '/account') {
    return (
      <div class="banner" role="status">
        <p>{t('session.mustChangePassword')}</p>
        <a class="button button--secondary" href="/account">
          {t('session.changePasswordNow')}
        </a>
      </div>
    );
  }
  return null;
}
