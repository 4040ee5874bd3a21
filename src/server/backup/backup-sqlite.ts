import { existsSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { FatalError } from '../fatal-error';

/**
 * A consistent copy of a SQLite database that a server may be writing to at the same
 * time, through SQLite's online backup API: the copy is what the database held at one
 * moment, and the server is never stopped. In WAL mode a reader does not block the
 * writer, so taking the whole copy in one step costs the server nothing; taken in small
 * steps, a write between two of them would start the copy over. The copy is checked
 * (`quick_check`) before this resolves. Returns its size in bytes.
 */
export async function backupSqlite(databasePath: string, file: string): Promise<number> {
  if (!existsSync(databasePath)) throw new FatalError(`There is no database at ${databasePath} to back up.`);
  if (existsSync(file)) throw new FatalError(`${file} exists already; a backup never overwrites a file. Choose a new name.`);
  const database = new SqliteDatabase(databasePath, { readonly: true, fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    await database.backup(file, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) });
  } finally {
    database.close();
  }
  const copy = new SqliteDatabase(file, { fileMustExist: true });
  try {
    // One self-contained file, with no -wal or -shm beside it to forget when it is moved.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new FatalError(`The backup in ${file} failed its check (${String(check)}); keep the database and try again.`);
  } finally {
    copy.close();
  }
  return statSync(file).size;
}
