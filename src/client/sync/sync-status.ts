/**
 * What the status area shows, published by the sync engine as state (the engine never
 * throws into the UI). `problem` is the reason the last cycle did not finish, cleared by
 * the next one that does.
 */
export type SyncState = {
  /** Changes waiting to be sent; null until first counted. */
  pending: number | null;
  /** Changes the server refused, waiting for the user to see them. */
  rejected: number;
  running: boolean;
  /** Pages and changes received so far by the running pull; null when none runs. */
  progress: { pages: number; changes: number } | null;
  /** ISO time of the last cycle that pushed and pulled everything. */
  lastSyncedAt: string | null;
  problem: 'unreachable' | 'server-error' | 'update-required' | 'storage-full' | 'storage-failed' | null;
  /** The browser refused persistent storage and the user has not yet been told. */
  persistRefused: boolean;
};

export const INITIAL_SYNC_STATE: SyncState = {
  pending: null,
  rejected: 0,
  running: false,
  progress: null,
  lastSyncedAt: null,
  problem: null,
  persistRefused: false,
};

export class SyncStatusStore {
  #state = INITIAL_SYNC_STATE;
  readonly #listeners = new Set<() => void>();

  get state(): SyncState {
    return this.#state;
  }

  update(patch: Partial<SyncState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of [...this.#listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
