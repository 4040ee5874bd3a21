import { useLocation } from 'preact-iso';
import type { Grantee } from '../../shared/domain/grants';
import { useT } from '../i18n';
import { destinationsOf } from './destinations';
import { NavIcon } from './nav-icons';

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** The user's destinations only: a bottom tab bar on phones, a side bar on wide screens. */
export function Nav({ user }: { user: Grantee }) {
  const t = useT();
  const { path } = useLocation();
  return (
    <nav class="nav" aria-label={t('nav.label')}>
      <ul class="nav__list">
        {destinationsOf(user).map((item) => (
          <li key={item.href}>
            <a class="nav__link" href={item.href} aria-current={isCurrent(item.href, path) ? 'page' : undefined}>
              <NavIcon name={item.icon} />
              <span class="nav__label">{t(item.label)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
