import type { AreaPlace } from '../../shared/schema/area-place.schema';
import { Dexie, type Table } from 'dexie';
import type { PersonReportFacts } from '../../shared/domain/report-facts';
import type { WorklistEntry } from '../../shared/domain/worklist';
import type { Alumnus, Cohort, Enrollment, FollowUp, Provider, SelfReportLink, UserName, Vocation } from '../../shared/schema';
import { touchedRecordsMiddleware } from './touched-records';

/**
 * One queued mutation. `mid` counts up by one per client (the server remembers the last
 * one it applied, so a retried push skips what it already has); the writer that appends
 * the entry allocates it in the same transaction as the change it describes. Rows are
 * deleted only up to the `lastMid` the server reports; a refused one stays, marked
 * `rejected`, until the user has seen it.
 */
export type OutboxEntry = {
  mid: number;
  clientId: string;
  name: string;
  version: number;
  args: unknown;
  hlc: string;
  createdAt: string;
  status: 'pending' | 'rejected';
  /**
   * Why the server refused it: `details` the field issues of invalid arguments, `current`
   * the values that won a compare-and-set, for review.
   */
  rejection: { code: string; message: string; details?: unknown; current?: unknown } | null;
};

/**
 * Small local facts: the pull cursor, the client id, the clock (see meta.repository.ts),
 * and `base:<entity>/<id>` rows, the server's version of each record a queued change
 * has touched (see sync/bases.ts).
 */
export type MetaEntry = { key: string; value: unknown };

/**
 * The due index: one row per alumnus with a follow-up due, what the worklist shows of
 * them whatever the day (see sync/due-index.ts). Derived from the entity tables and kept
 * current in the same transactions that write them, so the officer's home screen reads
 * its first rows by due date instead of reading every table.
 */
export type DueIndexRow = WorklistEntry & {
  alumnusId: string;
  /** The name folded (case, accents) so the index orders people as the list does. */
  sortName: string;
};

/** Set by an upgrade that added the due index: it is built, once, before it is read. */
export const DUE_INDEX_REBUILD = 'dueIndex:rebuild';

/**
 * Each person's report facts (see shared/domain/report-facts.ts): what the offline
 * report reads instead of every follow-up, kept in the same transactions as the writes
 * they come from (see sync/report-facts.ts).
 */
export type ReportFactsRow = PersonReportFacts;

/**
 * Set when the report facts no longer follow the tables (the upgrade that added them, a
 * large pull, any write on a device whose user reads no reports): they are computed
 * whole, once, before they are read again.
 */
export const REPORT_FACTS_REBUILD = 'reportFacts:rebuild';

/**
 * The IndexedDB schema version, with its history (what changed, and why):
 *
 * 1 — entity tables, `outbox` and `meta`.
 * 2 — `dueIndex`, the worklist's stored rows (built from the entity tables after the
 *     upgrade, see DUE_INDEX_REBUILD); `outbox` indexed by `status`, so counting what
 *     waits does not read every queued change (the rows themselves are unchanged).
 * 3 — `selfReportLinks`, the state of alumni's personal answer links (a new synced
 *     entity; nothing to migrate: the next pull fills it).
 * 4 — alumni's `birthPlace`, `email`, `regency` and `province`, empty on the rows stored
 *     before (no index changes; queued mutations need none: their schemas default them).
 * 5 — `areaPlaces`, the office's kecamatan/kelurahan reference list (a new synced entity
 *     of the shared scope; nothing to migrate: the next pull fills it).
 * 6 — `reportFacts`, each person's live enrolments and status steps, which the offline
 *     report reads; the upgrade marks them to be computed from the enrolments and
 *     follow-ups already on the device (see REPORT_FACTS_REBUILD), which a supervisor's
 *     or admin's app does as it starts.
 * 7 — indexes no query reads dropped: alumni by `name` and `kecamatan`, follow-ups by
 *     `contactedAt` and `[alumnusId+contactedAt]`, cohorts by `vocationId` and
 *     `budgetYear`, the due index by `dueDate` alone, the outbox by `createdAt`. Each
 *     cost every write to its table: a first pull writes 20,000 alumni and 40,000
 *     follow-ups, and IndexedDB keeps each index of each row. Nothing to migrate.
 *
 * To change it, never edit an existing `version(n)` call: add
 * `this.version(n + 1).stores({ …only the tables that change… }).upgrade(async (tx) => …)`
 * below the last one and bump this constant. The upgrade must rewrite old rows to the
 * new shape instead of letting screens crash on them — and that includes `outbox` rows:
 * queued mutations written by the old app are still unsynced work, so their `args`
 * are migrated (or their `name`/`version` kept so the server can still apply them),
 * never dropped.
 */
export const DB_SCHEMA_VERSION = 7;

/** Primary key first, then indexes (`&` unique, `[a+b]` compound). */
const STORES_V1 = {
  providers: 'id',
  vocations: 'id',
  cohorts: 'id, providerId, vocationId, budgetYear',
  alumni: 'id, &nik, name, kecamatan',
  enrollments: 'id, cohortId, alumnusId, [cohortId+alumnusId]',
  followUps: 'id, alumnusId, contactedAt, [alumnusId+contactedAt]',
  users: 'id, username',
  outbox: 'mid, createdAt',
  meta: 'key',
} as const;

const STORES_V2 = {
  dueIndex: 'alumnusId, dueDate, [dueDate+sortName]',
  outbox: 'mid, createdAt, status',
} as const;

const STORES_V3 = {
  selfReportLinks: 'id, alumnusId',
} as const;

const STORES_V5 = {
  areaPlaces: 'id, kecamatan',
} as const;

const STORES_V6 = {
  reportFacts: 'alumnusId',
} as const;

const STORES_V7 = {
  alumni: 'id, &nik',
  followUps: 'id, alumnusId',
  cohorts: 'id, providerId',
  dueIndex: 'alumnusId, [dueDate+sortName]',
  outbox: 'mid, status',
} as const;

export class JejakDb extends Dexie {
  // `declare`, not class fields: a field would be re-initialised to undefined after
  // Dexie's constructor has defined the tables on the instance.
  declare readonly providers: Table<Provider, string>;
  declare readonly vocations: Table<Vocation, string>;
  declare readonly cohorts: Table<Cohort, string>;
  declare readonly alumni: Table<Alumnus, string>;
  declare readonly enrollments: Table<Enrollment, string>;
  declare readonly followUps: Table<FollowUp, string>;
  declare readonly users: Table<UserName, string>;
  declare readonly selfReportLinks: Table<SelfReportLink, string>;
  declare readonly areaPlaces: Table<AreaPlace, string>;
  declare readonly outbox: Table<OutboxEntry, number>;
  declare readonly meta: Table<MetaEntry, string>;
  declare readonly dueIndex: Table<DueIndexRow, string>;
  declare readonly reportFacts: Table<ReportFactsRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores(STORES_V1);
    // Built lazily: the code that computes it is not part of the first download, and an
    // upgrade cannot wait for a module to load without its transaction closing.
    this.version(2)
      .stores(STORES_V2)
      .upgrade((tx) => tx.table('meta').put({ key: DUE_INDEX_REBUILD, value: true }));
    this.version(3).stores(STORES_V3);
    this.version(4)
      .stores({})
      .upgrade((tx) =>
        tx.table('alumni').toCollection().modify((alumnus: Partial<Alumnus>) => {
          alumnus.birthPlace ??= '';
          alumnus.email ??= '';
          alumnus.regency ??= '';
          alumnus.province ??= '';
        }),
      );
    this.version(5).stores(STORES_V5);
    // Computed after the upgrade, as the due index is, and only where reports are read.
    this.version(6)
      .stores(STORES_V6)
      .upgrade((tx) => tx.table('meta').put({ key: REPORT_FACTS_REBUILD, value: true }));
    this.version(7).stores(STORES_V7);
    this.use(touchedRecordsMiddleware);
  }
}

/**
 * Each user has a database of their own on the device: another user signing in here
 * never sees, and never sends, the first user's queued changes, and finds them still
 * there when the first user signs in again.
 */
export function userDbName(userId: string): string {
  return `jejak-u-${userId}`;
}

/** A database handle (Dexie opens it on first use); tests pass a fresh name so each starts empty. */
export function openDb(name: string): JejakDb {
  return new JejakDb(name);
}
