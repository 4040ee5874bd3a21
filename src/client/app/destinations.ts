import { isCohortManager, type Grantee } from '../../shared/domain/grants';
import type { Role } from '../../shared/schema/user.schema';
import type { MessageKey } from '../i18n';
import type { NavIconName } from './nav-icons';

export type Destination = { href: string; label: MessageKey; icon: NavIconName };

const WORKLIST: Destination = { href: '/', label: 'nav.worklist', icon: 'worklist' };
const ALUMNI: Destination = { href: '/alumni', label: 'nav.alumni', icon: 'alumni' };
const COHORTS: Destination = { href: '/cohorts', label: 'nav.cohorts', icon: 'cohorts' };
const IMPORT: Destination = { href: '/import', label: 'nav.import', icon: 'import' };
const REPORTS: Destination = { href: '/reports', label: 'nav.reports', icon: 'reports' };
const ADMIN: Destination = { href: '/admin', label: 'nav.admin', icon: 'admin' };

/**
 * What each role's navigation offers, its home first. At most five each: the bottom tab
 * bar holds five at 360 px, each at least 44 px tall.
 */
export const DESTINATIONS: Record<Role, readonly Destination[]> = {
  officer: [WORKLIST, ALUMNI],
  'provider-staff': [COHORTS, ALUMNI, IMPORT],
  supervisor: [REPORTS, ALUMNI, COHORTS],
  admin: [ADMIN, REPORTS, ALUMNI, COHORTS],
};

/** The user's navigation: their role's, and the cohorts for an officer an admin let write them. */
export function destinationsOf(user: Grantee): readonly Destination[] {
  const own = DESTINATIONS[user.role];
  return isCohortManager(user) ? [...own, COHORTS] : own;
}

/** Where a role lands after signing in, and where `/` leads anyone but an officer. */
export function homeOf(role: Role): string {
  return DESTINATIONS[role][0]?.href ?? '/';
}

/** Whether `path` is within one of the user's destinations (`/alumni/…` is within `/alumni`). */
export function isDestinationOf(user: Grantee, path: string): boolean {
  return destinationsOf(user).some(({ href }) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`)));
}
