/**
 * The tasks running in this tab, by lock name: the fallback where `navigator.locks` is
 * missing, a guard within a tab, and what a runner that found the lock taken here waits
 * for (a remounted provider, a second runner) instead of polling.
 */
const runningInThisTab = new Map<string, Promise<unknown>>();

/**
 * Runs `task` unless it already runs under `name` — in this tab, or in another tab of
 * the same browser profile when the Web Locks API is there — and answers 'busy' instead
 * of waiting: the one running does the work. Held for the whole task, released however
 * it ends (a closed tab releases its Web Lock too).
 */
export async function exclusive<T>(name: string, locks: LockManager | null, task: () => Promise<T>): Promise<T | 'busy'> {
  if (runningInThisTab.has(name)) return 'busy';
  const running = locks === null ? task() : locks.request(name, { ifAvailable: true }, (lock) => (lock === null ? 'busy' : task()));
  runningInThisTab.set(name, running);
  try {
    return await running;
  } finally {
    runningInThisTab.delete(name);
  }
}

/** Settles when the task running under `name` in this tab has ended; null when none runs here. */
export function releasedInThisTab(name: string): Promise<void> | null {
  const running = runningInThisTab.get(name);
  return running === undefined ? null : running.then(
    () => undefined,
    () => undefined,
  );
}
