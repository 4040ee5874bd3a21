import { liveQuery } from 'dexie';
import type { JejakDb } from '../storage/db';
import { readMeta, writeMeta } from '../storage/meta.repository';
import { requestPersistentStorage } from '../storage/persist';
import type { Actor } from './local-appliers';
import { runSyncCycle, type CycleOutcome } from './sync-cycle';
import { SyncRunner } from './sync-runner';
import type { SyncState, SyncStatusStore } from './sync-status';
import { countPendingChanges } from '../storage/outbox.repository';

export type SyncEngine = { runNow(): Promise<void>; stop(): void };

/**
 * The sync engine of one signed-in user's database, loaded after the first screen
 * (it brings the schemas and appliers). Publishes the outbox counts live, and — while
 * `active` (signed in, not expired) — runs the cycles and asks once for persistent
 * storage. An expired session keeps the counts current but sends nothing.
 */
export function startSyncEngine(db: JejakDb, actor: Actor, status: SyncStatusStore, active: boolean): SyncEngine {
  const runner = new SyncRunner({
    cycle: () => runSyncCycle(db, actor, (progress) => status.update({ progress })),
    onRunning: (running) => status.update({ running, progress: null }),
    onOutcome: (outcome) => status.update(stateAfter(outcome)),
  });

  // Counts the outbox and notices new writes, also those made in other tabs.
  let lastMid: number | null = null;
  // Counted by index, not read: this runs after every settled batch of a long push.
  const subscription = liveQuery(async () => {
    const [pending, rejected, lastMid] = await Promise.all([
      countPendingChanges(db),
      db.outbox.where('status').equals('rejected').count(),
      readMeta(db, 'lastMid'),
    ]);
    return { pending, rejected, lastMid: lastMid ?? 0 };
  }).subscribe({
    next: (outbox) => {
      status.update({ pending: outbox.pending, rejected: outbox.rejected });
      if (lastMid !== null && outbox.lastMid > lastMid) runner.localWrite();
      lastMid = outbox.lastMid;
    },
    error: () => status.update({ pending: null }),
  });

  void readMeta(db, 'lastSyncedAt').then(
    (at) => status.update({ lastSyncedAt: at ?? null }),
    () => undefined,
  );
  if (active && status.state.problem !== 'update-required') {
    void askPersistence(db, status);
    void runner.start();
  }
  return {
    runNow: () => runner.runNow(),
    stop() {
      runner.stop();
      subscription.unsubscribe();
    },
  };
}

function stateAfter(outcome: CycleOutcome): Partial<SyncState> {
  switch (outcome.kind) {
    case 'synced':
      return { lastSyncedAt: outcome.at, problem: null };
    case 'session-lost':
      // The session banner says it; the changes wait for the next sign-in.
      return { problem: null };
    default:
      return { problem: outcome.kind };
  }
}

/** After sign-in, once per database: asked again only until the answer is known. */
async function askPersistence(db: JejakDb, status: SyncStatusStore): Promise<void> {
  try {
    if ((await readMeta(db, 'persistence')) !== undefined) return;
    const outcome = await requestPersistentStorage();
    if (outcome === 'granted') await writeMeta(db, 'persistence', 'granted');
    else if (outcome === 'refused') status.update({ persistRefused: true });
  } catch {
    // The database is closing (the user signed out): nothing to tell.
  }
}
