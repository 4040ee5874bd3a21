import type { SessionUser } from '../../shared/api/auth.api';
import { isSessionUser, pickUser } from './session-user';

/**
 * The last signed-in user, kept on the device so the app opens offline signed in, with
 * no password prompt: the cookie is HttpOnly and cannot be read, and the server cannot
 * be asked without a network. localStorage, not IndexedDB, because it is synchronous:
 * the first render already knows who is signed in. It holds no secret.
 */
export type RememberedSession = {
  user: SessionUser;
  /** The server said the session ended; the same user must sign in again when online. */
  expired: boolean;
  mustChangePassword: boolean;
};

export const SESSION_STORAGE_KEY = 'jejak.session';
/** Set when a sign-out could not reach the server: the server session is ended later. */
export const LOGOUT_PENDING_KEY = 'jejak.logout-pending';

export function readRememberedSession(): RememberedSession | null {
  try {
    const stored = JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null') as unknown;
    if (typeof stored !== 'object' || stored === null || !('user' in stored) || !isSessionUser(stored.user)) return null;
    return {
      user: pickUser(stored.user),
      expired: 'expired' in stored && stored.expired === true,
      mustChangePassword: 'mustChangePassword' in stored && stored.mustChangePassword === true,
    };
  } catch {
    // Blocked storage or a damaged value: nobody is remembered, sign-in still works.
    return null;
  }
}

export function rememberSession(session: RememberedSession | null): void {
  try {
    if (session === null) localStorage.removeItem(SESSION_STORAGE_KEY);
    else localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Not remembered across visits; the open app still knows the user.
  }
}

export function isLogoutPending(): boolean {
  try {
    return localStorage.getItem(LOGOUT_PENDING_KEY) !== null;
  } catch {
    return false;
  }
}

export function setLogoutPending(pending: boolean): void {
  try {
    if (pending) localStorage.setItem(LOGOUT_PENDING_KEY, '1');
    else localStorage.removeItem(LOGOUT_PENDING_KEY);
  } catch {
    // The server session then simply runs out on its own.
  }
}
