import type SqliteDatabase from 'better-sqlite3';

/** Quiet time after the last write before the write-ahead log is moved into the database file. */
export const IDLE_CHECKPOINT_MS = 1_000;

export type IdleCheckpointer = {
  /** A statement that writes is about to run: the log grows, and the server is not idle. */
  wrote(): void;
  stop(): void;
};

/**
 * Moves SQLite's write-ahead log into the database file once writes have paused for
 * `idleMs`, rather than inside the commit that happens to fill it: that commit's request
 * would wait for tens of megabytes to be copied (a phone's push of 5,000 follow-ups
 * waited 0.1 s longer on one of its ten answers). A burst of writes thus commits to the
 * log only, and the copy is made when nobody is waiting. SQLite's own checkpoint at a
 * fixed log size stays as the bound for a burst that never pauses.
 *
 * PASSIVE: it copies what no reader still needs and never waits for a lock; whatever it
 * leaves is copied after the next pause. Not inside an open transaction, which a
 * checkpoint on the same connection could not run beside.
 */
export function idleCheckpointer(database: SqliteDatabase.Database, idleMs = IDLE_CHECKPOINT_MS): IdleCheckpointer {
  let lastWrite = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number) => {
    timer = setTimeout(fire, ms);
    // A pending checkpoint never keeps the process alive; closing the database checkpoints anyway.
    timer.unref();
  };
  const fire = () => {
    timer = undefined;
    if (!database.open) return;
    const quiet = performance.now() - lastWrite;
    if (quiet < idleMs) return arm(idleMs - quiet);
    if (database.inTransaction) return arm(idleMs);
    try {
      database.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // The next write schedules another; the log's size bound holds meanwhile.
      console.error('SQLite: moving the write-ahead log into the database failed:', error instanceof Error ? error.message : error);
    }
  };
  return {
    wrote() {
      lastWrite = performance.now();
      if (timer === undefined) arm(idleMs);
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
