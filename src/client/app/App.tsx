import { LocationProvider } from 'preact-iso';
import { SessionProvider, UserProvider, useSession } from '../auth/SessionProvider';
import { I18nProvider } from '../i18n';
import { DbProvider } from '../storage/DbProvider';
import { SyncProvider } from '../sync/SyncProvider';
import { AppErrorBoundary } from './AppErrorBoundary';
import { Layout } from './Layout';
import { Routes, SignedOutRoutes } from './routes';

export function App() {
  return (
    <I18nProvider>
      <AppErrorBoundary>
        <LocationProvider>
          <SessionProvider>
            <Shell />
          </SessionProvider>
        </LocationProvider>
      </AppErrorBoundary>
    </I18nProvider>
  );
}

/**
 * Signed out: only the sign-in screen. Otherwise the user's own database and the
 * routes of their role; keyed by user, so switching users leaves nothing behind.
 */
function Shell() {
  const session = useSession();
  if (session.status === 'signed-out') {
    return (
      <Layout>
        <SignedOutRoutes />
      </Layout>
    );
  }
  return (
    <UserProvider value={session.user}>
      <DbProvider key={session.user.id} userId={session.user.id}>
        <SyncProvider>
          <Layout>
            <Routes />
          </Layout>
        </SyncProvider>
      </DbProvider>
    </UserProvider>
  );
}
