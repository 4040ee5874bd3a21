import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import { perDatabase } from './per-database';
import type { Database } from './schema';

/**
 * A multi-row INSERT (or upsert) whose SQL Kysely builds once per database, run with the
 * new rows' values bound as one flat list. Kysely otherwise parses every value of every
 * row and compiles the statement anew on each call: a push of 5,000 follow-ups spent
 * more time building its INSERTs than SQLite spent running them.
 *
 * Kysely compiles the statement for one row; the statement for n rows is that one with
 * its row of placeholders written n times (numbered on, `$1` `$2`…, where the dialect
 * numbers them). That reading of Kysely's SQL is checked once per database against the
 * statements Kysely compiles for two and three rows, and any difference throws.
 *
 * `build` receives stand-in rows carrying every one of `columns`, in that order, and
 * must insert them as they are (`values(rows)`) and bind nothing else: an `on conflict`
 * that reads `excluded` columns is fine, a constant value is not. Each row must hold a
 * value, null for none, in every column: Kysely would leave out a column whose value is
 * undefined, a compiled statement cannot. Rows are written `rowsPerInsert` at a time.
 */
export function multiRowInsert<R extends object>(
  columns: readonly (keyof R & string)[],
  rowsPerInsert: number,
  build: (db: Kysely<Database>, rows: R[]) => Compilable<unknown>,
): (db: Kysely<Database>, rows: readonly R[]) => Promise<void> {
  const statementFor = perDatabase((db) => readStatement(db, build, columns));
  return async (db, rows) => {
    for (let start = 0; start < rows.length; start += rowsPerInsert) {
      const chunk = rows.slice(start, start + rowsPerInsert);
      const parameters: unknown[] = [];
      for (const row of chunk) {
        for (const column of columns) {
          const value = row[column];
          if (value === undefined) throw new Error(`multiRowInsert: ${column} is undefined`);
          parameters.push(value);
        }
      }
      await db.executeQuery(CompiledQuery.raw(statementFor(db).sql(chunk.length), parameters));
    }
  };
}

type Statement = { sql(rowCount: number): string };

/** Row counts whose SQL is kept per statement: the same text again lets SQLite's statement cache find it at once. */
const MAX_KEPT_ROW_COUNTS = 32;

function readStatement<R extends object>(db: Kysely<Database>, build: (db: Kysely<Database>, rows: R[]) => Compilable<unknown>, columns: readonly string[]): Statement {
  const { sql: one } = compileRows(db, build, columns, 1);
  const valuesAt = one.indexOf(' values (');
  const open = valuesAt + ' values '.length;
  const close = one.indexOf(')', open) + 1;
  const numbered = one.startsWith('($', open);
  const placeholders = (row: number) => `(${columns.map((_, i) => (numbered ? `$${row * columns.length + i + 1}` : '?')).join(', ')})`;
  if (valuesAt < 0 || one.slice(open, close) !== placeholders(0)) throw new Error(`multiRowInsert: no row of placeholders in ${one}`);
  const head = one.slice(0, open);
  const tail = one.slice(close);
  const kept = new Map<number, string>();
  const sql = (rowCount: number) => {
    let text = kept.get(rowCount);
    if (text === undefined) {
      text = head + Array.from({ length: rowCount }, (_, row) => placeholders(row)).join(', ') + tail;
      if (kept.size >= MAX_KEPT_ROW_COUNTS) kept.clear();
      kept.set(rowCount, text);
    }
    return text;
  };
  for (const rowCount of [2, 3]) {
    const compiled = compileRows(db, build, columns, rowCount).sql;
    if (sql(rowCount) !== compiled) throw new Error(`multiRowInsert: Kysely wrote ${compiled} for ${rowCount} rows, not ${sql(rowCount)}`);
  }
  return { sql };
}

/** Stands for a value while the statement is compiled; no real value looks like it. */
const STAND_IN = '\u0000jejak-row-value\u0000';

/** Kysely's statement for `rowCount` stand-in rows, checked to bind their values row after row, column after column, and nothing else. */
function compileRows<R extends object>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, rows: R[]) => Compilable<unknown>,
  columns: readonly string[],
  rowCount: number,
): CompiledQuery {
  const values = Array.from({ length: rowCount }, (_, row) => columns.map((column) => `${STAND_IN}${row}/${column}`));
  const compiled = build(db, values.map((row) => Object.fromEntries(columns.map((column, i) => [column, row[i]])) as R)).compile();
  const expected = values.flat();
  if (compiled.parameters.length !== expected.length || compiled.parameters.some((value, i) => value !== expected[i])) {
    throw new Error(`multiRowInsert: the statement must bind the rows' ${columns.join(', ')} in order and nothing else`);
  }
  return compiled;
}
