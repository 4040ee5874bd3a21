import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { parseDatabaseUrl, type DatabaseConfig } from '../config';
import { createDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { FatalError } from '../fatal-error';
import { backupSqlite } from './backup-sqlite';
import { copyDatabase, type CopiedTable } from './copy-database';

/**
 * `jejak backup <file>`, `jejak restore <file>` and `jejak copy --from URL --to URL`:
 * keeping an office's data safe and moving it between SQLite and PostgreSQL. A restore
 * is a copy out of a backup file; a copy carries the sync state along, so phones keep
 * syncing after the move without starting over.
 */

export const BACKUP_USAGE = `  backup FILE
            write a consistent copy of the SQLite database to FILE while the server
            runs (PostgreSQL: use pg_dump, see the README)
  restore FILE
            copy a backup into the database of DATABASE_URL, which must be empty
  copy --from URL --to URL
            copy every row, the sync state included, from one database into another,
            empty one (e.g. --from sqlite:data/jejak.db --to postgres://…/jejak)`;

export type BackupCommand =
  | { kind: 'backup'; file: string }
  | { kind: 'restore'; file: string }
  | { kind: 'copy'; from: string; to: string };

/** The command, or a usage problem (exit 2) in words. */
export function parseBackupCommand(command: 'backup' | 'restore' | 'copy', args: readonly string[]): BackupCommand | { problem: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { from: { type: 'string' }, to: { type: 'string' } } });
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  const { from, to } = parsed.values;
  if (command === 'copy') {
    if (parsed.positionals.length > 0) return { problem: `Unexpected arguments: ${parsed.positionals.join(' ')}` };
    if (from === undefined || to === undefined) return { problem: 'copy needs --from URL and --to URL.' };
    return { kind: 'copy', from, to };
  }
  if (from !== undefined || to !== undefined) return { problem: `${command} takes a file name, not --from or --to.` };
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return { problem: `${command} needs a file name.` };
  if (extra.length > 0) return { problem: `Unexpected arguments: ${extra.join(' ')}` };
  return { kind: command, file };
}

/** `configured` reads DATABASE_URL: the database backed up, or restored into. */
export async function runBackupCommand(command: BackupCommand, configured: () => DatabaseConfig, out: NodeJS.WritableStream, cwd = process.cwd()): Promise<void> {
  switch (command.kind) {
    case 'backup': {
      const database = configured();
      if (database.kind !== 'sqlite') {
        throw new FatalError('jejak backup copies a SQLite database; for PostgreSQL use pg_dump (the README, Deployment, gives the commands).');
      }
      const file = resolve(cwd, command.file);
      const bytes = await backupSqlite(database.path, file);
      out.write(`Backed up ${database.path} to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB).\n`);
      return;
    }
    case 'restore': {
      const file = resolve(cwd, command.file);
      const copied = await restore(file, configured());
      out.write(`Restored ${file}: ${summary(copied)}.\n`);
      return;
    }
    case 'copy': {
      const from = parseDatabaseUrl(command.from, cwd);
      const to = parseDatabaseUrl(command.to, cwd);
      if (sameDatabase(from, to)) throw new FatalError('--from and --to name the same database.');
      if (from.kind === 'sqlite' && !existsSync(from.path)) throw new FatalError(`There is no database at ${from.path}.`);
      out.write(`Copied ${summary(await copyBetween(from, to))}.\n`);
      return;
    }
  }
}

/**
 * Restores out of a scratch copy of the backup: an older backup is migrated to this
 * version's schema on the way, and the file itself is never changed.
 */
async function restore(file: string, target: DatabaseConfig): Promise<CopiedTable[]> {
  assertJejakBackup(file);
  if (target.kind === 'sqlite' && resolve(target.path) === file) throw new FatalError('The backup file is the database of DATABASE_URL itself.');
  const scratch = mkdtempSync(join(tmpdir(), 'jejak-restore-'));
  try {
    const copy = join(scratch, 'backup.db');
    copyFileSync(file, copy);
    return await copyBetween({ kind: 'sqlite', path: copy }, target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function copyBetween(from: DatabaseConfig, to: DatabaseConfig): Promise<CopiedTable[]> {
  const source = createDatabase(from);
  try {
    await migrateToLatest(source.db);
    const target = createDatabase(to);
    try {
      await migrateToLatest(target.db);
      return await copyDatabase(source, target);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

function assertJejakBackup(file: string): void {
  if (!existsSync(file)) throw new FatalError(`There is no file ${file}.`);
  let database;
  try {
    database = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const found = database.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
    if (found === undefined) throw new FatalError(`${file} is a SQLite database, but not one of Jejak's.`);
  } catch (error) {
    if (error instanceof FatalError) throw error;
    throw new FatalError(`${file} is not a SQLite database (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    database?.close();
  }
}

function sameDatabase(a: DatabaseConfig, b: DatabaseConfig): boolean {
  if (a.kind === 'sqlite' && b.kind === 'sqlite') return resolve(a.path) === resolve(b.path);
  if (a.kind === 'postgres' && b.kind === 'postgres') {
    const [x, y] = [new URL(a.url), new URL(b.url)];
    return x.host === y.host && x.pathname === y.pathname;
  }
  return false;
}

/** "1,370 alumni, 5,120 follow_ups, … (48,211 rows in 17 tables)". */
function summary(copied: readonly CopiedTable[]): string {
  const rows = (table: string) => copied.find((entry) => entry.table === table)?.rows ?? 0;
  const total = copied.reduce((sum, entry) => sum + entry.rows, 0);
  const main = ['users', 'providers', 'cohorts', 'alumni', 'follow_ups', 'change_log'].map((table) => `${rows(table)} ${table}`);
  return `${main.join(', ')} (${total} rows in ${copied.length} tables)`;
}
