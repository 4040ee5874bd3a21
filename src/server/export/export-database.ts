import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, sql, type CompiledQuery } from 'kysely';
import type { Database } from '../db/schema';

/**
 * The page cache of an export's own SQLite connection, in KiB. An export reads each row
 * once, in the order rows sit on disk, so a larger cache holds pages that are never read
 * again: at better-sqlite3's default (16 MB) a 100,000-row export filled it whole and
 * the server's resident memory grew by as much. A small one still keeps the indexes'
 * upper pages that every page's join goes through.
 */
export const EXPORT_CACHE_KIB = 1024;

/** A row as the values of the query's select list, in its order. */
export type ValueRow = readonly unknown[];

export type ExportDatabase = {
  /** For queries built with Kysely; rows come as objects, as from the app's handle. */
  db: Kysely<Database>;
  /**
   * A query's rows as arrays of values in the select list's order. On the export's own
   * SQLite connection these are better-sqlite3's raw rows: no object per row, which
   * allocated three times the memory of the values and was most of what a long export
   * left for the garbage collector. Run without plugins: no camelCase mapping.
   */
  valueRows(query: CompiledQuery): Promise<ValueRow[]>;
  /** Closes the export's own connection, if one was opened; safe to call more than once. */
  close(): Promise<void>;
};

/**
 * What an export reads through. Over a SQLite file: a read-only connection of its own
 * with a small page cache, opened at the export's first read and closed by `close`, so
 * that reading a whole table neither fills nor evicts the app's connection's cache (the
 * screens' and the sync's working set). WAL lets it read while the app writes. Over
 * PostgreSQL, or an in-memory SQLite database that no second connection can see: the
 * app's own handle, and `close` does nothing.
 */
export async function exportDatabase(db: Kysely<Database>): Promise<ExportDatabase> {
  const plain = db.withoutPlugins();
  const shared: ExportDatabase = {
    db,
    valueRows: async (query) => (await plain.executeQuery<Record<string, unknown>>(query)).rows.map((row) => Object.values(row)),
    close: () => Promise.resolve(),
  };
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return shared;
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(plain);
  const file = rows[0]?.file ?? '';
  if (file === '') return shared;

  let connection: SqliteDatabase.Database | undefined;
  let closing: Promise<void> | undefined;
  const open = () => {
    if (closing !== undefined) throw new Error('the export has ended: its connection is closed');
    if (connection === undefined) {
      connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
      connection.pragma(`cache_size = -${EXPORT_CACHE_KIB}`);
      connection.pragma('busy_timeout = 5000');
    }
    return connection;
  };
  const own = new Kysely<Database>({
    // Opened at the first query: an export that is never read opens nothing.
    dialect: new SqliteDialect({ database: () => new Promise((resolve) => resolve(open())) }),
    // The same plugins as the app's handle (CamelCasePlugin), so queries read the same.
    plugins: [...db.getExecutor().plugins],
  });
  // A keyset export runs one statement per page: prepared once.
  const statements = new Map<string, SqliteDatabase.Statement<unknown[], unknown[]>>();
  return {
    db: own,
    valueRows: (query) =>
      new Promise((resolve) => {
        const source = open();
        let statement = statements.get(query.sql);
        if (statement === undefined) statements.set(query.sql, (statement = source.prepare<unknown[], unknown[]>(query.sql).raw(true)));
        resolve(statement.all(...query.parameters));
      }),
    close: () => (closing ??= own.destroy().then(() => {
      connection?.close();
    })),
  };
}
