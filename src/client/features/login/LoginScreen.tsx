import { useState } from 'preact/hooks';
import { useSession } from '../../auth/SessionProvider';
import { useT } from '../../i18n';
import { LoginForm } from './LoginForm';
import { PendingChangesStay } from './PendingChangesStay';

/**
 * Sign-in. Signed out: anyone. Expired: the same user again, username fixed, so their
 * queued changes can be sent — or, on purpose, someone else, whose changes then go to
 * their own local database while the first user's wait on the device.
 */
export function LoginScreen() {
  const t = useT();
  const session = useSession();
  const [someoneElse, setSomeoneElse] = useState(false);

  if (session.status === 'signed-out') {
    return (
      <section class="screen screen--narrow">
        <h1>{t('login.title')}</h1>
        <p class="muted">{t('login.intro')}</p>
        <LoginForm />
      </section>
    );
  }

  const { user } = session;
  if (someoneElse) {
    return (
      <section class="screen screen--narrow">
        <h1>{t('login.title')}</h1>
        <PendingChangesStay name={user.displayName} />
        <LoginForm />
        <p>
          <button type="button" class="button button--secondary" onClick={() => setSomeoneElse(false)}>
            {t('login.backToUser', { name: user.displayName })}
          </button>
        </p>
      </section>
    );
  }
  return (
    <section class="screen screen--narrow">
      <h1>{t('login.again.title')}</h1>
      <p>{t('session.expired.message', { name: user.displayName })}</p>
      <p class="muted">{t('login.again.keep')}</p>
      <LoginForm fixedUsername={user.username} />
      <p>
        <button type="button" class="button button--secondary" onClick={() => setSomeoneElse(true)}>
          {t('login.someoneElse')}
        </button>
      </p>
    </section>
  );
}
