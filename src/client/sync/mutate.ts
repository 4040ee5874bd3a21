import * as v from 'valibot';
import { toFieldIssues, type FieldIssue } from '../../shared/schema/issues';
import { MUTATIONS, type MutationName } from '../../shared/sync/mutations';
import type { JejakDb } from '../storage/db';
import { appendEntriesToOutbox } from './append-entries-to-outbox';
import { appendToOutbox } from './append-to-outbox';
import { applyLocally, type Actor } from './local-appliers';
import { LocalRefusal } from './local-refusal';
import { LocalStore } from './local-store';
import { storageFailureOf, type StorageFailure } from './storage-failure';
import { refreshDueIndex } from './due-index';
import { refreshReportFacts } from './report-facts';

/** What a screen passes: the mutation's arguments before defaults are filled in. */
export type MutationInput<N extends MutationName> = v.InferInput<(typeof MUTATIONS)[N]['args']>;

/**
 * How a change ended, as a value (this function _never_ throws for a user's input or a
 * failing disk; only for a bug): written and queued, refused field by field (nothing
 * written), or not stored because the device is full or its database failed.
 */
export type MutateResult = { kind: 'ok'; mid: number } | { kind: 'invalid'; issues: FieldIssue[] } | { kind: StorageFailure };

/**
 * The one way to change data on this device. The arguments are checked with the
 * mutation's shared schema (the server checks them with the same one), then one
 * read-write transaction applies the change to the entity tables and appends it to the
 * outbox. That transaction is the whole guarantee: a change is visible on the device
 * if and only if it is queued for the server, so nothing can change that would not sync.
 */
export async function mutate<N extends MutationName>(db: JejakDb, actor: Actor, name: N, input: MutationInput<N>): Promise<MutateResult> {
  const { version, args: schema } = MUTATIONS[name];
  const parsed = v.safeParse(schema, input);
  if (!parsed.success) return { kind: 'invalid', issues: toFieldIssues(parsed.issues) };
  const args = parsed.output;
  try {
    const entry = await db.transaction('rw', db.tables, async () => {
      const at = new Date().toISOString();
      await applyLocally({ store: new LocalStore(db), actor, at }, name, args);
      const appended = await appendToOutbox(db, { name, version, args, createdAt: at });
      await refreshDueIndex(db);
      await refreshReportFacts(db, actor);
      return appended;
    });
    return { kind: 'ok', mid: entry.mid };
  } catch (error) {
    if (error instanceof LocalRefusal) return { kind: 'invalid', issues: [{ path: error.path, code: error.code }] };
    return { kind: storageFailureOf(error) };
  }
}

/** One change of a batch: a mutation's name and its arguments as a screen passes them. */
export type BatchItem = { [N in MutationName]: { name: N; input: MutationInput<N> } }[MutationName];

/**
 * How a batch ended: every change written and queued (their `mid`s in order), or nothing
 * written because the item at `index` is invalid or was refused locally, or the device
 * could not store it.
 */
export type BatchResult =
  | { kind: 'ok'; mids: number[] }
  | { kind: 'invalid'; index: number; issues: FieldIssue[] }
  | { kind: StorageFailure };

/**
 * Several changes as one: all are checked first, then applied and queued in one
 * read-write transaction, so an import or a bulk edit lands whole or not at all (each
 * still travels to the server as its own mutation). Like `mutate`, it _never_ throws
 * for a user's input or a failing disk. Keep batches to a few hundred items so a long
 * import can report progress between them.
 */
export async function mutateBatch(db: JejakDb, actor: Actor, items: readonly BatchItem[]): Promise<BatchResult> {
  const parsed: { name: MutationName; version: number; args: unknown }[] = [];
  for (const [index, item] of items.entries()) {
    const { version, args: schema } = MUTATIONS[item.name];
    const result = v.safeParse(schema, item.input);
    if (!result.success) return { kind: 'invalid', index, issues: toFieldIssues(result.issues) };
    parsed.push({ name: item.name, version, args: result.output });
  }
  let current = 0;
  try {
    const mids = await db.transaction('rw', db.tables, async () => {
      const at = new Date().toISOString();
      const store = new LocalStore(db);
      for (const [index, { name, args }] of parsed.entries()) {
        current = index;
        await applyLocally({ store, actor, at }, name, args as never);
      }
      // Queued after every change applied, in order: one read and write of the counters for the batch.
      const written = await appendEntriesToOutbox(db, parsed.map(({ name, version, args }) => ({ name, version, args, createdAt: at })));
      await refreshDueIndex(db);
      await refreshReportFacts(db, actor);
      return written.map((entry) => entry.mid);
    });
    return { kind: 'ok', mids };
  } catch (error) {
    if (error instanceof LocalRefusal) return { kind: 'invalid', index: current, issues: [{ path: error.path, code: error.code }] };
    return { kind: storageFailureOf(error) };
  }
}
