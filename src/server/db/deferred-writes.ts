import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Log rows a transaction may hold back and write in bulk just before it commits: the
 * audit entries and change-feed rows of a pushed group of mutations. A push applies a
 * hundred or more mutations per transaction; one multi-row INSERT per log table instead
 * of a few statements per mutation is most of what makes it fast.
 *
 * Nothing reads these tables inside the writing transaction, so holding the rows back
 * changes no answer; they still commit with the changes they describe, or not at all.
 * A mutation refused in its savepoint drops the rows it deferred (`rollbackTo`), as the
 * savepoint drops its other writes.
 *
 * A transaction defers only when its owner said so (`deferWrites`) and then must call
 * `flush` before it commits; every other caller writes at once, as before.
 */

/** One kind of deferrable row and how to write many of them at once. */
export type DeferredKind<T> = { write(trx: Kysely<Database>, rows: readonly T[]): Promise<void> };

export type Deferral = {
  /** How far each kind has been filled, to come back to when a savepoint rolls back. */
  mark(): Mark;
  rollbackTo(mark: Mark): void;
  /** Writes everything held, kinds in the order they were first deferred, and stops deferring. */
  flush(): Promise<void>;
};

export type Mark = ReadonlyMap<object, number>;

type Queue = { kind: DeferredKind<unknown>; rows: unknown[] };

const deferrals = new WeakMap<Kysely<Database>, Map<object, Queue>>();

export function deferWrites(trx: Kysely<Database>): Deferral {
  const queues = new Map<object, Queue>();
  deferrals.set(trx, queues);
  return {
    mark: () => new Map([...queues].map(([kind, queue]) => [kind, queue.rows.length])),
    rollbackTo(mark) {
      for (const [kind, queue] of queues) queue.rows.length = mark.get(kind) ?? 0;
    },
    async flush() {
      deferrals.delete(trx);
      for (const { kind, rows } of queues.values()) if (rows.length > 0) await kind.write(trx, rows);
    },
  };
}

/** Holds `rows` to the transaction's flush and answers true; false when `trx` does not defer (write them now). */
export function defer<T>(trx: Kysely<Database>, kind: DeferredKind<T>, rows: readonly T[]): boolean {
  const queues = deferrals.get(trx);
  if (queues === undefined) return false;
  let queue = queues.get(kind);
  if (queue === undefined) {
    queue = { kind, rows: [] };
    queues.set(kind, queue);
  }
  queue.rows.push(...rows);
  return true;
}
