export type PersistOutcome = 'granted' | 'refused' | 'unsupported';

/**
 * Asks the browser not to evict this origin's storage under pressure: the outbox may hold
 * days of unsynced work from an officer in the field. Chromium decides silently, Firefox
 * may ask the user once. Never throws: without persistence the app still works, but the
 * user should know (see sync-engine.ts).
 */
export async function requestPersistentStorage(): Promise<PersistOutcome> {
  try {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persist) return 'unsupported';
    if (await storage.persisted?.()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'unsupported';
  }
}
