import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the generated service worker, which caches the app shell so the app opens
 * without a network. Production builds only: in `vite dev` a worker would serve stale
 * modules. With registerType 'autoUpdate' a new version activates at once and open tabs
 * reload; unsynced work is safe in IndexedDB, not in the page.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  registerSW({ immediate: true });
}
