import { useLocation } from 'preact-iso';
import { homeOf } from '../../app/destinations';
import { useUser } from '../../auth/SessionProvider';
import { useT } from '../../i18n';

export function NotFoundScreen() {
  const t = useT();
  const { path } = useLocation();
  const user = useUser();
  return (
    <section class="screen">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path })}</p>
      <p>
        <a class="button" href={homeOf(user.role)}>
          {t('notFound.home')}
        </a>
      </p>
    </section>
  );
}
