import { compareHlc, decodeHlc, encodeHlc, receiveHlc } from '../../shared/sync/hlc';
import type { Change } from '../../shared/sync/protocol';
import type { JejakDb } from '../storage/db';
import { ensureClientId, readMeta, writeMeta } from '../storage/meta.repository';

/**
 * Moves this device's clock past every field clock in `changes`. The phone's wall clock
 * may run hours slow: without this, an edit made here after seeing someone else's would
 * carry an older clock and lose to it. After it, the next local edit ticks from the
 * latest clock seen, whatever the wall clock says. Run inside the transaction that
 * applies the page (over `meta`).
 */
export async function mergePulledClocks(db: JejakDb, changes: readonly Change[], now: number): Promise<void> {
  let latest: string | null = null;
  for (const change of changes) {
    if (change.op !== 'put' || change.clocks === undefined) continue;
    for (const clock of Object.values(change.clocks)) if (latest === null || compareHlc(clock, latest) > 0) latest = clock;
  }
  const remote = latest === null ? null : decodeHlc(latest);
  if (remote === null) return;
  const local = decodeHlc((await readMeta(db, 'hlc')) ?? '');
  if (local !== null && compareHlc(encodeHlc(local), latest ?? '') > 0) return;
  await writeMeta(db, 'hlc', encodeHlc(receiveHlc(local, remote, now, await ensureClientId(db))));
}
