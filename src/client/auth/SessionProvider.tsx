import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { SessionUser } from '../../shared/api/auth.api';
import { onSessionLost } from '../api/session-lost';
import { SESSION_STORAGE_KEY } from './remembered-session';
import { SessionStore, type Session } from './session-store';

const SessionContext = createContext<SessionStore | null>(null);

/**
 * Holds who is signed in for the app below it. Checks the session with the server on
 * start and whenever the browser comes back online; follows other tabs through the
 * `storage` event; any request that finds the session gone turns it to `expired`.
 */
export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [store] = useState(() => new SessionStore());
  useEffect(() => {
    const check = () => void store.check();
    const followOtherTab = (event: StorageEvent) => {
      if (event.key === SESSION_STORAGE_KEY || event.key === null) store.reload();
    };
    const stopListening = onSessionLost(() => store.expire());
    addEventListener('online', check);
    addEventListener('storage', followOtherTab);
    check();
    return () => {
      stopListening();
      removeEventListener('online', check);
      removeEventListener('storage', followOtherTab);
    };
  }, [store]);
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

/** Sign in, sign out and the other session changes. */
export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (store === null) throw new Error('useSessionStore() outside <SessionProvider>');
  return store;
}

/** Who is signed in, re-rendering on every change. */
export function useSession(): Session {
  const store = useSessionStore();
  const [session, setSession] = useState(store.session);
  useEffect(() => {
    setSession(store.session);
    return store.subscribe(() => setSession(store.session));
  }, [store]);
  return session;
}

const UserContext = createContext<SessionUser | null>(null);

/** Given by the shell to everything it renders for a signed-in (or expired) user. */
export const UserProvider = UserContext.Provider;

/** The user of a screen that only renders while someone is signed in (or expired). */
export function useUser(): SessionUser {
  const user = useContext(UserContext);
  if (user === null) throw new Error('useUser() outside the signed-in shell');
  return user;
}
