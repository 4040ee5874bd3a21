import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/**
 * Which alumni a read-write transaction has written something about: the alumnus
 * itself, one of their enrolments or follow-ups, or a cohort they trained in. The rows
 * derived from them — the due index (the worklist's stored rows, see sync/due-index.ts)
 * and each person's report facts (sync/report-facts.ts) — are brought up to date from
 * this at the end of the transaction, whoever wrote: a pulled page, a mutation, a rebase,
 * an undo. `all` is set when a table was cleared (a pull starting over).
 */
export type TouchedRecords = { alumni: Set<string>; cohorts: Set<string>; all: boolean };

/** The derived rows kept from what a transaction touched: each reads its own copy, once. */
export type TouchedReader = 'due-index' | 'report-facts';
const READERS: readonly TouchedReader[] = ['due-index', 'report-facts'];

const touched = new WeakMap<DBCoreTransaction, Map<TouchedReader, TouchedRecords>>();

/** What the transaction touched so far, for `reader`, forgotten once taken. */
export function takeTouchedRecords(trans: DBCoreTransaction, reader: TouchedReader): TouchedRecords | undefined {
  const byReader = touched.get(trans);
  const records = byReader?.get(reader);
  byReader?.delete(reader);
  return records;
}

/** Every reader's record of the transaction's writes (a reader that took its own gets a fresh one). */
function touchesOf(trans: DBCoreTransaction): TouchedRecords[] {
  let byReader = touched.get(trans);
  if (byReader === undefined) touched.set(trans, (byReader = new Map<TouchedReader, TouchedRecords>()));
  return READERS.map((reader) => {
    let records = byReader.get(reader);
    if (records === undefined) byReader.set(reader, (records = { alumni: new Set(), cohorts: new Set(), all: false }));
    return records;
  });
}

/** Tables whose rows name an alumnus in `alumnusId`. */
const ALUMNUS_RECORDS = new Set(['enrollments', 'followUps']);
const WATCHED = new Set(['alumni', 'cohorts', ...ALUMNUS_RECORDS]);

/**
 * A DBCore middleware that notes every write to the tables the worklist is computed
 * from. It sits below Dexie's API, so no writer can forget it; only noting, not
 * computing, so a pulled page of 1,000 rows costs a few set insertions.
 */
export const touchedRecordsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'touchedRecords',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return WATCHED.has(name) ? watched(table, name) : table;
    },
  }),
};

function watched(table: DBCoreTable, name: string): DBCoreTable {
  return {
    ...table,
    // No async/await here: a native await between two requests lets IndexedDB commit
    // the transaction in between. The promise chain stays within Dexie's zone.
    mutate: (request: DBCoreMutateRequest) => {
      const readers = touchesOf(request.trans);
      switch (request.type) {
        case 'add':
        case 'put':
          for (const value of request.values as readonly Record<string, unknown>[]) note(readers, name, value);
          break;
        case 'delete': {
          const keys = request.keys as string[];
          if (!ALUMNUS_RECORDS.has(name)) {
            for (const records of readers) for (const key of keys) (name === 'cohorts' ? records.cohorts : records.alumni).add(key);
          } else if (keys.length > 0) {
            // A deleted follow-up or enrolment no longer says whose it was: ask before it goes.
            return table.getMany({ trans: request.trans, keys }).then((before: (Record<string, unknown> | undefined)[]) => {
              for (const value of before) if (value !== undefined) note(readers, name, value);
              return table.mutate(request);
            });
          }
          break;
        }
        case 'deleteRange':
          for (const records of readers) records.all = true;
          break;
      }
      return table.mutate(request);
    },
  };
}

function note(readers: readonly TouchedRecords[], table: string, value: Record<string, unknown>): void {
  const id = table === 'alumni' || table === 'cohorts' ? value['id'] : value['alumnusId'];
  if (typeof id !== 'string') return;
  for (const records of readers) (table === 'cohorts' ? records.cohorts : records.alumni).add(id);
}
