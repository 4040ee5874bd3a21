import { useLocation } from 'preact-iso';
import { useOnline } from '../../app/use-online';
import { useT } from '../../i18n';
import { FormProblemMessage } from '../../ui/FormProblemMessage';
import { AreaSection } from './AreaSection';
import { GettingStarted } from './GettingStarted';
import { ProvidersSection } from './ProvidersSection';
import { UsersSection } from './UsersSection';
import { VocationsSection } from './VocationsSection';
import { useAdminData } from './use-admin-data';

const SECTIONS = [
  { href: '/admin', label: 'admin.users.title' },
  { href: '/admin/providers', label: 'admin.providers.title' },
  { href: '/admin/vocations', label: 'admin.vocations.title' },
  { href: '/admin/area', label: 'admin.area.title' },
] as const;

/** Users, training providers, vocations and the office's area. Online only: nothing here is kept on the device. */
export function AdminScreen() {
  const t = useT();
  const online = useOnline();
  const { path } = useLocation();
  const { state, reload, putUser, putProvider, putVocation } = useAdminData();

  return (
    <section class="screen">
      <h1>{t('admin.title')}</h1>
      <nav class="tabs" aria-label={t('admin.sections')}>
        {SECTIONS.map(({ href, label }) => (
          <a key={href} class="tabs__link" href={href} aria-current={path === href ? 'page' : undefined}>
            {t(label)}
          </a>
        ))}
      </nav>
      {!online && (
        <p class="notice" role="status">
          {t('online.required')}
        </p>
      )}
      {state.kind === 'waiting' && online && <p class="muted">{t('common.loading')}</p>}
      {state.kind === 'failed' && (
        <div>
          <FormProblemMessage problem={state.problem} />
          <button type="button" class="button" onClick={() => void reload()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {state.kind === 'loaded' && <GettingStarted facts={state.data} />}
      {state.kind === 'loaded' &&
        (path === '/admin/providers' ? (
          <ProvidersSection providers={state.data.providers} onProvider={putProvider} />
        ) : path === '/admin/area' ? (
          <AreaSection />
        ) : path === '/admin/vocations' ? (
          <VocationsSection vocations={state.data.vocations} onVocation={putVocation} />
        ) : (
          <UsersSection users={state.data.users} providers={state.data.providers} onUser={putUser} />
        ))}
    </section>
  );
}
