import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { relative } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { createFirstAdmin, firstAdminNotice } from './auth/first-admin';
import { seedVocationCatalogue } from './catalog/seed-vocations';
import type { Config, DatabaseConfig } from './config';
import { createDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { FatalError } from './fatal-error';

export type RunningServer = { port: number; stop(): Promise<void> };

type ListeningServer = ReturnType<typeof serve>;

// Long-polling or keep-alive clients must not hold a shutdown open forever.
const SHUTDOWN_GRACE_MS = 10_000;

export type StartOptions = {
  /**
   * Create (and print) the first admin over an empty users table and the common vocations
   * over an empty vocations table; the demo has its own users and vocations.
   */
  firstAdmin?: boolean;
};

/**
 * Opens and migrates the database, then serves the app on host:port until SIGINT or
 * SIGTERM: the server stops accepting, open requests finish, then the database closes
 * (so SQLite checkpoints its WAL and PostgreSQL connections end cleanly).
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const database = createDatabase(config.database);
  let server: ListeningServer;
  try {
    await migrateToLatest(database.db);
    // Before listening: should the port turn out to be taken, the password is printed all the same.
    const firstAdmin = options.firstAdmin === false ? null : await createFirstAdmin(database.db, new Date());
    if (firstAdmin !== null) process.stdout.write(firstAdminNotice(firstAdmin));
    // A new office can create its first cohort at once; the demo brings its own list.
    const seeded = options.firstAdmin === false ? 0 : await seedVocationCatalogue(database.db, new Date());
    if (seeded > 0) console.log(`Added ${seeded} common vocations; admins edit the list under /admin/vocations.`);
    const app = createApp({
      db: database.db,
      dbKind: database.kind,
      version: config.version,
      distDir: config.distDir,
      trustProxy: config.trustProxy,
      publicUrl: config.publicUrl,
    });
    server = await listen(app.fetch, config.port, config.host);
  } catch (error) {
    await database.close();
    throw error;
  }

  const { port } = server.address() as AddressInfo;
  console.log(`Jejak ${config.version} on http://localhost:${port} (${describeDatabase(config.database)})`);
  if (!existsSync(config.distDir)) console.warn(`No built app in ${config.distDir}: serving the API only (npm start builds it).`);

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= closeServer(server).then(() => database.close()));
  const onSignal = (signal: NodeJS.Signals) => {
    console.log(`${signal}: shutting down`);
    stop().then(
      () => console.log('Stopped.'),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exitCode = 1;
      },
    );
  };
  // `once`: a second Ctrl-C falls through to Node's default and ends the process at once.
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { port, stop };
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<ListeningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname });
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new FatalError(`Port ${port} is already in use. Stop the program using it, or choose another port: PORT=8081 npm start`, { cause: error }));
      } else if (error.code === 'EACCES') {
        reject(new FatalError(`Port ${port} needs more privileges than this user has. Choose a port above 1023 with PORT=…`, { cause: error }));
      } else {
        reject(error);
      }
    });
  });
}

function closeServer(server: ListeningServer): Promise<void> {
  return new Promise((resolve, reject) => {
    const force = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close((error) => (error ? reject(error) : resolve()));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}

/** For the start-up line; never prints a PostgreSQL password. */
function describeDatabase(database: DatabaseConfig): string {
  if (database.kind === 'sqlite') {
    const path = relative(process.cwd(), database.path);
    return `sqlite ${path.startsWith('..') || path === '' ? database.path : path}`;
  }
  const url = new URL(database.url);
  return `postgres ${url.host}${url.pathname}`;
}
