import type { Insertable, Kysely, Transaction } from 'kysely';
import { hashPassword } from '../auth/password';
import { toRow } from '../db/rows';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { recordSnapshot } from '../sync/record-snapshot';
import { demoAreaPlaces } from './area-places';
import type { DemoData } from './demo-data';
import { rebuildReportPeople } from '../db/report-people.repository';
import { rebuildStatusSteps } from '../db/status-steps.repository';

/** Every demo user's password; `jejak demo` prints it. Never use demo data for real people. */
export const DEMO_PASSWORD = 'jejak-demo-2024';

/** app_meta key that marks a database as holding the demo data set. */
export const DATASET_KEY = 'dataset';
const DEMO = 'demo';

// SQLite (3.32 on, as better-sqlite3 bundles it) binds up to 32,766 values per statement,
// PostgreSQL 65,535; wide tables such as follow_ups therefore get fewer rows per INSERT.
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_INSERT = 500;

/**
 * Loads the demo data set into an empty database, once. All or nothing: one
 * transaction, so an interrupted seed leaves no half data set behind. Refuses a
 * database that holds real data, which must never get fake people mixed in.
 *
 * Every demo user gets DEMO_PASSWORD. One hash serves them all: a hash each would cost
 * a fifth of a second per user, and the shared salt only matters for real passwords.
 */
export async function seedDemo(db: Kysely<Database>, data: DemoData): Promise<'seeded' | 'already-seeded'> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const marker = await trx.selectFrom('appMeta').select('value').where('key', '=', DATASET_KEY).executeTakeFirst();
    if (marker?.value === DEMO) return 'already-seeded';
    if (await holdsData(trx)) {
      throw new DomainError('not-a-demo-database', 409, {
        message:
          'This database already holds providers, alumni or users that are not the demo data set, ' +
          'so the demo will not be loaded into it. Point DATABASE_URL at a new database ' +
          '(for example DATABASE_URL=sqlite:data/demo.db) and run the demo again.',
      });
    }
    // Parents before children: the foreign keys are checked row by row.
    await insertAll(trx, 'providers', data.providers.map(toRow));
    await insertAll(trx, 'vocations', data.vocations.map(toRow));
    await insertAll(trx, 'areaPlaces', demoAreaPlaces(data.vocations[0]?.createdAt ?? new Date().toISOString()).map(toRow));
    await insertAll(trx, 'users', data.users.map((user) => ({ ...toRow(user), passwordHash })));
    await insertAll(trx, 'cohorts', data.cohorts.map(toRow));
    await insertAll(trx, 'alumni', data.alumni.map(toRow));
    await insertAll(trx, 'enrollments', data.enrollments.map(toRow));
    await insertAll(trx, 'followUps', data.followUps.map(toRow));
    await rebuildStatusSteps(trx.withoutPlugins());
    await rebuildReportPeople(trx.withoutPlugins());
    // In one statement: a first pull of any device receives the whole data set.
    await recordSnapshot(trx, new Date());
    await trx.insertInto('appMeta').values({ key: DATASET_KEY, value: DEMO }).execute();
    return 'seeded';
  });
}

async function holdsData(trx: Transaction<Database>): Promise<boolean> {
  for (const table of ['providers', 'alumni', 'users'] as const) {
    const row = await trx.selectFrom(table).select('id').limit(1).executeTakeFirst();
    if (row !== undefined) return true;
  }
  return false;
}

type EntityTable = 'providers' | 'vocations' | 'areaPlaces' | 'users' | 'cohorts' | 'alumni' | 'enrollments' | 'followUps';

async function insertAll<T extends EntityTable>(trx: Transaction<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const size = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / Object.keys(first).length)));
  for (let start = 0; start < rows.length; start += size) {
    await trx.insertInto(table).values(rows.slice(start, start + size)).execute();
  }
}
