import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useSession } from '../auth/SessionProvider';
import { useT } from '../i18n';
import { AppErrorBoundary } from './AppErrorBoundary';
import { homeOf } from './destinations';
import { LanguageSelect } from './LanguageSelect';
import { Nav } from './Nav';
import { OnlineIndicator } from './OnlineIndicator';
import { SessionBanner } from './SessionBanner';
import { SyncNotices, SyncStatus } from './SyncStatus';
import { UserMenu } from './UserMenu';

/**
 * The shell around every screen, designed at 360 px first: one column, a header with the
 * name, the network state and the user's menu (the language switch while signed out),
 * and the role's navigation as a bottom tab bar that becomes a side bar on wide screens.
 */
export function Layout({ children }: { children: ComponentChildren }) {
  const t = useT();
  const { path } = useLocation();
  const session = useSession();
  const signedIn = session.status !== 'signed-out';
  return (
    <div class={signedIn ? 'shell' : 'shell shell--signed-out'}>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="header">
        <a class="brand" href={signedIn ? homeOf(session.user.role) : '/login'}>
          <BrandMark />
          <span class="brand__name">{t('app.name')}</span>
        </a>
        <div class="header__tools">
          {signedIn ? <SyncStatus /> : <OnlineIndicator />}
          {signedIn ? <UserMenu /> : <LanguageSelect />}
        </div>
      </header>
      {signedIn && <Nav user={session.user} />}
      <main id="main" class="main" tabIndex={-1}>
        {signedIn && <SessionBanner />}
        {signedIn && <SyncNotices />}
        <AppErrorBoundary resetKey={path}>{children}</AppErrorBoundary>
      </main>
    </div>
  );
}

function BrandMark() {
  return (
    <svg class="brand__mark" viewBox="0 0 512 512" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="512" height="512" rx="112" fill="currentColor" />
      <path d="M304 112V296a88 88 0 0 1-176 0" fill="none" stroke="#fff" stroke-width="64" stroke-linecap="round" />
      <circle cx="392" cy="392" r="22" fill="#99f6e4" />
      <circle cx="400" cy="312" r="17" fill="#99f6e4" />
      <circle cx="392" cy="244" r="13" fill="#99f6e4" />
    </svg>
  );
}
