import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import { perDatabase } from './per-database';
import type { Database } from './schema';

/**
 * A Kysely query built and compiled once per database, then run again with new
 * values. Kysely builds and compiles a query on every call, which is two thirds of a
 * small query's cost on SQLite: for the few statements a push runs per mutation,
 * thousands of times, compiling once is a large share of the push.
 *
 * `build` receives placeholders in `params` and must pass each value to Kysely as a
 * bound value (a `where` operand, an inserted value), never shape the query by it: no
 * `in` lists, no optional columns, no branching on a value, no undefined value. Values it does not take from
 * `params` (constants) are kept as compiled. The compiled query is kept per database —
 * its transactions share it (db/per-database.ts) — and per list of parameter names, in
 * their order.
 */
export function compiledOnce<P extends Record<string, unknown>, O>(
  build: (db: Kysely<Database>, params: P) => Compilable<O>,
): (db: Kysely<Database>, params: P) => Promise<QueryResult<O>> {
  const templates = perDatabase(() => new Map<string, Template<O>>());
  return async (db, params) => {
    const names = Object.keys(params);
    const signature = names.join('\u0000');
    const byNames = templates(db);
    let template = byNames.get(signature);
    if (template === undefined) byNames.set(signature, (template = compile(db, build, names)));
    const slots = template.slots;
    const parameters = template.compiled.parameters.map((value, i) => {
      const name = slots[i];
      if (name === undefined) return value;
      // Kysely leaves an undefined value's column out; a compiled query cannot.
      if (params[name] === undefined) throw new Error(`compiledOnce: ${name} is undefined`);
      return params[name];
    });
    return await db.executeQuery<O>({ ...template.compiled, parameters });
  };
}

type Template<O> = { compiled: CompiledQuery<O>; slots: (string | undefined)[] };

/** Stands for a parameter while the query is compiled; no real value looks like it. */
const PLACEHOLDER = '\u0000jejak-parameter\u0000';

function compile<P extends Record<string, unknown>, O>(db: Kysely<Database>, build: (db: Kysely<Database>, params: P) => Compilable<O>, names: readonly string[]): Template<O> {
  const placeholders = Object.fromEntries(names.map((name) => [name, `${PLACEHOLDER}${name}`])) as P;
  const compiled = build(db, placeholders).compile();
  const slots = compiled.parameters.map((value) => (typeof value === 'string' && value.startsWith(PLACEHOLDER) ? value.slice(PLACEHOLDER.length) : undefined));
  const used = new Set(slots);
  const unused = names.filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`compiledOnce: ${unused.join(', ')} never reached the query as bound values`);
  return { compiled, slots };
}
