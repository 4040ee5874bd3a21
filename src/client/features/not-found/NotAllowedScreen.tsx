import { useUser } from '../../auth/SessionProvider';
import { homeOf } from '../../app/destinations';
import { useT } from '../../i18n';

export function NotAllowedScreen() {
  const t = useT();
  const user = useUser();
  return (
    <section class="screen">
      <h1>{t('notAllowed.title')}</h1>
      <p>{t('notAllowed.body', { role: t(`role.${user.role}`) })}</p>
      <p>
        <a class="button" href={homeOf(user.role)}>
          {t('notAllowed.home')}
        </a>
      </p>
    </section>
  );
}
