import { sql, type Kysely, type Transaction } from 'kysely';
import type { DatabaseHandle } from '../db/database';
import { FatalError } from '../fatal-error';
import { inDependencyOrder, tableCatalog, type TableInfo } from './table-catalog';

export type CopiedTable = { table: string; rows: number };

/** Rows read and written per statement; PostgreSQL takes at most 65,535 parameters in one. */
const PARAMETERS_PER_INSERT = 30_000;
const ROWS_PER_READ = 2_000;

/**
 * Copies every row of every table from `source` into `target`, both already migrated to
 * the same schema: records, users and sessions, the audit log, and the sync state (the
 * change feed and the version per scope that pull cursors count in, each device's last
 * mutation id and the results of its mutations, field clocks and history). Phones
 * therefore carry on syncing against the target as if nothing had moved: their cursors
 * and outboxes mean the same there.
 *
 * The source is read in one transaction (a snapshot: a server still writing to it
 * cannot tear the copy), the target written in one, so a failure leaves the target as
 * empty as it was. Refuses a target that holds any row. Counts are compared at the end.
 */
export async function copyDatabase(source: DatabaseHandle, target: DatabaseHandle): Promise<CopiedTable[]> {
  const from = source.db.withoutPlugins() as Kysely<unknown>;
  const to = target.db.withoutPlugins() as Kysely<unknown>;
  const sourceTables = new Map((await tableCatalog(from, source.kind)).map((table) => [table.name, table]));
  const targetTables = await tableCatalog(to, target.kind);
  assertSameSchema(sourceTables, targetTables);
  await assertEmpty(to, targetTables);

  const copied: CopiedTable[] = [];
  const reading = from.transaction();
  await (source.kind === 'postgres' ? reading.setIsolationLevel('repeatable read') : reading).execute(async (read) => {
    await to.transaction().execute(async (write) => {
      for (const table of inDependencyOrder(targetTables)) {
        copied.push({ table: table.name, rows: await copyTable(read, write, table) });
      }
      if (target.kind === 'postgres') await resetSequences(write);
      for (const { table, rows } of copied) {
        const written = await countRows(write, table);
        if (written !== rows) throw new Error(`${table}: ${rows} rows read but ${written} in the target`);
      }
    });
  });
  return copied;
}

async function copyTable(read: Transaction<unknown>, write: Transaction<unknown>, table: TableInfo): Promise<number> {
  const rowsPerInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / table.columns.length));
  let offset = 0;
  for (;;) {
    const rows = await sql<Record<string, unknown>>`
      select ${sql.join(table.columns.map((column) => sql.ref(column)))}
        from ${sql.table(table.name)}
       order by ${sql.join(table.orderBy.map((column) => sql.ref(column)))}
       limit ${ROWS_PER_READ} offset ${offset}`.execute(read);
    for (let start = 0; start < rows.rows.length; start += rowsPerInsert) {
      const batch = rows.rows.slice(start, start + rowsPerInsert);
      await sql`
        insert into ${sql.table(table.name)} (${sql.join(table.columns.map((column) => sql.ref(column)))})
        values ${sql.join(batch.map((row) => sql`(${sql.join(table.columns.map((column) => row[column]))})`))}`.execute(write);
    }
    offset += rows.rows.length;
    if (rows.rows.length < ROWS_PER_READ) return offset;
  }
}

/** Both sides run the same migrations; a difference means one of them is another version of Jejak. */
function assertSameSchema(source: ReadonlyMap<string, TableInfo>, target: readonly TableInfo[]): void {
  const problems: string[] = [];
  for (const table of target) {
    const other = source.get(table.name);
    if (other === undefined) {
      problems.push(`the source has no table ${table.name}`);
      continue;
    }
    const missing = table.columns.filter((column) => !other.columns.includes(column));
    const extra = other.columns.filter((column) => !table.columns.includes(column));
    if (missing.length > 0) problems.push(`${table.name} lacks ${missing.join(', ')} in the source`);
    if (extra.length > 0) problems.push(`${table.name} has ${extra.join(', ')} only in the source`);
  }
  const names = new Set(target.map((table) => table.name));
  for (const name of source.keys()) if (!names.has(name)) problems.push(`the target has no table ${name}`);
  if (problems.length > 0) throw new FatalError(`The two databases have different tables (${problems.join('; ')}). Migrate both with this version of Jejak.`);
}

async function assertEmpty(db: Kysely<unknown>, tables: readonly TableInfo[]): Promise<void> {
  const filled: string[] = [];
  for (const table of tables) {
    const rows = await countRows(db, table.name);
    if (rows > 0) filled.push(`${rows} in ${table.name}`);
  }
  if (filled.length > 0) {
    throw new FatalError(
      `The target database is not empty (rows: ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}). ` +
        'Copy or restore only into a new, empty database: a new SQLite file name, or a new PostgreSQL database (createdb). ' +
        'A database the server has started on once already holds the first admin and the vocation list.',
    );
  }
}

async function countRows(db: Kysely<unknown>, table: string): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * A column fed by a sequence (serial or identity) would hand out numbers the copied rows
 * already hold; each sequence restarts after its column's highest value.
 */
async function resetSequences(db: Kysely<unknown>): Promise<void> {
  const owned = await sql<{ sequence: string; table: string; column: string }>`
    select s.oid::regclass::text as sequence, t.oid::regclass::text as table, a.attname as column
      from pg_class s
      join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
      join pg_class t on t.oid = d.refobjid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      join pg_namespace n on n.oid = t.relnamespace
     where s.relkind = 'S' and n.nspname = current_schema()`.execute(db);
  for (const { sequence, table, column } of owned.rows) {
    await sql`select setval(${sequence}::regclass, coalesce((select max(${sql.ref(column)}) from ${sql.raw(table)}), 0) + 1, false)`.execute(db);
  }
}
