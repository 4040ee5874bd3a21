import type { Kysely } from 'kysely';
import { Migrator } from 'kysely';
import { FatalError } from '../fatal-error';
import { migrations } from './migrations/index';
import type { Database } from './schema';

/**
 * Applies every pending migration and returns the names that ran (none when the
 * database is up to date). Throws an error naming the migration that failed; Kysely
 * runs each in a transaction, so a failure leaves no half-made table behind.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Migrations spell snake_case themselves and must not change meaning if the app's
  // plugins ever do.
  const migrator = new Migrator({
    db: db.withoutPlugins(),
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.filter((r) => r.status === 'Error').map((r) => r.migrationName);
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    const which = failed.length > 0 ? `migration ${failed.join(', ')} failed` : 'migrations could not run';
    throw new FatalError(`Database ${which}: ${reason}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
