import { Dexie } from 'dexie';

export type StorageFailure = 'storage-full' | 'storage-failed';

/**
 * What a failed IndexedDB call means for the user: the device is full (they must free
 * space; nothing was written), or the database failed otherwise (closed, blocked,
 * aborted). Anything that is not a Dexie error is a bug and is thrown on.
 */
export function storageFailureOf(error: unknown): StorageFailure {
  if (!(error instanceof Dexie.DexieError)) throw error;
  const inner = (error as { inner?: unknown }).inner;
  const full = error.name === 'QuotaExceededError' || (inner instanceof Error && inner.name === 'QuotaExceededError');
  return full ? 'storage-full' : 'storage-failed';
}
