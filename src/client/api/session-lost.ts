type Listener = () => void;

const listeners = new Set<Listener>();

/**
 * The server answered 401 `session-expired` or `unauthenticated` to some request: the
 * session provider listens and asks the same user to sign in again. Module-level
 * because any request anywhere may be the one that finds out.
 */
export function onSessionLost(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifySessionLost(): void {
  for (const listener of [...listeners]) listener();
}
