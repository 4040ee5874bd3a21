import { Dexie, type Table } from 'dexie';
import type { Alumnus, Cohort, Enrollment, FollowUp, Provider, User, Vocation } from '../../shared/schema';

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
 * The IndexedDB schema version, with its history (what changed, and why):
 *
 * 1 — entity tables, `outbox` and `meta`.
 *
 * To change it, never edit an existing `version(n)` call: add
 * `this.version(n + 1).stores({ …only the tables that change… }).upgrade(async (tx) => …)`
 * below the last one and bump this constant. The upgrade must rewrite old rows to the
 * new shape instead of letting screens crash on them — and that includes `outbox` rows:
 * queued mutations written by the old app are still unsynced work, so their `args`
 * are migrated (or their `name`/`version` kept so the server can still apply them),
 * never dropped.
 */
export const DB_SCHEMA_VERSION = 1;

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

export class JejakDb extends Dexie {
  // `declare`, not class fields: a field would be re-initialised to undefined after
  // Dexie's constructor has defined the tables on the instance.
  declare readonly providers: Table<Provider, string>;
  declare readonly vocations: Table<Vocation, string>;
  declare readonly cohorts: Table<Cohort, string>;
  declare readonly alumni: Table<Alumnus, string>;
  declare readonly enrollments: Table<Enrollment, string>;
  declare readonly followUps: Table<FollowUp, string>;
  declare readonly users: Table<User, string>;
  declare readonly outbox: Table<OutboxEntry, number>;
  declare readonly meta: Table<MetaEntry, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores(STORES_V1);
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
