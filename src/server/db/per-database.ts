import type { DialectAdapter, Kysely, KyselyPlugin } from 'kysely';
import type { Database } from './schema';

/**
 * A value made once per database and kept for every handle on it: its transactions are
 * new handles each time, and a statement compiled for one serves them all. The SQL
 * Kysely writes depends only on the dialect and the plugins, so the value is kept per
 * dialect adapter (one per database, shared by its transactions) and made again for a
 * handle with other plugins (`withPlugin`, `withoutPlugins`, `withSchema`).
 */
export function perDatabase<T>(make: (db: Kysely<Database>) => T): (db: Kysely<Database>) => T {
  const made = new WeakMap<DialectAdapter, { plugins: readonly KyselyPlugin[]; value: T }>();
  return (db) => {
    const { adapter, plugins } = db.getExecutor();
    const kept = made.get(adapter);
    if (kept !== undefined && sameItems(kept.plugins, plugins)) return kept.value;
    const value = make(db);
    made.set(adapter, { plugins, value });
    return value;
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
