import { useLocation } from 'preact-iso';
import type { Role } from '../../shared/schema/user.schema';
import { useT } from '../i18n';
import { DESTINATIONS } from './destinations';
import { NavIcon } from './nav-icons';

function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** The role's destinations only: a bottom tab bar on phones, a side bar on wide screens. */
export function Nav({ role }: { role: Role }) {
  const t = useT();
  const { path } = useLocation();
  return (
    <nav class="nav" aria-label={t('nav.label')}>
      <ul class="nav__list">
        {DESTINATIONS[role].map((item) => (
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
