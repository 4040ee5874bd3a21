/**
 * The server no longer speaks this app's protocol, or cannot read a change queued here:
 * fetch the new version and start it.
 * The service worker (registered with autoUpdate, skipWaiting) installs the new build and
 * takes over; the reload then runs it. The outbox is in IndexedDB and survives both.
 */
export async function updateApp(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    await registration?.update();
  } catch {
    // No worker (development, a private window): the reload alone fetches the new build.
  }
  location.reload();
}
