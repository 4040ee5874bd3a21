import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/**
 * Which alumni a read-write transaction has written something about: the alumnus
 * itself, one of their enrolments or follow-ups, or a cohort they trained in. The due
 * index (the worklist's stored rows, see sync/due-index.ts) is brought up to date from
 * this at the end of the transaction, whoever wrote: a pulled page, a mutation, a rebase,
 * an undo. `all` is set when a table was cleared (a pull starting over).
 */
export type TouchedRecords = { alumni: Set<string>; cohorts: Set<string>; all: boolean };

const touched = new WeakMap<DBCoreTransaction, TouchedRecords>();

/** What the transaction touched so far, forgotten once taken. */
export function takeTouchedRecords(trans: DBCoreTransaction): TouchedRecords | undefined {
  const records = touched.get(trans);
  touched.delete(trans);
  return records;
}

function touchesOf(trans: DBCoreTransaction): TouchedRecords {
  let records = touched.get(trans);
  if (records === undefined) touched.set(trans, (records = { alumni: new Set(), cohorts: new Set(), all: false }));
  return records;
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
      const records = touchesOf(request.trans);
      switch (request.type) {
        case 'add':
        case 'put':
          for (const value of request.values as readonly Record<string, unknown>[]) note(records, name, value);
          break;
        case 'delete': {
          const keys = request.keys as string[];
          if (!ALUMNUS_RECORDS.has(name)) {
            for (const key of keys) (name === 'cohorts' ? records.cohorts : records.alumni).add(key);
          } else if (keys.length > 0) {
            // A deleted follow-up or enrolment no longer says whose it was: ask before it goes.
            return table.getMany({ trans: request.trans, keys }).then((before: (Record<string, unknown> | undefined)[]) => {
              for (const value of before) if (value !== undefined) note(records, name, value);
              return table.mutate(request);
            });
          }
          break;
        }
        case 'deleteRange':
          records.all = true;
          break;
      }
      return table.mutate(request);
    },
  };
}

function note(records: TouchedRecords, table: string, value: Record<string, unknown>): void {
  const id = table === 'alumni' || table === 'cohorts' ? value['id'] : value['alumnusId'];
  if (typeof id === 'string') (table === 'cohorts' ? records.cohorts : records.alumni).add(id);
}
