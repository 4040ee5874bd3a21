import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../db/database';

/**
 * What a copy needs to know of a database's tables, read from the database itself so
 * that a table a later migration adds is copied without anyone listing it here. Kysely's
 * own bookkeeping (`kysely_migration*`) is left out: each side migrates itself.
 */
export type TableInfo = {
  name: string;
  columns: string[];
  /** Primary-key columns, or every column when the table has none: the order rows are read in. */
  orderBy: string[];
  /** Tables this one's foreign keys point at. */
  references: string[];
};

export async function tableCatalog(db: Kysely<unknown>, kind: DatabaseKind): Promise<TableInfo[]> {
  const tables = (await db.introspection.getTables()).filter((table) => !table.isView && !table.name.startsWith('kysely_'));
  const names = new Set(tables.map((table) => table.name));
  const result: TableInfo[] = [];
  for (const table of tables) {
    const columns = table.columns.map((column) => column.name);
    const primaryKey = await primaryKeyOf(db, kind, table.name);
    const references = (await referencesOf(db, kind, table.name)).filter((name) => name !== table.name && names.has(name));
    result.push({ name: table.name, columns, orderBy: primaryKey.length > 0 ? primaryKey : columns, references });
  }
  return result;
}

/** Referenced tables before the tables that point at them, so inserts never break a foreign key. */
export function inDependencyOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: TableInfo) => {
    if (placed.has(table.name)) return;
    if (visiting.has(table.name)) throw new Error(`foreign keys form a cycle through ${table.name}`);
    visiting.add(table.name);
    for (const name of table.references) {
      const referenced = byName.get(name);
      if (referenced !== undefined) visit(referenced);
    }
    visiting.delete(table.name);
    placed.add(table.name);
    ordered.push(table);
  };
  [...tables].sort((a, b) => a.name.localeCompare(b.name)).forEach(visit);
  return ordered;
}

async function primaryKeyOf(db: Kysely<unknown>, kind: DatabaseKind, table: string): Promise<string[]> {
  if (kind === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0 order by pk`.execute(db);
    return rows.rows.map((row) => row.name);
  }
  const rows = await sql<{ name: string }>`
    select a.attname as name
      from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
     where i.indrelid = to_regclass(${table}) and i.indisprimary
     order by a.attnum`.execute(db);
  return rows.rows.map((row) => row.name);
}

async function referencesOf(db: Kysely<unknown>, kind: DatabaseKind, table: string): Promise<string[]> {
  if (kind === 'sqlite') {
    const rows = await sql<{ name: string }>`select distinct "table" as name from pragma_foreign_key_list(${table})`.execute(db);
    return rows.rows.map((row) => row.name);
  }
  const rows = await sql<{ name: string }>`
    select distinct confrelid::regclass::text as name
      from pg_constraint
     where contype = 'f' and conrelid = to_regclass(${table})`.execute(db);
  return rows.rows.map((row) => row.name.replace(/^"|"$/g, ''));
}
