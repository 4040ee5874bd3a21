import { dateInZone } from '../shared/domain/dates';
import { BACKUP_USAGE, parseBackupCommand, runBackupCommand } from './backup/backup-cli';
import { CATALOG_USAGE, parseCatalogCommand, runCatalogCommand, type CatalogCommand } from './catalog/catalog-cli';
import { loadConfig, type Config } from './config';
import { createDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { DomainError } from './errors';
import { FatalError } from './fatal-error';
import { startServer } from './main';
import { USER_USAGE, formatUserTable, parseUserCommand, runUserCommand, type UserCommand } from './users/user-cli';
import { listUsers } from './users/users.repository';

export const USAGE = `Usage: jejak <command>

Commands:
  start     build the app if its sources changed, then serve it (npm start)
  serve     serve the built app and the API, without building
  migrate   apply pending database migrations and list them
  demo      like start, over a demo database loaded once with the demo data set
            (npm run demo; DATABASE_URL defaults to sqlite:data/demo.db)
${USER_USAGE}
${CATALOG_USAGE}
${BACKUP_USAGE}
  help      show this text

The first start over an empty database creates the user admin and prints its
password once.

Environment:
  DATABASE_URL  sqlite:<file> (default sqlite:data/jejak.db) or postgres://user@host:5432/db
  PORT          port to listen on (default 8080)
  HOST          address to listen on (default 0.0.0.0; 127.0.0.1 behind a reverse proxy)
  PUBLIC_URL    the origin people reach the app at (https://jejak.example.go.id)
  TRUST_PROXY   1 behind a reverse proxy that sets X-Forwarded-For/-Proto/-Host (default 0)
`;

const COMMANDS_WITH_ARGUMENTS: ReadonlySet<string> = new Set(['help', 'user', 'provider', 'vocation', 'backup', 'restore', 'copy']);

export const DEMO_DATABASE_URL = 'sqlite:data/demo.db';

/**
 * Runs one command and resolves to the process exit code: 0 done (or serving), 1
 * failed, 2 bad usage. Operator mistakes print one clear line, never a stack trace.
 */
export async function cli(args: readonly string[]): Promise<number> {
  const [command, ...extra] = args;
  if (extra.length > 0 && !COMMANDS_WITH_ARGUMENTS.has(command ?? '')) return usageError(`Unexpected arguments: ${extra.join(' ')}`);
  try {
    switch (command) {
      case 'user': {
        const parsed = parseUserCommand(extra);
        if ('problem' in parsed) return usageError(parsed.problem);
        await user(loadConfig(), parsed);
        return 0;
      }
      case 'provider':
      case 'vocation': {
        const parsed = parseCatalogCommand(command, extra);
        if ('problem' in parsed) return usageError(parsed.problem);
        await catalog(loadConfig(), parsed);
        return 0;
      }
      case 'backup':
      case 'restore':
      case 'copy': {
        const parsed = parseBackupCommand(command, extra);
        if ('problem' in parsed) return usageError(parsed.problem);
        // Read only by backup and restore: copy names both of its databases.
        await runBackupCommand(parsed, () => loadConfig().database, process.stdout);
        return 0;
      }
      case 'serve':
        await startServer(loadConfig());
        return 0;
      case 'start':
        await start(loadConfig());
        return 0;
      case 'migrate':
        await migrate(loadConfig());
        return 0;
      case 'demo':
        await demo(loadConfig(process.env, { defaultDatabaseUrl: DEMO_DATABASE_URL }));
        return 0;
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return 0;
      default:
        return usageError(command === undefined ? 'No command given.' : `Unknown command: ${command}`);
    }
  } catch (error) {
    return reportFailure(error);
  }
}

/** bin/jejak.js has built what was missing before this runs. */
async function start(config: Config): Promise<void> {
  await startServer(config);
}

async function migrate(config: Config): Promise<void> {
  const database = createDatabase(config.database);
  try {
    const applied = await migrateToLatest(database.db);
    console.log(applied.length === 0 ? 'The database is up to date.' : `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`);
  } finally {
    await database.close();
  }
}

async function user(config: Config, command: UserCommand): Promise<void> {
  const database = createDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    await runUserCommand(database.db, command, { stdin: process.stdin, stdout: process.stdout }, new Date());
  } finally {
    await database.close();
  }
}

async function catalog(config: Config, command: CatalogCommand): Promise<void> {
  const database = createDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    await runCatalogCommand(database.db, command, process.stdout, new Date());
  } finally {
    await database.close();
  }
}

async function demo(config: Config): Promise<void> {
  // Loaded here only: the generator is large and no other command needs it.
  const [{ generateDemoData }, { DEMO_PASSWORD, seedDemo }] = await Promise.all([import('./demo/demo-data'), import('./demo/seed-demo')]);
  const database = createDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    // The story runs up to the day the demo is made, in the office's time zone.
    const result = await seedDemo(database.db, generateDemoData(dateInZone(new Date())));
    console.log(result === 'seeded' ? 'Demo data loaded.' : 'Demo data already loaded.');
    console.log(`\nDemo accounts, each with the password ${DEMO_PASSWORD} :\n${formatUserTable(await listUsers(database.db))}`);
  } finally {
    await database.close();
  }
  // The demo users are there; a random admin would only confuse.
  await startServer(config, { firstAdmin: false });
}

function usageError(problem: string): number {
  process.stderr.write(`${problem}\n\n${USAGE}`);
  return 2;
}

function reportFailure(error: unknown): number {
  if (error instanceof FatalError || error instanceof DomainError) {
    console.error(`Error: ${error.message}`);
    return error instanceof FatalError ? error.exitCode : 1;
  }
  console.error(error);
  return 1;
}
