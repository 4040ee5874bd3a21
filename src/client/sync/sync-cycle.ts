import type { JejakDb } from '../storage/db';
import { ensureClientId, writeMeta } from '../storage/meta.repository';
import type { Actor } from './local-appliers';
import { rebuildStaleDueIndex } from './due-index';
import { keepsReportFacts, rebuildStaleReportFacts } from './report-facts';
import { pull, type PullProgress } from './pull';
import { push } from './push';
import { storageFailureOf } from './storage-failure';
import type { SyncFailure } from './sync-failure';

/** Marked when a cycle has pulled and the worklist's index is up to date: the worklist shows everything pulled (the bench times to it). */
export const WORKLIST_READY_MARK = 'jejak:worklist-ready';

export type CycleOutcome = { kind: 'synced'; at: string } | SyncFailure | { kind: 'storage-full' | 'storage-failed' };

/**
 * One sync: push everything pending, then pull everything new. Push comes first so the
 * pull already carries the server's answer to this device's own changes. _Never_
 * throws: every ending is an outcome the runner schedules by and the status shows.
 */
export async function runSyncCycle(db: JejakDb, actor: Actor, onProgress: (progress: PullProgress) => void = () => undefined): Promise<CycleOutcome> {
  try {
    const clientId = await db.transaction('rw', db.meta, () => ensureClientId(db));
    const pushFailure = await push(db, actor, clientId);
    if (pushFailure !== null) return pushFailure;
    const pullFailure = await pull(db, actor, clientId, onProgress);
    if (pullFailure !== null) return pullFailure;
    // A large pull leaves the worklist's index to be computed once, here rather than page by page.
    await rebuildStaleDueIndex(db);
    performance.mark(WORKLIST_READY_MARK);
    // After the worklist: the offline report's facts matter only where reports are read.
    if (keepsReportFacts(actor)) await rebuildStaleReportFacts(db);
    const at = new Date().toISOString();
    await writeMeta(db, 'lastSyncedAt', at);
    return { kind: 'synced', at };
  } catch (error) {
    try {
      return { kind: storageFailureOf(error) };
    } catch {
      // A bug: reported, and retried later like a failed request rather than thrown into the UI.
      console.error('sync cycle failed', error);
      return { kind: 'storage-failed' };
    }
  }
}
