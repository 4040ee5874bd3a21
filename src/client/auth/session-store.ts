import type { SessionUser } from '../../shared/api/auth.api';
import { apiRequest, isSessionLost, type ApiError } from '../api/api-request';
import {
  isLogoutPending,
  readRememberedSession,
  rememberSession,
  setLogoutPending,
  type RememberedSession,
} from './remembered-session';
import { parseSessionResponse } from './session-user';

/**
 * signed-out → (sign in, online only) → signed-in
 * signed-in  → (the server says 401 session-expired / unauthenticated) → expired
 * expired    → (the same user, or someone else, signs in) → signed-in
 * signed-in | expired → (sign out; the caller has checked the outbox is empty) → signed-out
 *
 * A network failure changes nothing: only the server's own answer ends a session.
 */
export type Session =
  | { status: 'signed-out' }
  | { status: 'signed-in' | 'expired'; user: SessionUser; mustChangePassword: boolean };

export type SignInOutcome =
  | { kind: 'signed-in'; user: SessionUser }
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'refused'; error: ApiError; retryAfterSeconds: number | null };

function fromRemembered(remembered: RememberedSession | null): Session {
  if (remembered === null) return { status: 'signed-out' };
  const { user, expired, mustChangePassword } = remembered;
  return { status: expired ? 'expired' : 'signed-in', user, mustChangePassword };
}

function toRemembered(session: Session): RememberedSession | null {
  if (session.status === 'signed-out') return null;
  return { user: session.user, expired: session.status === 'expired', mustChangePassword: session.mustChangePassword };
}

export class SessionStore {
  #session: Session = fromRemembered(readRememberedSession());
  readonly #listeners = new Set<() => void>();
  /**
   * Bumped by every sign-in and sign-out: an answer to a check sent before one of them
   * (a 401 for the old cookie arriving after a fresh login) must not undo it.
   */
  #generation = 0;

  get session(): Session {
    return this.#session;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * On start and on `online`: does the remembered session still hold? Asks only when a
   * user is remembered, so a server session left behind by an offline sign-out never
   * signs anyone back in; instead that sign-out is finished now.
   */
  async check(): Promise<void> {
    if (!navigator.onLine) return;
    const generation = this.#generation;
    if (this.#session.status === 'signed-out') {
      if (isLogoutPending()) await this.#logout();
      return;
    }
    const result = await apiRequest('/api/auth/me', { reportSessionLoss: false });
    // Signed in or out meanwhile: this answer is about a session that is gone.
    if (generation !== this.#generation) return;
    if (result.kind === 'ok') {
      const parsed = parseSessionResponse(result.body);
      if (parsed !== null) this.#set({ status: 'signed-in', ...parsed });
    } else if (result.kind === 'error' && isSessionLost(result.status, result.error)) {
      this.expire();
    }
  }

  /** Signing in needs the network once; offline it is not even tried. */
  async signIn(username: string, password: string): Promise<SignInOutcome> {
    if (!navigator.onLine) return { kind: 'offline' };
    const result = await apiRequest('/api/auth/login', { method: 'POST', body: { username, password } });
    if (result.kind === 'unreachable') return { kind: 'unreachable' };
    if (result.kind === 'error') return { kind: 'refused', error: result.error, retryAfterSeconds: result.retryAfterSeconds };
    const parsed = parseSessionResponse(result.body);
    if (parsed === null) return { kind: 'unreachable' };
    this.#generation += 1;
    // The new cookie replaced the one a pending logout was meant for.
    setLogoutPending(false);
    this.#set({ status: 'signed-in', ...parsed });
    return { kind: 'signed-in', user: parsed.user };
  }

  /**
   * Forgets the session on this device and ends it on the server when it can. The
   * caller refuses first while the user's outbox holds changes; the user's local
   * database stays, so their next sign-in here starts from what was already pulled.
   */
  async signOut(): Promise<void> {
    this.#generation += 1;
    this.#set({ status: 'signed-out' });
    setLogoutPending(true);
    if (navigator.onLine) await this.#logout();
  }

  /** The server said the session is over: the same user must sign in again, nothing is dropped. */
  expire(): void {
    if (this.#session.status === 'signed-in') this.#set({ ...this.#session, status: 'expired' });
  }

  passwordChanged(): void {
    if (this.#session.status !== 'signed-out') this.#set({ ...this.#session, mustChangePassword: false });
  }

  /** Another tab signed in or out: follow what it remembered. */
  reload(): void {
    this.#generation += 1;
    this.#session = fromRemembered(readRememberedSession());
    this.#notify();
  }

  async #logout(): Promise<void> {
    const result = await apiRequest('/api/auth/logout', { method: 'POST', reportSessionLoss: false });
    // 204, or a 401 for a session already gone: either way nothing is left to end.
    const ended = result.kind === 'ok' || (result.kind === 'error' && result.status === 401);
    if (ended && this.#session.status === 'signed-out') setLogoutPending(false);
  }

  #set(session: Session): void {
    this.#session = session;
    rememberSession(toRemembered(session));
    this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
