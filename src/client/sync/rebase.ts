import * as v from 'valibot';
import { MUTATIONS, isMutationName } from '../../shared/sync/mutations';
import type { JejakDb } from '../storage/db';
import { pendingEntries } from '../storage/outbox.repository';
import { restoreBases } from './bases';
import { applyLocally, touchedKeys, type Actor } from './local-appliers';
import { LocalRefusal } from './local-refusal';
import { LocalStore } from './local-store';

/**
 * Puts the user's pending changes back on top of what the server sent: first the
 * server's version of the records in `restore` (every based record when null; none when
 * empty) replaces the local one, then every pending change is applied again, in `mid`
 * order, with the local appliers. Bases no pending change needs any more are dropped.
 * Runs inside the caller's read-write transaction over all tables.
 *
 * A pending change that no longer applies here (its record was deleted, changed by
 * someone else) is skipped: it stays queued and the server gives the final answer.
 */
export async function rebase(db: JejakDb, actor: Actor, restore: ReadonlySet<string> | null): Promise<void> {
  const pending = await pendingEntries(db);
  const keep = new Set(pending.flatMap((entry) => touchedKeys(entry.name, entry.args)));
  if (restore === null || restore.size > 0) await restoreBases(db, restore, keep);

  const store = new LocalStore(db);
  for (const entry of pending) {
    if (!isMutationName(entry.name) || MUTATIONS[entry.name].version !== entry.version) continue;
    // An IndexedDB row is a boundary too: an unreadable one is left for the server to refuse.
    const parsed = v.safeParse(MUTATIONS[entry.name].args, entry.args);
    if (!parsed.success) continue;
    try {
      await applyLocally({ store, actor, at: entry.createdAt }, entry.name, parsed.output);
    } catch (error) {
      if (!(error instanceof LocalRefusal)) throw error;
    }
  }
}
