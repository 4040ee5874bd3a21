import { render } from '@testing-library/preact';
import { App } from '../../src/client/app/App';
import { rememberSession } from '../../src/client/auth/remembered-session';
import type { SessionUser } from '../../src/shared/api/auth.api';

/** Renders the whole app at `path`, as if the browser had opened that address. */
export function renderApp(path = '/') {
  history.replaceState(null, '', path);
  return render(<App />);
}

/**
 * Opens the app at `path` with `user` remembered on this device, as the app remembers
 * whoever signed in: it opens signed in without asking the network, exactly as it does
 * offline. Online it then checks the session with the server (see `startSession`).
 */
export function renderSignedIn(path: string, user: SessionUser) {
  rememberSession({ user, expired: false, mustChangePassword: false });
  return renderApp(path);
}
